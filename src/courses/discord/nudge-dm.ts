import { truncate } from '../../presentation/embed-fit.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { IdleCourse } from '../nudges.js';
import type { CourseVoice } from './voice.js';

/** Discord messages hold 2,000 characters; a member in many courses gets the first few listed. */
const MAX_LISTED = 5;

/**
 * The DM an idle member receives: an invitation back, never a reproach. The bot starts it, so it
 * speaks the server's language (`voice`), courses included.
 */
export function nudgeDm({ t, read }: CourseVoice, serverName: string, courses: readonly IdleCourse[]): string {
  const server = inlineText(truncate(serverName, 100));
  const listed = courses.slice(0, MAX_LISTED).map(({ course: stored, progress }) => {
    const course = read(stored);
    const values = { course: inlineText(course.title), done: progress.done, unit: course.unit, total: progress.total };
    const next = progress.next === undefined ? undefined : course.lessons[progress.next.number - 1];
    return next === undefined ? t('dm.course', values) : t('dm.course-next', { ...values, next: inlineText(next.title) });
  });
  const more = courses.length - listed.length;
  return [t('dm.hello', { server, count: courses.length }), ...listed, ...(more > 0 ? [t('dm.more', { count: more })] : []), '', t('dm.closing', { server })].join('\n');
}
