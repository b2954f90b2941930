import type { APIEmbed, APIEmbedField } from 'discord.js';
import { time, TimestampStyles } from 'discord.js';
import { runHistoryChart, type HistoryWords, type Picture, type RunMark, type TextMeasure } from '../../pictures/index.js';
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

/** "2 posted", "1 missed": a whole message for each kind of run there is. */
function counted(t: RitualsT, runs: readonly RecentRun[]): string[] {
  return ORDER.flatMap((state) => {
    const count = runs.filter((run) => run.state === state).length;
    return count === 0 ? [] : [t(`history.count.${state}`, { count })];
  });
}

function historyField(t: RitualsT, { schedule, runs }: ScheduleRuns): APIEmbedField {
  const lines = [runs.length === 0 ? t('history.no-runs') : t('history.last-runs', { count: runs.length, counts: counted(t, runs).join(' · ') })];
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

/** The words the history's picture draws, in the reader's language. */
export function historyWords(t: RitualsT): HistoryWords {
  return {
    marks: { posted: t('history.mark.posted'), missed: t('history.mark.missed'), failed: t('history.mark.failed'), skipped: t('history.mark.skipped'), waiting: t('history.mark.waiting') },
    direction: t('history.picture.direction'),
    listens: t('history.picture.listens'),
    thousands: (thousands) => t('history.picture.thousands', { thousands }),
  };
}

/** A row of the picture in words, for people who can't see it: its runs counted, then its listens. */
function describedRow(t: RitualsT, row: string, { runs, channelName }: ScheduleRuns): string {
  const counts = runs.length === 0 ? t('history.alt.no-runs') : counted(t, runs).join(', ');
  const line = channelName === undefined ? t('history.alt.row', { row, counts }) : t('history.alt.row-in', { row, channel: `#${channelName}`, counts });
  const listens = runs.flatMap((run) => (run.listens === undefined ? [] : [run.listens]));
  return listens.length === 0 ? line : [line, t('history.alt.listens', { listens: listens.join(', ') })].join(' ');
}

/** The same runs as a picture: a row a schedule, a mark a run, "I listened" counts under podcast posts. */
export function historyPicture(t: RitualsT, rows: readonly ScheduleRuns[], measure: TextMeasure): Picture[] {
  const shown = rows.slice(0, HISTORY_PICTURE_ROWS);
  if (shown.length === 0) return [];
  const more = rows.length - shown.length;
  const title = more > 0 ? t('history.picture-title-part', { runs: HISTORY_RUNS, shown: shown.length, total: rows.length }) : t('history.title', { runs: HISTORY_RUNS });
  const titled = shown.map((row) => ({ row, title: t('history.row', { id: String(row.schedule.id), kind: t(`kind-title.${row.schedule.kind}`) }) }));
  return [
    runHistoryChart(
      'ritual-history.png',
      {
        title,
        columns: HISTORY_RUNS,
        rows: titled.map(({ row, title: rowTitle }) => ({
          title: rowTitle,
          subtitle: row.channelName === undefined ? undefined : `#${row.channelName}`,
          runs: row.runs.map((run) => ({ mark: MARKS[run.state], listens: run.listens })),
        })),
        words: historyWords(t),
        alt: t('history.alt', { title, rows: titled.map(({ row, title: rowTitle }) => describedRow(t, rowTitle, row)).join(' ') }),
      },
      measure,
    ),
  ];
}
