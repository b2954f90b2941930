import { arg, customId } from '../../interactions/custom-id.js';

/**
 * The custom_ids on course messages: everything a click needs is here or in the database. Course
 * and lesson ids are content keys (`arg.key`); the handler then finds them in the server's catalog.
 */
export const courseIds = {
  /** Opens a lesson (from "Open next lesson"). */
  open: customId('course', 'open', 1, [arg.key, arg.key]),
  /** "Complete & reflect": opens the reflection modal. */
  reflect: customId('course', 'reflect', 1, [arg.key, arg.key]),
  /** The reflection modal itself. */
  reflection: customId('course', 'reflection', 1, [arg.key, arg.key]),
  share: customId('course', 'share', 1, [arg.key, arg.key]),
  /** "Keep it private" on the prompt after a reflection: the course and lesson of that prompt's Share button. */
  keepPrivate: customId('course', 'private', 2, [arg.key, arg.key]),
  /** A moderator confirming `/course retire`. */
  retire: customId('course', 'retire', 1, [arg.key]),
  /** "Keep it" on a `/course retire` question: the course of that question's Retire button. */
  cancel: customId('course', 'cancel', 2, [arg.key]),
} as const;

/** The text input inside the reflection modal (not routed, so not a custom_id spec). */
export const REFLECTION_FIELD = 'reflection';
