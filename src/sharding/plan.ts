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
