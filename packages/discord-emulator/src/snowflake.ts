const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Discord IDs: milliseconds since 2015 in the top bits, a counter below. Real-looking snowflakes
 * matter because discord.js derives `createdTimestamp` from them and orders caches by them.
 */
export class SnowflakeGenerator {
  #increment = 0n;
  #pinnedAt: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  next(): string {
    this.#increment = (this.#increment + 1n) & 0xfffn;
    const at = this.#pinnedAt ?? this.now();
    return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.#increment).toString();
  }

  /**
   * Runs `build` with every ID drawn from one fixed instant and a counter starting at zero, so the
   * same build yields the same IDs in every run (up to 4,095 of them). Later IDs are time-based and
   * so never collide with these, as long as `at` lies in the past.
   */
  pinned<T>(at: number, build: () => T): T {
    const saved = this.#increment;
    this.#pinnedAt = at;
    this.#increment = 0n;
    try {
      return build();
    } finally {
      this.#pinnedAt = undefined;
      this.#increment = saved;
    }
  }
}
