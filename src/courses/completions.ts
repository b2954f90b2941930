import { fail, succeed } from '../outcome.js';
import { hasVisibleText } from '../text.js';
import type { Course } from './course.js';
import { completionsOf, findEnrolment } from './enrolments.js';
import type { Services } from './services.js';
import type { CourseOutcome } from './problems.js';
import { checkCompletable, progressOf, type CourseProgress, type LessonPosition } from './progress.js';

/** The longest reflection kept; the modal says so and enforces it, and so does the server. */
export const REFLECTION_LIMIT = 1000;

export interface CompleteLesson {
  readonly guildId: string;
  readonly userId: string;
  readonly course: Course;
  readonly lessonId: string;
  /** As typed in the modal. */
  readonly reflection: string;
}

export interface Completed {
  readonly position: LessonPosition;
  readonly progress: CourseProgress;
  readonly completedAt: Date;
}

/**
 * Trims a reflection and holds it to the limit: a reflection is required (one that shows nothing,
 * only zero-width or blank characters, is empty), and never too long.
 */
export function checkReflection(raw: string): CourseOutcome<string> {
  const body = raw.trim();
  if (!hasVisibleText(body)) return fail({ kind: 'reflection-empty' });
  if (body.length > REFLECTION_LIMIT) return fail({ kind: 'reflection-too-long', length: body.length, limit: REFLECTION_LIMIT });
  return succeed(body);
}

/**
 * Completes a lesson with its reflection (private until shared), in one transaction: enrolled,
 * not done before, and in order where the course requires it. Any problem writes nothing.
 */
export async function completeLesson({ db, clock }: Services, input: CompleteLesson): Promise<CourseOutcome<Completed>> {
  const { guildId, userId, course } = input;
  const body = checkReflection(input.reflection);
  if (!body.ok) return body;
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if ((await findEnrolment(trx, guildId, userId, course.id)) === undefined) return fail({ kind: 'not-enrolled', course });
    const completions = await completionsOf(trx, guildId, userId, course.id);
    const completable = checkCompletable(course, input.lessonId, completions);
    if (!completable.ok) return completable;
    const { lesson } = completable.value;
    const key = { guild_id: guildId, user_id: userId, course_id: course.id, lesson_id: lesson.id };
    await trx.insertInto('course_completions').values({ ...key, completed_at: at }).execute();
    await trx
      .insertInto('course_reflections')
      .values({ ...key, body: body.value, visibility: 'private', written_at: at, shared_at: null, shared_channel_id: null, shared_message_id: null })
      .execute();
    await trx
      .updateTable('course_enrolments')
      .set({ last_activity_at: at })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .where('course_id', '=', course.id)
      .execute();
    const progress = progressOf(course, [...completions, { lessonId: lesson.id, completedAt: now }]);
    return succeed({ position: completable.value, progress, completedAt: now });
  });
}
