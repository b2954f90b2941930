import type { BaseInteraction, Client } from 'discord.js';
import type { BotContext } from '../../context.js';
import { serverReader } from '../../guilds/server-language.js';
import type { Reader } from '../../i18n/locales.js';
import { readerOf } from '../../interactions/reader.js';
import { localizeProtocol, type Protocol, type ReadProtocol } from '../protocol-content.js';
import { protocolsSayTo, type ProtocolsSay } from './messages.js';

/**
 * Who reads what the protocols feature writes, and how it speaks to them. A run's thread is public,
 * so its steps, summary and notices speak to the server; answers, forms and explanations only one
 * member sees speak to that member.
 */
export interface Audience {
  readonly reader: Reader;
  readonly t: ProtocolsSay;
  /** A protocol in this audience's words. */
  read(protocol: Protocol): ReadProtocol;
}

export const audienceOf = (reader: Reader): Audience => ({ reader, t: protocolsSayTo(reader), read: (protocol) => localizeProtocol(protocol, reader) });

/** The member who acted, in their Discord's language (then the server's, then English). */
export async function memberAudience(interaction: BaseInteraction, ctx: Pick<BotContext, 'db'>): Promise<Audience> {
  return audienceOf(await readerOf(interaction, ctx));
}

/** Everyone in a server: the language its moderators chose, else its Discord language. */
export async function serverAudience(client: Client, ctx: Pick<BotContext, 'db'>, guildId: string): Promise<Audience> {
  return audienceOf(await serverReader(ctx.db, guildId, client.guilds.cache.get(guildId)?.preferredLocale));
}
