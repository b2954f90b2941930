const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Discord IDs: milliseconds since 2015 in the top bits, a counter below. Real-looking snowflakes
 * matter because discord.js derives `createdTimestamp` from them and orders caches by them.
 */
export class SnowflakeGenerator {
  #increment = 0n;

  constructor(private readonly now: () => number = Date.now) {}

  next(): string {
    this.#increment = (this.#increment + 1n) & 0xfffn;
    return (((BigInt(this.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.#increment).toString();
  }
}
