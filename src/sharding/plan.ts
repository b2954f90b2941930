import type { Shards } from './shards.js';

/**
 * How many shards a process opens, and which. `SHARD_COUNT` chooses between the first two; the
 * third is a process that a ShardingManager (`npm run start:shards`) spawned for its share.
 */
export type ShardPlan =
  /** Every shard in this process, as many as Discord recommends (`GET /gateway/bot`). */
  | { readonly kind: 'auto' }
  /** Every one of `count` shards in this process. */
  | { readonly kind: 'all'; readonly count: number }
  /** Only these shards: the others run in other processes. */
  | { readonly kind: 'some'; readonly shards: Shards };

/** "All bots can make up to 50 requests per second to our API" (Rate Limits → Global Rate Limit): per bot token. */
export const DISCORD_GLOBAL_REQUESTS_PER_SECOND = 50;

/**
 * The share of Discord's global limit one process may use. Every process of the bot sends with the
 * same token, so they share the 50 requests a second, yet each REST client only sees its own
 * requests and 429s: left at 50 each, four processes would send 200 a second and collect 150 global
 * 429s a second, which count towards Discord's ban for invalid requests. So each process paces
 * itself to its shards' share, assuming every process serves as many shards (what
 * `npm run start:shards` runs: one shard each).
 */
export function globalRequestShare(plan: ShardPlan | undefined): number {
  if (plan?.kind !== 'some') return DISCORD_GLOBAL_REQUESTS_PER_SECOND;
  return Math.max(1, Math.floor((DISCORD_GLOBAL_REQUESTS_PER_SECOND * plan.shards.ids.length) / plan.shards.count));
}
