import type { Db } from '../db/connection.js';
import type { Course } from './course.js';

/** One member's place in a course, as `/course report` lists it. */
export interface ReportRow {
  readonly userId: string;
  readonly enrolledAt: Date;
  readonly lessonsDone: number;
  readonly lessonsTotal: number;
  readonly lastActivityAt: Date;
  readonly finishedAt: Date | undefined;
}

/**
 * Everyone enrolled in a course in a server, earliest first, with progress against the current
 * lessons. The database counts each member's completions of the current lessons and their latest
 * one, which is all `progressOf` reads for a report (done, and finished once done is every lesson):
 * one row per member instead of one per completion, for a course with thousands of members.
 */
export async function courseReport(db: Db, guildId: string, course: Course): Promise<ReportRow[]> {
  const lessonIds = course.lessons.map((lesson) => lesson.id);
  const [enrolments, counted] = await Promise.all([
    db
      .selectFrom('course_enrolments')
      .select(['user_id', 'enrolled_at', 'last_activity_at'])
      .where('guild_id', '=', guildId)
      .where('course_id', '=', course.id)
      .orderBy('enrolled_at')
      .orderBy('user_id')
      .execute(),
    lessonIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('course_completions')
          .select((eb) => ['user_id', eb.fn.countAll<number | string>().as('done'), eb.fn.max('completed_at').as('latest')])
          .where('guild_id', '=', guildId)
          .where('course_id', '=', course.id)
          .where('lesson_id', 'in', lessonIds)
          .groupBy('user_id')
          .execute(),
  ]);
  const byUser = new Map(counted.map((row) => [row.user_id, { done: Number(row.done), latest: new Date(row.latest) }]));
  const total = lessonIds.length;
  return enrolments.map((row) => {
    const progress = byUser.get(row.user_id);
    return {
      userId: row.user_id,
      enrolledAt: new Date(row.enrolled_at),
      lessonsDone: progress?.done ?? 0,
      lessonsTotal: total,
      lastActivityAt: new Date(row.last_activity_at),
      // As progressOf has it: finished when every current lesson is done, at the latest of them.
      finishedAt: progress !== undefined && progress.done === total ? progress.latest : undefined,
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
