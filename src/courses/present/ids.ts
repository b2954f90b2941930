import { customId } from '../../interactions/custom-id.js';
import { CourseId, LessonId } from '../course.js';

/** The custom_ids on course messages: everything a click needs is here or in the database. */
export const courseIds = {
  /** Opens a lesson (from "Open next lesson"). */
  open: customId('course', 'open', 1, [CourseId, LessonId]),
  /** "Complete & reflect": opens the reflection modal. */
  reflect: customId('course', 'reflect', 1, [CourseId, LessonId]),
  /** The reflection modal itself. */
  reflection: customId('course', 'reflection', 1, [CourseId, LessonId]),
  share: customId('course', 'share', 1, [CourseId, LessonId]),
  keepPrivate: customId('course', 'private', 1, [CourseId]),
  /** A moderator confirming `/course retire`. */
  retire: customId('course', 'retire', 1, [CourseId]),
  cancel: customId('course', 'cancel', 1, []),
} as const;

/** The text input inside the reflection modal (not routed, so not a custom_id spec). */
export const REFLECTION_FIELD = 'reflection';
