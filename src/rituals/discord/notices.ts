import { kindLabel, type BrokenTarget, type Occurrence, type Schedule } from '../model.js';

/**
 * What moderators are told when a ritual needs them. Each notice follows a state change that
 * happens once (a schedule pausing itself, an occurrence failing), so it is sent once; it goes to
 * the server's log channel when one is set (`tellModerators`, `src/guilds/moderator-notes.ts`),
 * and `/ritual list` shows the same state either way.
 */

const ritualName = (schedule: Schedule) => `the ${kindLabel(schedule.kind)} ritual #${schedule.id} in <#${schedule.channelId}>`;

const BROKEN_BECAUSE: Readonly<Record<BrokenTarget, string>> = {
  channel_missing: 'its channel no longer exists',
  no_access: "I can't see its channel anymore",
  no_permission: "I'm missing a permission in its channel",
};

export const brokenBecause = (reason: BrokenTarget): string => BROKEN_BECAUSE[reason];

/** Why a schedule is paused, as `/ritual list` says it. */
export function pauseReasonText(reason: BrokenTarget | 'moderator'): string {
  return reason === 'moderator' ? 'paused by a moderator' : `paused: ${BROKEN_BECAUSE[reason]}`;
}

const FIX: Readonly<Record<BrokenTarget, string>> = {
  channel_missing: 'Pick a new channel with `/ritual edit`',
  no_access: 'Please give me **View Channel** there again',
  no_permission: 'Please check I can **Send Messages**, **Embed Links**, **Create Public Threads** and **Send Messages in Threads** there',
};

export function pausedNotice(schedule: Schedule, reason: BrokenTarget, occurrence: Occurrence): string {
  return [
    `I've paused ${ritualName(schedule)}: ${BROKEN_BECAUSE[reason]}, so the post due <t:${unix(occurrence.at)}:f> didn't go out.`,
    `${FIX[reason]}, then \`/ritual resume ritual:${schedule.id}\` to carry on (and \`/ritual retry ritual:${schedule.id}\` if you'd still like that post).`,
  ].join('\n');
}

export function failedNotice(schedule: Schedule, occurrence: Occurrence, attempts: number, detail: string): string {
  const tries = attempts === 1 ? 'once' : `${attempts} times`;
  return [
    `I couldn't post ${ritualName(schedule)} due <t:${unix(occurrence.at)}:f>. I tried ${tries}; the last problem was: ${detail}.`,
    `The schedule carries on as usual. When you're ready, \`/ritual retry ritual:${schedule.id}\` will try that post again.`,
  ].join('\n');
}

export function emptyLibraryNotice(schedule: Schedule, occurrence: Occurrence): string {
  const library = schedule.kind === 'podcast' ? 'podcast' : 'poem';
  return [
    `I couldn't post ${ritualName(schedule)} due <t:${unix(occurrence.at)}:f>: the server's ${library} library is empty.`,
    `Add one with \`/${library} add\`, then \`/ritual retry ritual:${schedule.id}\`.`,
  ].join('\n');
}

export const unix = (at: Date) => Math.floor(at.getTime() / 1000);
