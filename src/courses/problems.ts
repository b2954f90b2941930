import type { ContentProblem } from '../content/load.js';
import type { Outcome } from '../outcome.js';
import type { Course, Lesson } from './course.js';

/**
 * What can stop a moderator's `/course import`, told from the attachment, its download or its text.
 * Nothing is stored when one occurs.
 */
export type ImportProblem =
  | { readonly kind: 'not-json'; readonly filename: string }
  /** `size` is undefined when only the download showed the file too large (its declared size was wrong). */
  | { readonly kind: 'too-large'; readonly size: number | undefined; readonly limit: number }
  | { readonly kind: 'unreadable'; readonly filename: string }
  | { readonly kind: 'not-utf8'; readonly filename: string }
  /** Brackets nested deeper than any course goes: refused before parsing, which such nesting would overwhelm. */
  | { readonly kind: 'too-deep'; readonly limit: number }
  | { readonly kind: 'invalid'; readonly problems: readonly ContentProblem[] }
  | { readonly kind: 'shipped-id'; readonly course: Course };

/**
 * Everything that can stop a course action, as values: services return them, and
 * `explainCourseProblem` (discord/explain.ts) turns each into a kind sentence. Nothing is written
 * when one occurs.
 */
export type CourseProblem =
  | { readonly kind: 'unknown-course'; readonly query: string }
  /** The member left the course option empty and isn't in any course. */
  | { readonly kind: 'no-courses' }
  /** The member left the course option empty and is working through several. */
  | { readonly kind: 'which-course'; readonly courses: readonly Course[] }
  | { readonly kind: 'unknown-lesson'; readonly course: Course; readonly query: string }
  | { readonly kind: 'retired'; readonly course: Course }
  /** A moderator asked to retire a course that already is. */
  | { readonly kind: 'already-retired'; readonly course: Course }
  | { readonly kind: 'already-enrolled'; readonly course: Course }
  | { readonly kind: 'not-enrolled'; readonly course: Course }
  | { readonly kind: 'already-completed'; readonly course: Course; readonly lesson: Lesson; readonly completedAt: Date }
  /** `first` is the earliest lesson before `lesson` that is still open. */
  | { readonly kind: 'out-of-order'; readonly course: Course; readonly lesson: Lesson; readonly first: Lesson }
  /** Nothing left to complete. */
  | { readonly kind: 'course-finished'; readonly course: Course }
  | { readonly kind: 'reflection-empty' }
  | { readonly kind: 'reflection-too-long'; readonly length: number; readonly limit: number }
  | { readonly kind: 'no-reflection'; readonly course: Course; readonly lesson: Lesson }
  | { readonly kind: 'already-shared'; readonly course: Course; readonly lesson: Lesson }
  | ImportProblem;

/** What a course service returns: its value, or the problem that stopped it. */
export type CourseOutcome<T> = Outcome<T, CourseProblem>;
