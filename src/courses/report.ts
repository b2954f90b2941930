import type { Expression, SqlBool } from 'kysely';
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

/** A page of a report: `limit` members after the first `offset`, in the report's order. */
export interface ReportPage {
  readonly limit: number;
  readonly offset: number;
}

/**
 * Everyone enrolled in a course in a server (or one page of them), earliest first, with progress
 * against the current lessons. The database counts each member's completions of the current
 * lessons and their latest one, which is all `progressOf` reads for a report (done, and finished
 * once done is every lesson): one row per member instead of one per completion, for a course with
 * thousands of members.
 */
export async function courseReport(db: Db, guildId: string, course: Course, page?: ReportPage): Promise<ReportRow[]> {
  const lessonIds = course.lessons.map((lesson) => lesson.id);
  const enrolments = await db
    .selectFrom('course_enrolments')
    .select(['user_id', 'enrolled_at', 'last_activity_at'])
    .where('guild_id', '=', guildId)
    .where('course_id', '=', course.id)
    .orderBy('enrolled_at')
    .orderBy('user_id')
    .$if(page !== undefined, (query) => query.limit(page?.limit ?? 0).offset(page?.offset ?? 0))
    .execute();
  const counted =
    lessonIds.length === 0 || enrolments.length === 0
      ? []
      : await completionsCounted(db, guildId, course.id, lessonIds)
          // A page counts only its own members; the whole report counts everyone at once.
          .$if(page !== undefined, (query) => query.where('user_id', 'in', enrolments.map((row) => row.user_id)))
          .select((eb) => ['user_id', eb.fn.max('completed_at').as('latest')])
          .execute();
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

/** Each member's completions of the current lessons, counted (`done`), grouped by member. */
function completionsCounted(db: Db, guildId: string, courseId: string, lessonIds: readonly string[]) {
  return db
    .selectFrom('course_completions')
    .select((eb) => ['user_id', eb.fn.countAll<number | string>().as('done')])
    .where('guild_id', '=', guildId)
    .where('course_id', '=', courseId)
    .where('lesson_id', 'in', lessonIds)
    .groupBy('user_id');
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

/**
 * What `summarizeReport` says of the whole report, counted by the database: a page about a course
 * of thousands needs the five numbers, not a row per member.
 */
export async function reportSummary(db: Db, guildId: string, course: Course, now: Date, idleDays: number): Promise<ReportSummary> {
  const lessonIds = course.lessons.map((lesson) => lesson.id);
  const idleBefore = new Date(now.getTime() - idleDays * 86_400_000).toISOString();
  const enrolled = db.selectFrom('course_enrolments as e').where('e.guild_id', '=', guildId).where('e.course_id', '=', course.id);
  const row =
    lessonIds.length === 0
      ? // No lessons: nobody has done any, and nobody finishes (as progressOf has it).
        await enrolled
          .select((eb) => [
            eb.fn.countAll<number | string>().as('enrolled'),
            eb.lit(0).as('finished'),
            eb.lit(0).as('in_progress'),
            eb.fn.countAll<number | string>().as('not_started'),
            eb.fn.sum<number | string | null>(eb.case().when('e.last_activity_at', '<', idleBefore).then(1).else(0).end()).as('idle'),
          ])
          .executeTakeFirstOrThrow()
      : await enrolled
          .leftJoin(completionsCounted(db, guildId, course.id, lessonIds).as('c'), (join) => join.onRef('c.user_id', '=', 'e.user_id'))
          .select((eb) => {
            const done = eb.fn.coalesce('c.done', eb.lit(0));
            const open = eb(done, '<', lessonIds.length);
            const counted = (when: Expression<SqlBool>) => eb.fn.sum<number | string | null>(eb.case().when(when).then(1).else(0).end());
            return [
              eb.fn.countAll<number | string>().as('enrolled'),
              counted(eb(done, '=', lessonIds.length)).as('finished'),
              counted(eb.and([open, eb(done, '>', 0)])).as('in_progress'),
              counted(eb(done, '=', 0)).as('not_started'),
              counted(eb.and([open, eb('e.last_activity_at', '<', idleBefore)])).as('idle'),
            ];
          })
          .executeTakeFirstOrThrow();
  return {
    enrolled: Number(row.enrolled),
    finished: Number(row.finished ?? 0),
    inProgress: Number(row.in_progress ?? 0),
    notStarted: Number(row.not_started ?? 0),
    idle: Number(row.idle ?? 0),
    idleDays,
  };
}
