import type { APIEmbedField } from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import { describeCron } from '../cron.js';
import type { ScheduleHistory } from '../ledger.js';
import { kindLabel, onePost, type Schedule } from '../model.js';
import { specOf, upcomingRuns } from '../schedules.js';
import { pauseReasonText, unix } from './notices.js';

/**
 * How schedules read in replies. Run times are shown in the schedule's own zone (the wall-clock
 * time moderators chose, which is what stays fixed across daylight saving), each with a Discord
 * timestamp that every member's app renders in their own time too.
 */

/** "Mon 2 Mar, 9:00 am" in the schedule's zone. */
export function localTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL, h:mm a').replace(/AM$/, 'am').replace(/PM$/, 'pm');
}

export function runLine(at: Date, zone: string, note = ''): string {
  return `${localTime(at, zone)} · <t:${unix(at)}:R>${note}`;
}

/** "every Monday at 9:00 am (America/New_York)", or the cron itself when words would mislead. */
export function cadence(schedule: Schedule): string {
  const words = describeCron(specOf(schedule));
  return `${words ?? `\`${schedule.cron}\``} (${schedule.timeZone})`;
}

/** The answer to a ritual just created, in /ritual create and on the dashboard. */
export function createdText(schedule: Schedule): string {
  return `All set! Ritual #${schedule.id} will post ${onePost(schedule.kind)} ${cadence(schedule)}.`;
}

export function scheduleTitle(schedule: Schedule): string {
  const kind = kindLabel(schedule.kind);
  return `Ritual #${schedule.id} · ${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

/** The lines describing one schedule, for `/ritual list` and the replies to create and edit. */
export function scheduleLines(schedule: Schedule, now: Date, history?: ScheduleHistory): string[] {
  const lines = [`<#${schedule.channelId}> · ${cadence(schedule)}${schedule.openThread ? ' · opens a thread' : ''}`];
  if (schedule.status.state === 'paused') {
    lines.push(`⏸️ ${pauseReasonText(schedule.status.reason)}. \`/ritual resume ritual:${schedule.id}\` starts it again.`);
  } else {
    const next = upcomingRuns(schedule, now, 3, history?.skippedAhead);
    lines.push(next.length === 0 ? 'No more runs ahead.' : ['Next runs:', ...next.map((at) => `• ${runLine(at, schedule.timeZone)}`)].join('\n'));
    if (history && history.skippedAhead.size > 0) lines.push(`Skipping ${history.skippedAhead.size} upcoming run${history.skippedAhead.size === 1 ? '' : 's'}.`);
  }
  if (schedule.kind === 'prompt') lines.push(`Posts: “${schedule.promptText.length > 80 ? `${schedule.promptText.slice(0, 79)}…` : schedule.promptText}”`);
  if (history === undefined) return lines;
  if (history.lastPosted) lines.push(`Last posted <t:${unix(history.lastPosted.at)}:R>.`);
  for (const [cause, missed] of missesByCause(history.missed)) {
    const [latest] = missed;
    if (latest === undefined) continue;
    const more = missed.length === 1 ? '' : ` and ${missed.length - 1} more`;
    lines.push(`⚠️ ${MISSED_BECAUSE[cause]}: ${localTime(latest.at, schedule.timeZone)}${more}${MISSED_NOTE[cause]}`);
  }
  const [failed] = history.failed;
  if (failed) lines.push(`⚠️ Couldn't post ${localTime(failed.at, schedule.timeZone)}. \`/ritual retry ritual:${schedule.id}\` tries again.`);
  return lines;
}

type Unposted = 'offline' | 'behind' | 'paused';

/** Why the runs in a list weren't posted, as the moderator reads it. */
const MISSED_BECAUSE: Readonly<Record<Unposted, string>> = {
  offline: 'Missed while I was offline',
  behind: 'Passed over while I was held up (my computer asleep, or its clock moved)',
  paused: 'Not posted while paused',
};
const MISSED_NOTE: Readonly<Record<Unposted, string>> = {
  offline: ' (too late to post by then).',
  behind: '. I posted only the latest, never a burst.',
  paused: '.',
};

/** The unposted runs grouped by why, each group newest first. */
function missesByCause(missed: ScheduleHistory['missed']): Map<Unposted, ScheduleHistory['missed'][number][]> {
  const groups = new Map<Unposted, ScheduleHistory['missed'][number][]>();
  for (const occurrence of missed) {
    const cause: Unposted | undefined = occurrence.state === 'missed' ? occurrence.cause : occurrence.state === 'skipped' ? 'paused' : undefined;
    if (cause !== undefined) groups.set(cause, [...(groups.get(cause) ?? []), occurrence]);
  }
  return groups;
}

export function scheduleField(schedule: Schedule, now: Date, history?: ScheduleHistory): APIEmbedField {
  return { name: scheduleTitle(schedule), value: scheduleLines(schedule, now, history).join('\n').slice(0, 1024) };
}
