import cron from 'node-cron';
import type { Clock } from '../clock.js';
import { writingForServer } from '../db/write-scope.js';
import type { Stoppable } from '../features/feature.js';
import type { Logger } from '../logger.js';

export interface TickerOptions {
  readonly name: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The work: find what is due at `now` and do it. Must be safe to run at any time, any number of times. */
  readonly onTick: (now: Date) => Promise<void>;
  /** How often real time triggers a tick (5-field cron); every minute by default. */
  readonly every?: string;
}

export interface Ticker extends Stoppable {
  /** Resolves when the tick running now (and any it queued) has finished: for tests. */
  settled(): Promise<void>;
}

/**
 * Drives time-based work: node-cron wakes it on schedule in real time, a clock jump (tests, the
 * sandbox's `time` command) wakes it at once, and it runs once on start to catch up after downtime.
 * Ticks never overlap; a tick requested during one runs right after it, so none is lost.
 */
export function startTicker(options: TickerOptions): Ticker {
  const { name, clock, logger, onTick } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          // A tick works across servers: it writes for no one server, even when an interaction woke it.
          await writingForServer(null, () => onTick(clock.now()));
        } catch (error) {
          logger.error({ err: error, ticker: name }, 'a scheduled job failed; it will try again on the next tick');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const task = cron.schedule(options.every ?? '* * * * *', () => void run(), { name, noOverlap: true });
  const unsubscribe = clock.onJump(() => void run());
  void run();

  return {
    settled: async () => {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      unsubscribe();
      await task.destroy();
      while (running) await running;
    },
  };
}
