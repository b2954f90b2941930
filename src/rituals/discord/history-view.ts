import type { APIEmbed, APIEmbedField } from 'discord.js';
import { runHistoryChart, type Picture, type RunMark, type TextMeasure } from '../../pictures/index.js';
import type { RecentRun } from '../ledger.js';
import { kindLabel, type Schedule } from '../model.js';
import { unix } from './notices.js';
import { scheduleTitle } from './schedule-view.js';

/** How many runs `/ritual history` shows a schedule. */
export const HISTORY_RUNS = 12;
/** Rows in the picture: more would shrink it past reading in Discord's preview; the embed lists the rest. */
export const HISTORY_PICTURE_ROWS = 10;

export interface ScheduleRuns {
  readonly schedule: Schedule;
  /** Oldest first. */
  readonly runs: readonly RecentRun[];
  /** The channel's name, if the bot knows it. */
  readonly channelName: string | undefined;
}

const MARKS: Readonly<Record<RecentRun['state'], RunMark>> = { posted: 'posted', missed: 'missed', failed: 'failed', skipped: 'skipped', claimed: 'waiting' };
const WORDS: Readonly<Record<RecentRun['state'], string>> = { posted: 'posted', missed: 'missed', failed: 'failed', skipped: 'skipped', claimed: 'under way' };

function counts(runs: readonly RecentRun[]): string {
  const order: RecentRun['state'][] = ['posted', 'missed', 'failed', 'skipped', 'claimed'];
  const parts = order.flatMap((state) => {
    const n = runs.filter((run) => run.state === state).length;
    return n === 0 ? [] : [`${n} ${WORDS[state]}`];
  });
  return parts.join(' · ');
}

function historyField({ schedule, runs }: ScheduleRuns): APIEmbedField {
  const lines = [runs.length === 0 ? 'No runs yet.' : `Last ${runs.length === 1 ? 'run' : `${runs.length} runs`}: ${counts(runs)}`];
  const listens = runs.flatMap((run) => (run.listens === undefined ? [] : [run.listens]));
  if (listens.length > 0) lines.push(`“I listened”, oldest to newest: ${listens.join(', ')}`);
  const latest = runs.at(-1);
  if (latest !== undefined) lines.push(`Latest: <t:${unix(latest.at)}:R>, ${WORDS[latest.state]}.`);
  return { name: scheduleTitle(schedule), value: lines.join('\n').slice(0, 1024) };
}

/** Every schedule's last runs, in numbers (an embed holds 25 fields; `/ritual list` lists more). */
export function historyEmbed(rows: readonly ScheduleRuns[], total: number): APIEmbed {
  return {
    title: `Rituals · the last ${HISTORY_RUNS} runs`,
    fields: rows.map(historyField),
    ...(total > rows.length ? { footer: { text: `Showing the first ${rows.length} of ${total}; pick one with the ritual option.` } } : {}),
  };
}

function rowTitle({ schedule }: ScheduleRuns): string {
  const kind = kindLabel(schedule.kind);
  return `#${schedule.id} ${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

/** The same runs as a picture: a row a schedule, a mark a run, "I listened" counts under podcast posts. */
export function historyPicture(rows: readonly ScheduleRuns[], measure: TextMeasure): Picture[] {
  const shown = rows.slice(0, HISTORY_PICTURE_ROWS);
  if (shown.length === 0) return [];
  const more = rows.length - shown.length;
  return [
    runHistoryChart(
      'ritual-history.png',
      {
        title: `Rituals · the last ${HISTORY_RUNS} runs${more > 0 ? ` (first ${shown.length} of ${rows.length})` : ''}`,
        columns: HISTORY_RUNS,
        rows: shown.map((row) => ({ title: rowTitle(row), subtitle: row.channelName === undefined ? undefined : `#${row.channelName}`, runs: row.runs.map((run) => ({ mark: MARKS[run.state], listens: run.listens })) })),
      },
      measure,
    ),
  ];
}
