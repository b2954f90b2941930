import { truncate } from '../../presentation/embed-fit.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { IdleCourse } from '../nudges.js';
import { plural } from './format.js';

/** Discord messages hold 2,000 characters; a member in many courses gets the first few listed. */
const MAX_LISTED = 5;

/** The DM an idle member receives: an invitation back, never a reproach. */
export function nudgeDm(serverName: string, courses: readonly IdleCourse[]): string {
  const listed = courses.slice(0, MAX_LISTED).map(({ course, progress }) => {
    const next = progress.next === undefined ? '' : `; next up: *${inlineText(progress.next.lesson.title)}*`;
    return `• **${inlineText(course.title)}**: ${progress.done} of ${plural(progress.total, course.unit)} done${next}`;
  });
  const more = courses.length - listed.length;
  return [
    `Hello from ${inlineText(truncate(serverName, 100))} 🌱 Just a gentle note that your course${courses.length === 1 ? ' is' : 's are'} waiting for you whenever you're ready:`,
    ...listed,
    ...(more > 0 ? [`…and ${more} more.`] : []),
    '',
    `\`/course lesson\` in ${inlineText(truncate(serverName, 100))} picks up right where you left off. No rush: every step counts, at your own pace.`,
  ].join('\n');
}
