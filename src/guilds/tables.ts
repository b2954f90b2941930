import type { Generated } from 'kysely';

/** One row per server the bot has joined: the settings moderators choose for it. */
export interface GuildSettingsTable {
  guild_id: string;
  /** IANA zone used to show schedules in the server's local time, e.g. "Europe/London". */
  time_zone: string;
  /** Where the bot tells moderators about problems it can't solve alone (missing permissions, failures). */
  log_channel_id: string | null;
  /** The language public posts are written in (`src/i18n/locales.ts`); null: the server's Discord language. */
  language: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped on every update; lets concurrent editors notice they raced. */
  revision: Generated<number>;
}

export interface GuildTables {
  guild_settings: GuildSettingsTable;
}
