/**
 * Work that must happen in the order it arrived for one thing (a protocol run, a member), while
 * work for different things runs side by side. On PostgreSQL two transactions started one after
 * the other can commit the other way round, so arrival order alone is no promise. It holds no
 * lasting state: losing it (a restart) loses nothing.
 */
export interface KeyedQueue<Key> {
  /** Runs `job` after every job already queued for `key` has finished (or failed); at once if none. */
  serialize<T>(key: Key, job: () => Promise<T>): Promise<T>;
}

/** One queue per bot, made by the feature that needs it. */
export function createKeyedQueue<Key>(): KeyedQueue<Key> {
  const tails = new Map<Key, Promise<void>>();
  return {
    serialize(key, job) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(job);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
