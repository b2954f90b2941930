import type { Logger } from '../logger.js';

/**
 * Work the bot has started and must let finish before it closes the database: handlers, deliveries,
 * DMs. The one way to wait for what is in flight, so shutdown means the same thing everywhere.
 */
export interface InFlight {
  /** Tracks `task` until it settles; returns it unchanged, so callers still see its result. */
  track<T>(task: Promise<T>): Promise<T>;
  /**
   * Starts `task` in the background unless the set is closed: its failure is logged under `name`,
   * never thrown, because nobody awaits background work.
   */
  spawn(name: string, task: () => Promise<unknown>): void;
  /** How many tracked tasks have not settled yet. */
  readonly size: number;
  /** Resolves once nothing is in flight, including work started while waiting. */
  settled(): Promise<void>;
  /** Refuses new background work, then waits for what is already running. */
  close(): Promise<void>;
}

export function createInFlight(logger: Logger): InFlight {
  const running = new Set<Promise<unknown>>();
  let closed = false;

  const track = <T>(task: Promise<T>): Promise<T> => {
    const settled: Promise<unknown> = task.then(
      () => undefined,
      () => undefined,
    );
    running.add(settled);
    void settled.then(() => running.delete(settled));
    return task;
  };

  const settled = async (): Promise<void> => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };

  return {
    track,
    spawn(name, task) {
      if (closed) return;
      // Started at once, not on a later tick: work spawned for an event must see the world as the
      // event left it (a member who leaves right after joining must not be found still there).
      let started: Promise<unknown>;
      try {
        started = task();
      } catch (error) {
        started = Promise.reject(error);
      }
      void track(started.catch((error: unknown) => logger.error({ err: error, work: name }, 'background work failed')));
    },
    get size() {
      return running.size;
    },
    settled,
    async close() {
      closed = true;
      await settled();
    },
  };
}
