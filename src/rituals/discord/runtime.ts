import type { BotContext } from '../../context.js';
import { tellModerators } from '../../guilds/discord/moderator-notes.js';
import { createInFlight } from '../../scheduling/in-flight.js';
import type { Shards } from '../../sharding/shards.js';
import { beginAttempt, claimDue, findOccurrence, markFailed, markPosted, pauseForBrokenTarget, readyToDeliver, rewindToClock, scheduleRetry } from '../ledger.js';
import type { Reader } from '../../i18n/locales.js';
import { localizeEntry, type RitualContent } from '../content.js';
import type { BrokenTarget, Occurrence } from '../model.js';
import { deliverPost } from './delivery.js';
import { emptyLibraryNotice, failedNotice, pausedNotice } from './notices.js';
import { ritualMessages } from './messages.js';
import { composePost } from './post-view.js';
import { classifyFailure, type RitualTransport } from './transport.js';

/**
 * Runs rituals: each tick claims what is due (ledger.ts) and delivers every claimed occurrence
 * whose attempt is due, a few at a time. Failures are sorted three ways: a broken channel pauses
 * the schedule; a transient failure is tried again after a back-off (1 minute, then 5), and the
 * third failure marks the occurrence failed; a rejected post fails at once. Moderators are told
 * when a schedule pauses itself or an occurrence fails.
 */

export interface RuntimeOptions {
  /** Deliveries in flight at once; the REST manager's queues pace them against Discord's limits. */
  readonly concurrency?: number;
  /** The wait before each further attempt: its length + 1 is the number of attempts. */
  readonly retryDelaysMs?: readonly number[];
  /**
   * Real time one attempt may take, rate-limit waits included. discord.js waits out 429s without
   * end; this bound turns a 429 storm into a failed attempt that backs off like any other.
   */
  readonly attemptTimeoutMs?: number;
}

export const DEFAULT_RUNTIME_OPTIONS: Required<RuntimeOptions> = {
  concurrency: 16,
  retryDelaysMs: [60_000, 5 * 60_000],
  attemptTimeoutMs: 120_000,
};

export type DeliveryReport =
  | { readonly kind: 'posted'; readonly channelId: string; readonly messageId: string; readonly threadId: string | null }
  | { readonly kind: 'retrying'; readonly at: Date; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string }
  | { readonly kind: 'paused'; readonly reason: BrokenTarget }
  /** Someone else settled it first (another tick, a pause, a delete). */
  | { readonly kind: 'not-claimed'; readonly occurrence: Occurrence | undefined };

export interface RitualRuntime {
  /** One tick: claim what is due by `now`, then deliver what is ready. */
  tick(now: Date): Promise<void>;
  /** Delivers one claimed occurrence now; a second call while it is in flight shares the first. */
  deliver(occurrenceId: number): Promise<DeliveryReport>;
  /** Resolves when no delivery is in flight. */
  idle(): Promise<void>;
  /**
   * Shutdown: deliveries already in flight finish; a tick's remaining occurrences are left claimed
   * for the next start (which delivers claimed occurrences first), so stopping mid fan-out takes as
   * long as the posts in flight, not as long as the whole fan-out.
   */
  close(): Promise<void>;
}

export interface RuntimeDependencies extends Pick<BotContext, 'db' | 'clock' | 'logger'> {
  readonly transport: RitualTransport;
  /** Since when this process has been running: occurrences after it were not missed to downtime. */
  readonly runningSince: Date;
  /** The shards this process serves: it posts the rituals of their servers and no others. */
  readonly shards: Shards;
  /** Who reads a server's posts and its moderators' notices: the server's language. */
  serverReader(guildId: string): Promise<Reader>;
  /** The shipped libraries, whose translations starter entries are posted in. */
  readonly content: RitualContent;
}

export function createRitualRuntime(deps: RuntimeDependencies, options: RuntimeOptions = {}): RitualRuntime {
  const { db, clock, logger, transport } = deps;
  const settings = { ...DEFAULT_RUNTIME_OPTIONS, ...options };
  const maxAttempts = settings.retryDelaysMs.length + 1;
  // One delivery per occurrence at a time: a second request while one is out shares it.
  const delivering = new Map<number, Promise<DeliveryReport>>();
  const inFlight = createInFlight(logger);
  let closed = false;

  async function fail(occurrence: Occurrence, detail: string, notice: () => string): Promise<DeliveryReport> {
    const failed = await markFailed(db, occurrence.id, detail, clock.now());
    if (failed) await tellModerators({ db, logger, sender: transport }, occurrence.guildId, notice());
    return { kind: 'failed', detail };
  }

  async function attempt(occurrenceId: number): Promise<DeliveryReport> {
    const started = await beginAttempt({ db, clock }, occurrenceId);
    if (started === undefined) return { kind: 'not-claimed', occurrence: await findOccurrence(db, occurrenceId) };
    const { occurrence, schedule, entry } = started;
    const log = { guild: schedule.guildId, ritual: schedule.id, occurrence: occurrence.id, due: occurrence.at.toISOString() };
    const reader = await deps.serverReader(schedule.guildId);
    const t = ritualMessages.for(reader);
    const composed = composePost(t, schedule, occurrence, entry && localizeEntry(entry, deps.content, reader));
    if (!composed.ok) {
      logger.warn(log, 'a ritual could not post: its library is empty');
      return fail(occurrence, 'the library is empty', () => emptyLibraryNotice(t, schedule, occurrence));
    }
    try {
      const delivered = await deliverPost(transport, composed.value, started.triedBefore, AbortSignal.timeout(settings.attemptTimeoutMs));
      await markPosted(db, occurrence.id, delivered, clock.now());
      logger.info({ ...log, message: delivered.messageId, recovered: delivered.recovered }, 'a ritual posted');
      return { kind: 'posted', channelId: schedule.channelId, messageId: delivered.messageId, threadId: delivered.threadId };
    } catch (error) {
      const failure = classifyFailure(error);
      const now = clock.now();
      const attempts = started.earlierAttempts + 1;
      logger.warn({ ...log, err: error, failure: failure.kind, attempts }, 'a ritual post attempt failed');
      if (failure.kind === 'broken') {
        const paused = await pauseForBrokenTarget(db, occurrence, failure.reason, failure.detail, now);
        if (paused) await tellModerators({ db, logger, sender: transport }, schedule.guildId, pausedNotice(t, schedule, failure.reason, occurrence));
        return { kind: 'paused', reason: failure.reason };
      }
      const delay = settings.retryDelaysMs[attempts - 1];
      if (failure.kind === 'transient' && attempts < maxAttempts && delay !== undefined) {
        const at = new Date(now.getTime() + delay);
        await scheduleRetry(db, occurrence.id, failure.detail, at, now);
        return { kind: 'retrying', at, detail: failure.detail };
      }
      return fail(occurrence, failure.detail, () => failedNotice(t, schedule, occurrence, attempts, failure.detail));
    }
  }

  function deliver(occurrenceId: number): Promise<DeliveryReport> {
    const running = delivering.get(occurrenceId);
    if (running) return running;
    const task = inFlight.track(attempt(occurrenceId).finally(() => delivering.delete(occurrenceId)));
    delivering.set(occurrenceId, task);
    return task;
  }

  /** Runs `work` over `items`, `limit` at a time, until closed; one failure doesn't stop the rest. */
  async function eachLimited(items: readonly number[], limit: number, work: (item: number) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (!closed && next < items.length) {
        const item = items[next++] as number;
        try {
          await work(item);
        } catch (error) {
          logger.error({ err: error, occurrence: item }, 'a ritual delivery failed unexpectedly; it stays claimed and is tried again next tick');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  }

  /** The last tick's time: a later tick that stands earlier means the clock went back. */
  let lastTick: Date | undefined;

  /** On the first tick (the clock may have been reset while the bot was down) and after the clock went back. */
  async function followClock(now: Date): Promise<void> {
    const wentBack = lastTick === undefined || now.getTime() < lastTick.getTime();
    lastTick = now;
    if (!wentBack) return;
    const rewound = await rewindToClock({ db, clock }, now, deps.shards);
    if (rewound.length === 0) return;
    logger.warn(
      { at: now.toISOString(), rituals: rewound.map((r) => ({ ritual: r.scheduleId, was: r.was.toISOString(), next: r.now.toISOString() })) },
      'the clock stands earlier than the rituals expected: their next runs are counted again from now',
    );
  }

  return {
    async tick(now) {
      await followClock(now);
      const due = await claimDue({ db, clock }, now, deps.runningSince, deps.shards);
      if (due.claimed + due.missed > 0) logger.info({ ...due, at: now.toISOString() }, 'rituals fell due');
      await eachLimited(await readyToDeliver(db, now, deps.shards), settings.concurrency, deliver);
    },
    deliver,
    idle: inFlight.settled,
    async close() {
      closed = true;
      await inFlight.settled();
    },
  };
}

/** What commands (`/ritual run-now`, `retry`) and tests reach of the running feature. */
export interface RunningRituals {
  deliver(occurrenceId: number): Promise<DeliveryReport>;
  /** Resolves when the current tick and every delivery in flight have finished. */
  settled(): Promise<void>;
}
