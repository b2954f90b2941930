/**
 * Keeps the messages of one run in step with the database when members act at the same moment.
 * Each redraw reads the database when it starts, so the last one to start shows every write that
 * came before it; running one run's redraws one at a time means an older picture never lands on
 * top of a newer one. It holds no lasting state: losing it (a restart) loses nothing.
 */
export interface RunQueue {
  /** Runs `job` after every job already queued for `runId` has finished (or failed). */
  serialize<T>(runId: number, job: () => Promise<T>): Promise<T>;
}

/** One queue per bot: run ids are only unique within one database. */
export function createRunQueue(): RunQueue {
  const tails = new Map<number, Promise<void>>();
  return {
    serialize(runId, job) {
      const previous = tails.get(runId) ?? Promise.resolve();
      const result = previous.then(job);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(runId, tail);
      void tail.then(() => {
        if (tails.get(runId) === tail) tails.delete(runId);
      });
      return result;
    },
  };
}
