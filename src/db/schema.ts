import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as the code sees it. Timestamps are ISO-8601 UTC strings so the same queries run on
 * SQLite today and PostgreSQL later; IDs from Discord are strings (snowflakes overflow JS numbers).
 */
export interface Database {
  guild_settings: GuildSettingsTable;
}

/** One row per server the bot has joined: the settings moderators choose for it. */
export interface GuildSettingsTable {
  guild_id: string;
  /** IANA zone used to show schedules in the server's local time, e.g. "Europe/London". */
  time_zone: string;
  /** Where the bot tells moderators about problems it can't solve alone (missing permissions, failures). */
  log_channel_id: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped on every update; lets concurrent editors notice they raced. */
  revision: Generated<number>;
}

export type GuildSettings = Selectable<GuildSettingsTable>;
export type NewGuildSettings = Insertable<GuildSettingsTable>;
export type GuildSettingsUpdate = Updateable<GuildSettingsTable>;
