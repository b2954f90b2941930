import { time, TimestampStyles } from 'discord.js';
import type { BrokenTarget, Occurrence, RitualKind, Schedule } from '../model.js';
import { ENGLISH_RITUALS, type RitualsT } from './messages.js';

/**
 * What moderators are told when a ritual needs them. Each notice follows a state change that
 * happens once (a schedule pausing itself, an occurrence failing), so it is sent once; it goes to
 * the server's log channel when one is set (`tellModerators`, `src/guilds/discord/moderator-notes.ts`),
 * in the server's language, and `/ritual list` shows the same state either way.
 */

/** "poem", "podcast club", "prompt" in the reader's words. */
export const kindWord = (t: RitualsT, kind: RitualKind): string => t(`kind.${kind}`);

const ritualName = (t: RitualsT, schedule: Schedule) => t('ritual-name', { kind: kindWord(t, schedule.kind), id: String(schedule.id), channel: schedule.channelId });

export const brokenBecause = (reason: BrokenTarget, t: RitualsT = ENGLISH_RITUALS): string => t(`broken.${reason}`);

/** Why a schedule is paused, as `/ritual list` says it. */
export function pauseReasonText(reason: BrokenTarget | 'moderator', t: RitualsT = ENGLISH_RITUALS): string {
  return reason === 'moderator' ? t('pause-reason.moderator') : t('pause-reason.broken', { because: brokenBecause(reason, t) });
}

/** A run's time as every member's app shows it: their zone, their language. */
const due = (occurrence: Occurrence) => time(occurrence.at, TimestampStyles.ShortDateTime);

export function pausedNotice(t: RitualsT, schedule: Schedule, reason: BrokenTarget, occurrence: Occurrence): string {
  return [
    t('notice.paused', { ritual: ritualName(t, schedule), because: brokenBecause(reason, t), due: due(occurrence) }),
    t(`notice.paused.fix.${reason}`, { id: String(schedule.id) }),
  ].join('\n');
}

export function failedNotice(t: RitualsT, schedule: Schedule, occurrence: Occurrence, attempts: number, detail: string): string {
  return [
    t('notice.failed', { ritual: ritualName(t, schedule), due: due(occurrence), attempts, detail }),
    t('notice.failed.next', { id: String(schedule.id) }),
  ].join('\n');
}

export function emptyLibraryNotice(t: RitualsT, schedule: Schedule, occurrence: Occurrence): string {
  const library = schedule.kind === 'podcast' ? 'podcast' : 'poem';
  return [
    t(`notice.empty-library.${library}`, { ritual: ritualName(t, schedule), due: due(occurrence) }),
    t(`notice.empty-library.next.${library}`, { id: String(schedule.id) }),
  ].join('\n');
}

export const unix = (at: Date) => Math.floor(at.getTime() / 1000);
