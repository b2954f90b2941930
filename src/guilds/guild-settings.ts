import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { GuildSettings } from '../db/schema.js';

/** Records a server the first time the bot sees it, keeping any settings it already has. */
export async function ensureGuildSettings(db: Db, clock: Clock, guildId: string): Promise<void> {
  const now = clock.now().toISOString();
  await db.transaction().execute((trx) =>
    trx
      .insertInto('guild_settings')
      .values({ guild_id: guildId, time_zone: 'UTC', log_channel_id: null, created_at: now, updated_at: now })
      .onConflict((conflict) => conflict.column('guild_id').doNothing())
      .execute(),
  );
}

export function findGuildSettings(db: Db, guildId: string): Promise<GuildSettings | undefined> {
  return db.selectFrom('guild_settings').selectAll().where('guild_id', '=', guildId).executeTakeFirst();
}
