import type { APIEmbed, APIEmbedField } from 'discord.js';
import { time, TimestampStyles } from 'discord.js';
import { runHistoryChart, type Picture, type RunMark, type TextMeasure } from '../../pictures/index.js';
import type { RecentRun } from '../ledger.js';
import type { Schedule } from '../model.js';
import type { RitualsT } from './messages.js';
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
const ORDER: readonly RecentRun['state'][] = ['posted', 'missed', 'failed', 'skipped', 'claimed'];

function counts(t: RitualsT, runs: readonly RecentRun[]): string {
  const parts = ORDER.flatMap((state) => {
    const count = runs.filter((run) => run.state === state).length;
    return count === 0 ? [] : [t(`history.count.${state}`, { count })];
  });
  return parts.join(' · ');
}

function historyField(t: RitualsT, { schedule, runs }: ScheduleRuns): APIEmbedField {
  const lines = [runs.length === 0 ? t('history.no-runs') : t('history.last-runs', { count: runs.length, counts: counts(t, runs) })];
  const listens = runs.flatMap((run) => (run.listens === undefined ? [] : [run.listens]));
  if (listens.length > 0) lines.push(t('history.listens', { listens: listens.join(', ') }));
  const latest = runs.at(-1);
  if (latest !== undefined) lines.push(t(`history.latest.${latest.state}`, { when: time(latest.at, TimestampStyles.RelativeTime) }));
  return { name: scheduleTitle(schedule, t), value: lines.join('\n').slice(0, 1024) };
}

/** Every schedule's last runs, in numbers (an embed holds 25 fields; `/ritual list` lists more). */
export function historyEmbed(t: RitualsT, rows: readonly ScheduleRuns[], total: number): APIEmbed {
  return {
    title: t('history.title', { runs: HISTORY_RUNS }),
    fields: rows.map((row) => historyField(t, row)),
    ...(total > rows.length ? { footer: { text: t('history.footer', { shown: rows.length, total }) } } : {}),
  };
}

/** The same runs as a picture: a row a schedule, a mark a run, "I listened" counts under podcast posts. */
export function historyPicture(t: RitualsT, rows: readonly ScheduleRuns[], measure: TextMeasure): Picture[] {
  const shown = rows.slice(0, HISTORY_PICTURE_ROWS);
  if (shown.length === 0) return [];
  const more = rows.length - shown.length;
  return [
    runHistoryChart(
      'ritual-history.png',
      {
        title: more > 0 ? t('history.picture-title-part', { runs: HISTORY_RUNS, shown: shown.length, total: rows.length }) : t('history.title', { runs: HISTORY_RUNS }),
        columns: HISTORY_RUNS,
        rows: shown.map((row) => ({
          title: t('history.row', { id: String(row.schedule.id), kind: t(`kind-title.${row.schedule.kind}`) }),
          subtitle: row.channelName === undefined ? undefined : `#${row.channelName}`,
          runs: row.runs.map((run) => ({ mark: MARKS[run.state], listens: run.listens })),
        })),
      },
      measure,
    ),
  ];
}
