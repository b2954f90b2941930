/** Time as the domain sees it. Services take a Clock so tests and the sandbox can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move: for tests and the sandbox's time travel. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: Date | number = Date.now()) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(to: Date | number): void {
    this.#now = typeof to === 'number' ? to : to.getTime();
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
