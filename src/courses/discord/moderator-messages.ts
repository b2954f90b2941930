import { channelMention } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { Course } from '../course.js';
import type { Imported } from '../imports.js';
import type { ReportSummary } from '../report.js';
import type { CourseTranslate } from './voice.js';

/**
 * What a moderator reads after `/course import`; `enrolled` is given when an earlier version was
 * replaced. `read` gives the course as the moderator reads it.
 */
export function importedMessage(t: CourseTranslate, read: (course: Course) => Course, { course, previous, removedLessonIds }: Imported, enrolled: number): string {
  const values = { course: inlineText(read(course).title), unit: course.unit, count: course.lessons.length };
  if (previous === undefined) return t('import.new', values);
  const updated = t('import.updated', { ...values, enrolled });
  if (removedLessonIds.length === 0) return updated;
  const removed = t('import.removed', { count: removedLessonIds.length, ids: removedLessonIds.map((id) => `\`${id}\``).join(', ') });
  return [updated, removed].join(' ');
}

/** `course` as the moderator reads it. */
export function reportMessage(t: CourseTranslate, course: Course, summary: ReportSummary | undefined): string {
  const title = inlineText(course.title);
  if (summary === undefined) return t('report.empty', { course: title });
  const days = summary.idleDays;
  return [
    t('report.summary', { course: title, enrolled: summary.enrolled, finished: summary.finished, inProgress: summary.inProgress, notStarted: summary.notStarted }),
    summary.idle === 0 ? t('report.all-active', { days }) : t('report.idle', { idle: summary.idle, days }),
    t('report.one-row-per-member'),
  ].join('\n');
}

/** How one `/course nudge` went. */
export interface NudgeTally {
  readonly idleDays: number;
  readonly sent: number;
  /** Discord refused the DM (50007): DMs off, or no server in common any more. */
  readonly dmsClosed: number;
  /** No longer in the server (50278, 10007). */
  readonly left: number;
  /** Not tried, or Discord asked to wait (40003): a later run reaches them. */
  readonly later: number;
  readonly failed: number;
  /** Idle, but nudged in the past week. */
  readonly skipped: number;
}

export function nudgeMessage(t: CourseTranslate, tally: NudgeTally): string {
  const days = tally.idleDays;
  const attempted = tally.sent + tally.dmsClosed + tally.left + tally.later + tally.failed;
  const lines = [
    attempted === 0
      ? t(tally.skipped > 0 ? 'nudge.nobody-unheard' : 'nudge.nobody', { days })
      : tally.sent === 0
        ? t('nudge.none-reached', { days })
        : t('nudge.sent', { sent: tally.sent, days }),
  ];
  if (tally.skipped > 0) lines.push(t('nudge.skipped', { count: tally.skipped }));
  if (tally.dmsClosed > 0) lines.push(t('nudge.dms-closed', { count: tally.dmsClosed }));
  if (tally.left > 0) lines.push(t('nudge.left', { count: tally.left }));
  if (tally.later > 0) lines.push(t('nudge.later', { count: tally.later }));
  if (tally.failed > 0) lines.push(t('nudge.failed', { count: tally.failed }));
  return lines.join(' ');
}

/** `course` as the moderator reads it. */
export function channelSetMessage(t: CourseTranslate, course: Course, channelId: string, canPost: boolean): string {
  const channel = channelMention(channelId);
  const set = t('channel.set', { course: inlineText(course.title), channel });
  return canPost ? set : [set, t('channel.cannot-post', { channel })].join('\n');
}
