import type { APIGatewaySessionStartLimit } from 'discord-api-types/v10';

/**
 * Discord's sharding rules, as docs/events/gateway.mdx ("Sharding", "Max Concurrency", "Get Gateway
 * Bot", "Session Start Limit Object") and docs/topics/opcodes-and-status-codes.md (4010, 4011) of
 * discord-api-docs state them:
 *
 * - "Each shard can only support a maximum of 2500 guilds, and apps that are in 2500+ guilds *must*
 *   enable sharding": an IDENTIFY whose session would hold more closes with 4011 ("The session would
 *   have handled too many guilds").
 * - `shard: [id, count]` with `id >= count` closes with 4010 (Invalid shard).
 * - `GET /gateway/bot` answers a recommended `shards` count. The docs give no formula; libraries
 *   (serenity, Discord4J, discord.js's `fetchRecommendedShardCount` default of 1,000 guilds per
 *   shard) all read it as about one shard per 1,000 guilds, which is what is modelled here.
 * - `max_concurrency` is the "number of identify requests allowed per 5 seconds": a shard's
 *   `rate_limit_key = shard_id % max_concurrency`, and each key may IDENTIFY once per 5 s. "If you
 *   hit this limit, the Gateway will respond with an Invalid Session (opcode 9)."
 * - `session_start_limit.total` is 1000 a day for bots below large-bot sharding; every IDENTIFY
 *   (not a RESUME) uses one.
 */
export const MAX_GUILDS_PER_SHARD = 2_500;
export const GUILDS_PER_RECOMMENDED_SHARD = 1_000;
export const IDENTIFY_WINDOW_MS = 5_000;
const SESSION_STARTS_PER_DAY = 1_000;
const DAY_MS = 86_400_000;

/** The `shards` that `GET /gateway/bot` recommends for a bot in `guildCount` guilds. */
export function recommendedShardCount(guildCount: number): number {
  return Math.max(1, Math.ceil(guildCount / GUILDS_PER_RECOMMENDED_SHARD));
}

/** The shard that receives `guildId`'s events: `(guild_id >> 22) % num_shards`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface SessionStartOptions {
  /** `max_concurrency`: how many rate-limit keys (buckets) may IDENTIFY in the same window; 1 by default, as for most bots. */
  readonly maxConcurrency?: number;
  /** The window each key waits between IDENTIFYs; Discord's is 5 s. */
  readonly identifyWindowMs?: number;
  readonly clock?: () => number;
}

export type IdentifyAdmission = { readonly ok: true } | { readonly ok: false; readonly reason: 'bucket-busy' | 'daily-limit' };

/**
 * One application's session starts: the IDENTIFY buckets and the daily allowance. Shared by the
 * gateway (which admits or refuses each IDENTIFY) and REST (`GET /gateway/bot` reports it), since
 * Discord counts them per application, across every process and connection of the bot.
 */
export class SessionStarts {
  readonly maxConcurrency: number;
  readonly #windowMs: number;
  readonly #clock: () => number;
  /** rate_limit_key → when its last IDENTIFY was admitted. */
  readonly #lastIdentify = new Map<number, number>();
  #dayStartedAt: number;
  #used = 0;

  constructor(options: SessionStartOptions = {}) {
    const maxConcurrency = options.maxConcurrency ?? 1;
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) throw new RangeError(`maxConcurrency must be a positive integer, got ${maxConcurrency}`);
    this.maxConcurrency = maxConcurrency;
    this.#windowMs = options.identifyWindowMs ?? IDENTIFY_WINDOW_MS;
    this.#clock = options.clock ?? Date.now;
    this.#dayStartedAt = this.#clock();
  }

  /** Counts an IDENTIFY for `shardId` if its bucket and the day allow it. */
  admit(shardId: number): IdentifyAdmission {
    const now = this.#rollDay();
    if (this.#used >= SESSION_STARTS_PER_DAY) return { ok: false, reason: 'daily-limit' };
    const key = shardId % this.maxConcurrency;
    const last = this.#lastIdentify.get(key);
    if (last !== undefined && now - last < this.#windowMs) return { ok: false, reason: 'bucket-busy' };
    this.#lastIdentify.set(key, now);
    this.#used += 1;
    return { ok: true };
  }

  /** The `session_start_limit` object of `GET /gateway/bot`. */
  limit(): APIGatewaySessionStartLimit {
    const now = this.#rollDay();
    return {
      total: SESSION_STARTS_PER_DAY,
      remaining: SESSION_STARTS_PER_DAY - this.#used,
      reset_after: this.#dayStartedAt + DAY_MS - now,
      max_concurrency: this.maxConcurrency,
    };
  }

  #rollDay(): number {
    const now = this.#clock();
    if (now - this.#dayStartedAt >= DAY_MS) {
      this.#dayStartedAt = now;
      this.#used = 0;
    }
    return now;
  }
}
