import type { Client } from 'discord.js';
import { shardsOf, type Shards } from './shards.js';

/**
 * The shards a logged-in client serves. discord.js settles them at login: from the `shards` and
 * `shardCount` options, from `SHARDS`/`SHARD_COUNT` when a ShardingManager spawned the process, or
 * from Discord's recommendation with `shards: 'auto'`.
 */
export function shardsServedBy(client: Client<true>): Shards {
  const { shards, shardCount } = client.options;
  return shardsOf(shardCount ?? 1, Array.isArray(shards) ? shards : [0]);
}
