import type { Db } from '../db/connection.js';
import type { Course } from './course.js';
import { progressOf, type CompletionRecord } from './progress.js';

/** One member's place in a course, as `/course report` lists it. */
export interface ReportRow {
  readonly userId: string;
  readonly enrolledAt: Date;
  readonly lessonsDone: number;
  readonly lessonsTotal: number;
  readonly lastActivityAt: Date;
  readonly finishedAt: Date | undefined;
}

/** Everyone enrolled in a course in a server, earliest first, with progress against the current lessons. */
export async function courseReport(db: Db, guildId: string, course: Course): Promise<ReportRow[]> {
  const [enrolments, completions] = await Promise.all([
    db
      .selectFrom('course_enrolments')
      .select(['user_id', 'enrolled_at', 'last_activity_at'])
      .where('guild_id', '=', guildId)
      .where('course_id', '=', course.id)
      .orderBy('enrolled_at')
      .orderBy('user_id')
      .execute(),
    db.selectFrom('course_completions').select(['user_id', 'lesson_id', 'completed_at']).where('guild_id', '=', guildId).where('course_id', '=', course.id).execute(),
  ]);
  const byUser = new Map<string, CompletionRecord[]>();
  for (const row of completions) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ lessonId: row.lesson_id, completedAt: new Date(row.completed_at) });
    byUser.set(row.user_id, list);
  }
  return enrolments.map((row) => {
    const progress = progressOf(course, byUser.get(row.user_id) ?? []);
    return {
      userId: row.user_id,
      enrolledAt: new Date(row.enrolled_at),
      lessonsDone: progress.done,
      lessonsTotal: progress.total,
      lastActivityAt: new Date(row.last_activity_at),
      finishedAt: progress.finishedAt,
    };
  });
}

/** How long a report calls a member "idle" when the moderator doesn't say. */
export const DEFAULT_IDLE_DAYS = 14;

/** The idle days a moderator may ask for (what `/course report`'s option allows). */
export const IDLE_DAYS = { min: 1, max: 365 } as const;

export interface ReportSummary {
  readonly enrolled: number;
  readonly finished: number;
  /** Started (at least one lesson) but not finished. */
  readonly inProgress: number;
  readonly notStarted: number;
  /** Not finished, and no activity for `idleDays`. */
  readonly idle: number;
  readonly idleDays: number;
}

export function summarizeReport(rows: readonly ReportRow[], now: Date, idleDays: number): ReportSummary {
  const idleBefore = now.getTime() - idleDays * 86_400_000;
  const open = rows.filter((row) => row.finishedAt === undefined);
  return {
    enrolled: rows.length,
    finished: rows.length - open.length,
    inProgress: open.filter((row) => row.lessonsDone > 0).length,
    notStarted: open.filter((row) => row.lessonsDone === 0).length,
    idle: open.filter((row) => row.lastActivityAt.getTime() < idleBefore).length,
    idleDays,
  };
}
