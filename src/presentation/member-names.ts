import type { Guild } from 'discord.js';
import type { Logger } from '../logger.js';

/** Discord takes at most 100 user ids in one member request. */
export const MEMBER_FETCH_CHUNK = 100;

/**
 * The names members go by in `guild` (their display names), for files the bot writes: from the
 * cache first, then asked of Discord in batches. Someone who left, or a batch Discord refused, is
 * simply missing from the map; each caller decides how to name them.
 */
export async function memberNames(guild: Guild | null, userIds: readonly string[], logger: Logger): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (guild === null) return names;
  const missing: string[] = [];
  for (const id of new Set(userIds)) {
    const member = guild.members.cache.get(id);
    if (member) names.set(id, member.displayName);
    else missing.push(id);
  }
  for (let start = 0; start < missing.length; start += MEMBER_FETCH_CHUNK) {
    try {
      const fetched = await guild.members.fetch({ user: missing.slice(start, start + MEMBER_FETCH_CHUNK) });
      for (const [id, member] of fetched) names.set(id, member.displayName);
    } catch (error) {
      logger.warn({ err: error, guild: guild.id }, 'could not fetch some member names; they are left out');
    }
  }
  return names;
}
