import { LruMap } from 'toad-cache';

/**
 * The names the dashboard shows next to runs and reports, kept a few minutes. The bot doesn't cache
 * members (src/client-cache.ts), so a name is a gateway request; discord.js sends at most 120 a
 * minute, and a page that asked afresh each time left the next one waiting up to a minute. A name
 * a few minutes old is fine on a page; a member who left is remembered as gone the same while.
 */

/**
 * How the names are asked of Discord: some members by id (at most `batch`, one request), or
 * everyone in the server at once. Undefined: Discord couldn't be asked; nothing is remembered.
 */
export interface NameSource {
  readonly batch: number;
  someOf(guildId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string> | undefined>;
  everyoneIn(guildId: string): Promise<ReadonlyMap<string, string> | undefined>;
}

export interface MemberNameCache {
  /** The names of `userIds` in the server; someone who left (or couldn't be asked about) is missing. */
  namesIn(guildId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export const NAME_TTL_MS = 5 * 60_000;
/** Names kept across servers: a few big servers' reports, a few hundred bytes each. */
export const NAMES_KEPT = 100_000;

export function memberNameCache(source: NameSource, options: { readonly ttlMs?: number; readonly max?: number } = {}): MemberNameCache {
  // null: asked, and not a member now.
  const kept = new LruMap<string | null>(options.max ?? NAMES_KEPT, options.ttlMs ?? NAME_TTL_MS);
  const key = (guildId: string, userId: string) => `${guildId}:${userId}`;
  return {
    async namesIn(guildId, userIds) {
      const names = new Map<string, string>();
      const missing: string[] = [];
      for (const userId of new Set(userIds)) {
        const name = kept.get(key(guildId, userId));
        if (name === undefined) missing.push(userId);
        else if (name !== null) names.set(userId, name);
      }
      if (missing.length === 0) return names;
      // More than one request's worth: one request for the whole server answers them all (in
      // chunks of 1,000) and the next pages of the same report too.
      const found = missing.length > source.batch ? await source.everyoneIn(guildId) : await source.someOf(guildId, missing);
      if (found === undefined) return names;
      if (missing.length > source.batch) for (const [userId, name] of found) kept.set(key(guildId, userId), name);
      for (const userId of missing) {
        const name = found.get(userId);
        if (name !== undefined) names.set(userId, name);
        kept.set(key(guildId, userId), name ?? null);
      }
      return names;
    },
  };
}
