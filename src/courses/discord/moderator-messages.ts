import { inlineText } from '../../presentation/inline-text.js';
import type { Course } from '../course.js';
import type { Imported } from '../imports.js';
import type { ReportSummary } from '../report.js';
import { plural } from './format.js';

/** What a moderator reads after `/course import`; `enrolled` is given when an earlier version was replaced. */
export function importedMessage({ course, previous, removedLessonIds }: Imported, enrolled: number): string {
  const lessons = plural(course.lessons.length, course.unit);
  if (previous === undefined) return `Imported **${inlineText(course.title)}** (${lessons}). Members can join it with \`/course enroll\`.`;
  const keep = enrolled === 1 ? 'keeps their' : 'keep their';
  let text = `Updated **${inlineText(course.title)}** (${lessons}). The ${plural(enrolled, 'member')} in it ${keep} progress on every ${course.unit} whose id stayed the same.`;
  if (removedLessonIds.length > 0) {
    const one = removedLessonIds.length === 1;
    text += ` ${removedLessonIds.map((id) => `\`${id}\``).join(', ')} ${one ? 'is' : 'are'} gone from the course; completions of ${one ? 'it' : 'them'} are kept but no longer count.`;
  }
  return text;
}

export function retireQuestion(course: Course, enrolled: number): string {
  return `Retire **${inlineText(course.title)}**? It leaves \`/course list\` and nobody new can join. The ${plural(enrolled, 'member')} already in it can still finish, and their progress stays.`;
}

export function reportMessage(course: Course, summary: ReportSummary | undefined): string {
  if (summary === undefined) return `Nobody has joined **${inlineText(course.title)}** yet, so there's nothing to report.`;
  const days = plural(summary.idleDays, 'day');
  return [
    `**${inlineText(course.title)}**: ${plural(summary.enrolled, 'member')} enrolled. ${summary.finished} finished, ${summary.inProgress} on their way, ${summary.notStarted} not started yet.`,
    summary.idle === 0
      ? `Everyone still working through it has been active in the last ${days}.`
      : `${plural(summary.idle, 'member has', 'members have')} not been active for over ${days}; \`/course nudge\` can send them a gentle hello.`,
    'The file has one row per member.',
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

export function nudgeMessage(tally: NudgeTally): string {
  const days = plural(tally.idleDays, 'day');
  const attempted = tally.sent + tally.dmsClosed + tally.left + tally.later + tally.failed;
  const lines = [
    attempted === 0
      ? `Nobody needed a nudge: no one still working through a course has been idle for over ${days}${tally.skipped > 0 ? ' without hearing from me this week' : ''}.`
      : tally.sent === 0
        ? `I couldn't reach anyone idle for over ${days} this time.`
        : `I sent a gentle hello to ${plural(tally.sent, 'member')} idle for over ${days}.`,
  ];
  if (tally.skipped > 0) lines.push(`${plural(tally.skipped, 'member was', 'members were')} nudged in the past week, so I left them be.`);
  if (tally.dmsClosed > 0) lines.push(`${plural(tally.dmsClosed, 'member')} couldn't receive a DM from me (their DMs are off, or they left the server).`);
  if (tally.left > 0) lines.push(`${plural(tally.left, 'member has', 'members have')} left the server, so I didn't write to them.`);
  if (tally.later > 0) lines.push(`${plural(tally.later, 'member')} will hear from me next time: Discord asked me to slow down, so please run \`/course nudge\` again later.`);
  if (tally.failed > 0) lines.push(`${plural(tally.failed, 'message')} didn't go through; the bot's log has the details.`);
  return lines.join(' ');
}

export function channelSetMessage(course: Course, channelId: string, canPost: boolean): string {
  const set = `Reflections members share on **${inlineText(course.title)}** will be posted in <#${channelId}>, without pinging anyone.`;
  return canPost ? set : `${set}\nHeads up: I can't post in <#${channelId}> yet. Please let me **View Channel** and **Send Messages** there.`;
}
