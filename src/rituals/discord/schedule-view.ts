import type { APIEmbedField } from 'discord-api-types/v10';
import { time, TimestampStyles } from 'discord.js';
import type { ScheduleHistory } from '../ledger.js';
import type { Schedule } from '../model.js';
import { specOf, upcomingRuns } from '../schedules.js';
import { cronInWords, wallTime } from './cron-words.js';
import { ENGLISH_RITUALS, type RitualsT } from './messages.js';
import { pauseReasonText } from './notices.js';

/**
 * How schedules read in replies. Run times are shown in the schedule's own zone (the wall-clock
 * time moderators chose, which is what stays fixed across daylight saving), each with a Discord
 * timestamp that every member's app renders in their own time too.
 */

/** "Mon 2 Mar, 9:00 am" in the schedule's zone, in the reader's language. */
export function localTime(at: Date, zone: string, t: RitualsT = ENGLISH_RITUALS): string {
  return wallTime(t, at, zone);
}

export function runLine(t: RitualsT, at: Date, zone: string): string {
  return `${localTime(at, zone, t)} · ${time(at, TimestampStyles.RelativeTime)}`;
}

/** "every Monday at 9:00 am (America/New_York)", or the cron itself when words would mislead. */
export function cadence(schedule: Schedule, t: RitualsT = ENGLISH_RITUALS): string {
  const words = cronInWords(t, specOf(schedule));
  return `${words ?? `\`${schedule.cron}\``} (${schedule.timeZone})`;
}

/** The answer to a ritual just created, in /ritual create and on the dashboard. */
export function createdText(schedule: Schedule, t: RitualsT = ENGLISH_RITUALS): string {
  return t(`schedule.created.${schedule.kind}`, { id: String(schedule.id), cadence: cadence(schedule, t) });
}

export function scheduleTitle(schedule: Schedule, t: RitualsT = ENGLISH_RITUALS): string {
  return t('schedule.title', { id: String(schedule.id), kind: t(`kind-title.${schedule.kind}`) });
}

/** The lines describing one schedule, for `/ritual list` and the replies to create and edit. */
export function scheduleLines(t: RitualsT, schedule: Schedule, now: Date, history?: ScheduleHistory): string[] {
  const id = String(schedule.id);
  const where = { channel: schedule.channelId, cadence: cadence(schedule, t) };
  const lines = [schedule.openThread ? t('schedule.where-thread', where) : t('schedule.where', where)];
  if (schedule.status.state === 'paused') {
    lines.push(t('schedule.paused', { reason: pauseReasonText(schedule.status.reason, t), id }));
  } else {
    const next = upcomingRuns(schedule, now, 3, history?.skippedAhead);
    lines.push(next.length === 0 ? t('schedule.no-more-runs') : [t('schedule.next-runs'), ...next.map((at) => `• ${runLine(t, at, schedule.timeZone)}`)].join('\n'));
    if (history && history.skippedAhead.size > 0) lines.push(t('schedule.skipping', { count: history.skippedAhead.size }));
  }
  if (schedule.kind === 'prompt') lines.push(t('schedule.posts', { text: schedule.promptText.length > 80 ? `${schedule.promptText.slice(0, 79)}…` : schedule.promptText }));
  if (history === undefined) return lines;
  if (history.lastPosted) lines.push(t('schedule.last-posted', { when: time(history.lastPosted.at, TimestampStyles.RelativeTime) }));
  for (const [cause, missed] of missesByCause(history.missed)) {
    const [latest] = missed;
    if (latest === undefined) continue;
    lines.push(t(`schedule.missed.${cause}`, { time: localTime(latest.at, schedule.timeZone, t), more: missed.length - 1 }));
  }
  const [failed] = history.failed;
  if (failed) lines.push(t('schedule.failed', { time: localTime(failed.at, schedule.timeZone, t), id }));
  return lines;
}

type Unposted = 'offline' | 'behind' | 'paused';

/** The unposted runs grouped by why, each group newest first. */
function missesByCause(missed: ScheduleHistory['missed']): Map<Unposted, ScheduleHistory['missed'][number][]> {
  const groups = new Map<Unposted, ScheduleHistory['missed'][number][]>();
  for (const occurrence of missed) {
    const cause: Unposted | undefined = occurrence.state === 'missed' ? occurrence.cause : occurrence.state === 'skipped' ? 'paused' : undefined;
    if (cause !== undefined) groups.set(cause, [...(groups.get(cause) ?? []), occurrence]);
  }
  return groups;
}

export function scheduleField(t: RitualsT, schedule: Schedule, now: Date, history?: ScheduleHistory): APIEmbedField {
  return { name: scheduleTitle(schedule, t), value: scheduleLines(t, schedule, now, history).join('\n').slice(0, 1024) };
}
