import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { isLanguage, readerOf, type Language, type Reader } from '../i18n/locales.js';
import { ensureGuildSettings } from './guild-settings.js';

/** The language a server's moderators chose for its public posts, if they chose one. */
export async function chosenServerLanguage(db: Db, guildId: string): Promise<Language | undefined> {
  const row = await db.selectFrom('guild_settings').select('language').where('guild_id', '=', guildId).executeTakeFirst();
  const language = row?.language ?? null;
  return language !== null && isLanguage(language) ? language : undefined;
}

/** Sets (or, with undefined, clears back to the server's Discord language) the language of public posts. */
export async function chooseServerLanguage(db: Db, clock: Clock, guildId: string, language: Language | undefined): Promise<void> {
  await ensureGuildSettings(db, clock, guildId);
  await db.transaction().execute((trx) =>
    trx
      .updateTable('guild_settings')
      .set((eb) => ({ language: language ?? null, updated_at: clock.now().toISOString(), revision: eb('revision', '+', 1) }))
      .where('guild_id', '=', guildId)
      .execute(),
  );
}

/**
 * Who reads a server's public posts (rituals, introductions, protocol summaries): the language its
 * moderators chose, else the server's Discord language (`preferred_locale`), else English.
 */
export async function serverReader(db: Db, guildId: string, preferredLocale: string | null | undefined): Promise<Reader> {
  return readerOf(await chosenServerLanguage(db, guildId), preferredLocale);
}

/**
 * Who reads a private reply: the member in their Discord client's language, then the server's
 * language for anything not translated into theirs, then English.
 */
export async function memberReader(
  db: Db,
  member: { readonly locale: string | null | undefined; readonly guildId: string | null; readonly guildLocale: string | null | undefined },
): Promise<Reader> {
  const server = member.guildId === null ? undefined : await chosenServerLanguage(db, member.guildId);
  return readerOf(member.locale, server, member.guildLocale);
}
