import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Which shards one process serves, and so which servers' scheduled work is its own. Discord sends a
 * server's events to shard `(guild_id >> 22) % count` only, and events outside any server (DMs) to
 * shard 0; background work follows the same rule, so each server's rituals, nudges and notices are
 * sent by exactly one process however many run, and never by one that doesn't hold the server.
 */
export interface Shards {
  /** How many shards the bot runs in all, across every process. */
  readonly count: number;
  /** The shards this process serves, each in `0 … count - 1`. */
  readonly ids: readonly number[];
}

/** One process serving every server: the bot without sharding, or every shard in one process. */
export const EVERY_SHARD: Shards = { count: 1, ids: [0] };

export class InvalidShardsError extends RangeError {
  override readonly name = 'InvalidShardsError';
}

/** Checks and normalises a shard set; a process must serve at least one shard that exists. */
export function shardsOf(count: number, ids: readonly number[]): Shards {
  if (!Number.isInteger(count) || count < 1) throw new InvalidShardsError(`a shard count must be a positive whole number, not ${count}`);
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length === 0) throw new InvalidShardsError('a process must serve at least one shard');
  const outside = unique.filter((id) => !Number.isInteger(id) || id < 0 || id >= count);
  if (outside.length > 0) throw new InvalidShardsError(`shard ${outside.join(', ')} does not exist among ${count} shard${count === 1 ? '' : 's'}`);
  return { count, ids: unique };
}

/** Discord's sharding formula. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether this process serves every shard (and so every server). */
export function servesEveryGuild(shards: Shards): boolean {
  return shards.ids.length === shards.count;
}

export function servesGuild(shards: Shards, guildId: string): boolean {
  return servesEveryGuild(shards) || shards.ids.includes(shardOfGuild(guildId, shards.count));
}

/** DMs, and work that belongs to no server, have one owner: the process with shard 0. */
export function servesDirectMessages(shards: Shards): boolean {
  return shards.ids.includes(0);
}

/**
 * A WHERE condition keeping the rows whose server `column` (a Discord ID as text) this process
 * serves. The same SQL runs on SQLite and PostgreSQL: both cast text to a 64-bit integer, shift
 * and take the remainder. Serving every shard needs no condition at all.
 */
export function inServedGuilds(shards: Shards, column: string): Expression<SqlBool> {
  if (servesEveryGuild(shards)) return sql<SqlBool>`1 = 1`;
  const ids = sql.join(shards.ids.map((id) => sql.lit(id)));
  return sql<SqlBool>`((cast(${sql.ref(column)} as bigint) >> 22) % ${sql.lit(shards.count)}) in (${ids})`;
}
