import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import type { CatalogEntry } from './catalog.js';
import type { Course, Lesson } from './course.js';
import type { CourseOutcome } from './problems.js';
import { checkCompletable, findLesson, progressOf, type CompletionRecord, type CourseProgress, type LessonPosition } from './progress.js';
import type { Services } from './services.js';

export interface Enrolment {
  readonly courseId: string;
  readonly enrolledAt: Date;
  readonly lastActivityAt: Date;
}

const enrolmentOf = (row: { course_id: string; enrolled_at: string; last_activity_at: string }): Enrolment => ({
  courseId: row.course_id,
  enrolledAt: new Date(row.enrolled_at),
  lastActivityAt: new Date(row.last_activity_at),
});

export async function completionsOf(db: Db, guildId: string, userId: string, courseId: string): Promise<CompletionRecord[]> {
  const rows = await db
    .selectFrom('course_completions')
    .select(['lesson_id', 'completed_at'])
    .where('guild_id', '=', guildId)
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .execute();
  return rows.map((row) => ({ lessonId: row.lesson_id, completedAt: new Date(row.completed_at) }));
}

export async function findEnrolment(db: Db, guildId: string, userId: string, courseId: string): Promise<Enrolment | undefined> {
  const row = await db
    .selectFrom('course_enrolments')
    .select(['course_id', 'enrolled_at', 'last_activity_at'])
    .where('guild_id', '=', guildId)
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row && enrolmentOf(row);
}

/**
 * Joins a course. Someone coming back after `/course drop` keeps the lessons they had done, so
 * their progress is returned too.
 */
export async function enrol({ db, clock }: Services, guildId: string, userId: string, entry: CatalogEntry): Promise<CourseOutcome<CourseProgress>> {
  const { course } = entry;
  if (entry.retired) return fail({ kind: 'retired', course });
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('course_enrolments')
      .values({ guild_id: guildId, user_id: userId, course_id: course.id, enrolled_at: now, last_activity_at: now })
      .onConflict((conflict) => conflict.columns(['guild_id', 'user_id', 'course_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return fail({ kind: 'already-enrolled', course });
    return succeed(progressOf(course, await completionsOf(trx, guildId, userId, course.id)));
  });
}

/** Leaves a course. Completions and reflections stay, so coming back picks up where they were. */
export async function drop({ db }: Services, guildId: string, userId: string, course: Course): Promise<CourseOutcome<CourseProgress>> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('course_enrolments')
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .where('course_id', '=', course.id)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return fail({ kind: 'not-enrolled', course });
    return succeed(progressOf(course, await completionsOf(trx, guildId, userId, course.id)));
  });
}

export interface MemberCourses {
  readonly enrolments: readonly Enrolment[];
  readonly completions: ReadonlyMap<string, readonly CompletionRecord[]>;
}

/** Everything `/course progress` needs, in two indexed reads. */
export async function memberCourses(db: Db, guildId: string, userId: string): Promise<MemberCourses> {
  const [enrolments, completions] = await Promise.all([
    db
      .selectFrom('course_enrolments')
      .select(['course_id', 'enrolled_at', 'last_activity_at'])
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .orderBy('enrolled_at')
      .orderBy('course_id')
      .execute(),
    db.selectFrom('course_completions').select(['course_id', 'lesson_id', 'completed_at']).where('guild_id', '=', guildId).where('user_id', '=', userId).execute(),
  ]);
  const byCourse = new Map<string, CompletionRecord[]>();
  for (const row of completions) {
    const list = byCourse.get(row.course_id) ?? [];
    list.push({ lessonId: row.lesson_id, completedAt: new Date(row.completed_at) });
    byCourse.set(row.course_id, list);
  }
  return {
    enrolments: enrolments.map(enrolmentOf),
    completions: byCourse,
  };
}

export type LessonView =
  | {
      readonly kind: 'lesson';
      readonly position: LessonPosition;
      readonly progress: CourseProgress;
      /** Set when the member already completed it. */
      readonly completedAt: Date | undefined;
      /** In an in-order course, the earlier lesson to complete first. */
      readonly blockedBy: Lesson | undefined;
    }
  | { readonly kind: 'finished'; readonly progress: CourseProgress };

/**
 * Opens a lesson for an enrolled member: the one asked for, or the next open one. Opening a lesson
 * counts as activity, so a member reading along isn't nudged as idle.
 */
export async function openLesson({ db, clock }: Services, guildId: string, userId: string, course: Course, lessonQuery: string | undefined): Promise<CourseOutcome<LessonView>> {
  const wanted = lessonQuery === undefined ? undefined : findLesson(course, lessonQuery);
  if (wanted !== undefined && !wanted.ok) return wanted;
  return db.transaction().execute(async (trx) => {
    const touched = await trx
      .updateTable('course_enrolments')
      .set({ last_activity_at: clock.now().toISOString() })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .where('course_id', '=', course.id)
      .executeTakeFirst();
    if (Number(touched.numUpdatedRows) === 0) return fail({ kind: 'not-enrolled', course });
    const completions = await completionsOf(trx, guildId, userId, course.id);
    const progress = progressOf(course, completions);
    const position = wanted?.value ?? progress.next;
    if (position === undefined) return succeed({ kind: 'finished', progress });
    const completable = checkCompletable(course, position.lesson.id, completions);
    return succeed({
      kind: 'lesson',
      position,
      progress,
      completedAt: completions.find((c) => c.lessonId === position.lesson.id)?.completedAt,
      blockedBy: !completable.ok && completable.problem.kind === 'out-of-order' ? completable.problem.first : undefined,
    });
  });
}

/**
 * Whether the member could complete a lesson now (the one named, or their next), without writing:
 * checked before the reflection form opens, so it never opens in vain.
 */
export async function canComplete(db: Db, guildId: string, userId: string, course: Course, lessonId: string | undefined): Promise<CourseOutcome<LessonPosition>> {
  if ((await findEnrolment(db, guildId, userId, course.id)) === undefined) return fail({ kind: 'not-enrolled', course });
  const completions = await completionsOf(db, guildId, userId, course.id);
  const wanted = lessonId ?? progressOf(course, completions).next?.lesson.id;
  if (wanted === undefined) return fail({ kind: 'course-finished', course });
  return checkCompletable(course, wanted, completions);
}

/** The number of members currently in a course in a server. */
export async function countEnrolled(db: Db, guildId: string, courseId: string): Promise<number> {
  const row = await db
    .selectFrom('course_enrolments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('guild_id', '=', guildId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
