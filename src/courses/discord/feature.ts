import type { Feature } from '../../features/feature.js';
import { coursePrivacy } from '../privacy.js';

/**
 * Courses: members take the community's courses at their own pace and the bot keeps their place.
 * The slash command and its buttons and modal live in `commands/course.ts` (handlers in
 * `course-command.ts` and `course-routes.ts`); this declares what `/privacy` can export and forget.
 * Courses keep no per-bot state: every click re-reads the database.
 */
export function createCoursesFeature(): Feature {
  return { name: 'courses', privacy: coursePrivacy };
}
