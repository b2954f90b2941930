import type { BaseInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { memberReader } from '../guilds/server-language.js';
import { readerOf as readerFrom, type Reader } from '../i18n/locales.js';

/**
 * Who reads the answer to an interaction that only its member sees: the member in their Discord's
 * language (Discord sends it with every interaction), then the server's, then English.
 */
export function readerOf(interaction: BaseInteraction, ctx: Pick<BotContext, 'db'>): Promise<Reader> {
  return memberReader(ctx.db, { locale: interaction.locale, guildId: interaction.guildId, guildLocale: interaction.guildLocale });
}

/**
 * The same reader without asking the database for the server's chosen language: for what the
 * router says when the database itself may be what failed.
 */
export function localeReaderOf(interaction: BaseInteraction): Reader {
  return readerFrom(interaction.locale, interaction.guildLocale);
}
