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

/** A step of the funnel, in walk order: everyone who joined, each tenet, the introduction, finished. */
export type FunnelStage = { readonly kind: 'joined' } | { readonly kind: 'tenet'; readonly index: number } | { readonly kind: 'introduce' } | { readonly kind: 'finished' };

/**
 * How many of those who joined reached each step. Members waiting to accept the rules or whom the
 * bot couldn't reach never saw the first tenet; a member stopped at a step reached it and no further.
 * `tenetCount` is the server's number of tenets now; a walk stopped at a tenet since removed still counts.
 */
export function funnelOf(stats: OnboardingStats, tenetCount: number): { readonly at: FunnelStage; readonly reached: number }[] {
  const stoppedAt = (match: (stop: Stop) => boolean) => stats.stopped.filter(({ at }) => match(at)).reduce((sum, { count }) => sum + count, 0);
  const tenets = Math.max(tenetCount, ...stats.stopped.map(({ at }) => (at.kind === 'tenet' ? at.index + 1 : 0)));
  const walking = stats.joined - stoppedAt((stop) => stop.kind === 'screening' || stop.kind === 'unreachable');
  const beforeTenet = (index: number) => walking - stoppedAt((stop) => stop.kind === 'tenet' && stop.index < index);
  return [
    { at: { kind: 'joined' }, reached: stats.joined },
    ...Array.from({ length: tenets }, (_, index) => ({ at: { kind: 'tenet', index } as const, reached: beforeTenet(index) })),
    { at: { kind: 'introduce' }, reached: beforeTenet(tenets) },
    { at: { kind: 'finished' }, reached: stats.finished },
  ];
}
