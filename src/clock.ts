/** Time as the domain sees it. Services take a Clock so tests and the sandbox can move time. */
export interface Clock {
  now(): Date;
  /**
   * Calls `listener` whenever time jumps (a test or the sandbox moved it), so schedules catch up at
   * once instead of waiting for their next real-time tick. Returns the unsubscribe function.
   */
  onJump(listener: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  // Real time never jumps; node-cron's ticks are enough.
  onJump: () => () => undefined,
};

/** A clock that stands still until told to move: for tests and the sandbox's time travel. */
export class ManualClock implements Clock {
  #now: number;
  readonly #listeners = new Set<() => void>();

  constructor(start: Date | number = Date.now()) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  onJump(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  set(to: Date | number): void {
    this.#now = typeof to === 'number' ? to : to.getTime();
    for (const listener of this.#listeners) listener();
  }

  advance(ms: number): void {
    this.set(this.#now + ms);
  }
}
