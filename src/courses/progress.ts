import { fail, succeed } from '../outcome.js';
import type { Course, Lesson } from './course.js';
import type { CourseOutcome } from './problems.js';
import { titlesOf } from './translation.js';

/** A lesson the member completed, as stored: by id, so it survives edits to the course. */
export interface CompletionRecord {
  readonly lessonId: string;
  readonly completedAt: Date;
}

export interface LessonPosition {
  readonly lesson: Lesson;
  /** 1-based, in the course's current order. */
  readonly number: number;
}

export interface CourseProgress {
  /** Lessons of the course as it is now that the member has completed. */
  readonly done: number;
  readonly total: number;
  /** The first open lesson in course order; undefined when finished. */
  readonly next: LessonPosition | undefined;
  /** When the last lesson was completed, once every current lesson is; recomputed if the course grows. */
  readonly finishedAt: Date | undefined;
  /** The latest completion of a current lesson. */
  readonly lastCompletedAt: Date | undefined;
}

/**
 * Progress against the course as it is now. Completions of lessons that were since removed stay
 * stored (and exported) but no longer count; lessons added later count as still to do.
 */
export function progressOf(course: Course, completions: readonly CompletionRecord[]): CourseProgress {
  const completedAt = new Map(completions.map((c) => [c.lessonId, c.completedAt]));
  let done = 0;
  let last: Date | undefined;
  let next: LessonPosition | undefined;
  course.lessons.forEach((lesson, index) => {
    const at = completedAt.get(lesson.id);
    if (at === undefined) {
      next ??= { lesson, number: index + 1 };
      return;
    }
    done += 1;
    if (last === undefined || at.getTime() > last.getTime()) last = at;
  });
  const total = course.lessons.length;
  return { done, total, next, finishedAt: done === total ? last : undefined, lastCompletedAt: last };
}

export function findLesson(course: Course, query: string): CourseOutcome<LessonPosition> {
  const wanted = query.trim().toLowerCase();
  const index = course.lessons.findIndex((lesson) => lesson.id === wanted || titlesOf(lesson).some((title) => title.toLowerCase() === wanted));
  const lesson = course.lessons[index];
  return lesson === undefined ? fail({ kind: 'unknown-lesson', course, query }) : succeed({ lesson, number: index + 1 });
}

/**
 * Whether `lessonId` may be completed now: not twice, and in an in-order course not before the
 * lessons ahead of it.
 */
export function checkCompletable(course: Course, lessonId: string, completions: readonly CompletionRecord[]): CourseOutcome<LessonPosition> {
  const position = findLesson(course, lessonId);
  if (!position.ok) return position;
  const { lesson, number } = position.value;
  const earlier = completions.find((c) => c.lessonId === lesson.id);
  if (earlier !== undefined) return fail({ kind: 'already-completed', course, lesson, completedAt: earlier.completedAt });
  if (course.order === 'in-order') {
    const done = new Set(completions.map((c) => c.lessonId));
    const first = course.lessons.slice(0, number - 1).find((before) => !done.has(before.id));
    if (first !== undefined) return fail({ kind: 'out-of-order', course, lesson, first });
  }
  return position;
}
