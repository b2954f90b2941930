import type { Db } from '../db/connection.js';

/** The periods `/onboarding stats` offers, in days; `all` has no start. */
export const STATS_PERIODS = { week: 7, month: 30, quarter: 90, all: null } as const;
export type StatsPeriod = keyof typeof STATS_PERIODS;

/** Where the members who haven't finished are, counted per place. */
export type Stop =
  | { readonly kind: 'screening' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'tenet'; readonly index: number }
  | { readonly kind: 'introduce' };

export interface OnboardingStats {
  readonly since: Date | null;
  /** Members whose walk began in the period. */
  readonly joined: number;
  /** Of those, how many have finished. */
  readonly finished: number;
  /** Of those who haven't, how many stopped where, in walk order. */
  readonly stopped: ReadonlyArray<{ readonly at: Stop; readonly count: number }>;
  /** Of those who haven't finished, how many have left the server. */
  readonly leftBeforeFinishing: number;
}

export function periodStart(period: StatsPeriod, now: Date): Date | null {
  const days = STATS_PERIODS[period];
  return days === null ? null : new Date(now.getTime() - days * 86_400_000);
}

function order(stop: Stop): number {
  switch (stop.kind) {
    case 'screening':
      return -2;
    case 'unreachable':
      return -1;
    case 'tenet':
      return stop.index;
    case 'introduce':
      return 1000;
  }
}

/** The funnel for members who joined in the period: one grouped query, counted per step. */
export async function onboardingStats(db: Db, guildId: string, since: Date | null): Promise<OnboardingStats> {
  let query = db
    .selectFrom('onboarding_walks')
    .select(['step', 'tenet_index', 'reach', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.count<number>('left_at').as('left')])
    .where('guild_id', '=', guildId)
    .groupBy(['step', 'tenet_index', 'reach']);
  if (since) query = query.where('started_at', '>=', since.toISOString());
  const rows = await query.execute();

  let joined = 0;
  let finished = 0;
  let leftBeforeFinishing = 0;
  const stops = new Map<string, { at: Stop; count: number }>();
  for (const row of rows) {
    const count = Number(row.count);
    joined += count;
    if (row.step === 'done') {
      finished += count;
      continue;
    }
    leftBeforeFinishing += Number(row.left);
    // Not yet reached counts before the step the walk would show.
    const at: Stop =
      row.reach === 'awaiting-screening'
        ? { kind: 'screening' }
        : row.reach === 'unreachable'
          ? { kind: 'unreachable' }
          : row.step === 'introduce'
            ? { kind: 'introduce' }
            : { kind: 'tenet', index: row.tenet_index };
    const key = JSON.stringify(at);
    const entry = stops.get(key) ?? { at, count: 0 };
    entry.count += count;
    stops.set(key, entry);
  }
  const stopped = [...stops.values()].sort((a, b) => order(a.at) - order(b.at));
  return { since, joined, finished, stopped, leftBeforeFinishing };
}

/** One step of the funnel: how many of those who joined in the period got at least this far. */
export type FunnelStep =
  | { readonly kind: 'joined'; readonly reached: number }
  | { readonly kind: 'tenet'; readonly index: number; readonly reached: number }
  | { readonly kind: 'introduced'; readonly reached: number }
  | { readonly kind: 'finished'; readonly reached: number };

/**
 * joined → each tenet → introduced → finished: everyone still at a step (or before the walk could
 * reach them) has reached the steps before it and none after, so each step's count is those who
 * joined less those who stopped earlier. The drop-off of a step is the previous count less its own.
 */
export function funnelOf(stats: OnboardingStats, tenetCount: number): FunnelStep[] {
  const stoppedBefore = (order: (stop: Stop) => boolean) => stats.stopped.filter((entry) => order(entry.at)).reduce((sum, entry) => sum + entry.count, 0);
  const notStarted = (stop: Stop) => stop.kind === 'screening' || stop.kind === 'unreachable';
  const steps: FunnelStep[] = [{ kind: 'joined', reached: stats.joined }];
  for (let index = 0; index < tenetCount; index += 1) {
    // Reaching tenet i means having been shown it: not held before the walk, not stopped at an earlier tenet.
    steps.push({ kind: 'tenet', index, reached: stats.joined - stoppedBefore((stop) => notStarted(stop) || (stop.kind === 'tenet' && stop.index < index)) });
  }
  const introducedOrLater = stats.joined - stoppedBefore((stop) => stop.kind !== 'introduce');
  // "Introduced" is reaching the introduction form; finishing is sending it.
  steps.push({ kind: 'introduced', reached: introducedOrLater });
  steps.push({ kind: 'finished', reached: stats.finished });
  return steps;
}
