import type { BaseInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import { memberReader } from '../../guilds/server-language.js';
import type { Reader } from '../../i18n/locales.js';
import { readerOf } from '../../interactions/reader.js';
import { orExplainIn } from './explain.js';
import { onboardingMessages } from './messages.js';
import type { ReaderScene } from './walk-view.js';

/** Everything a handler needs to answer one reader: their words, their content, their problems. */
export interface Voice extends ReaderScene {
  readonly orExplain: ReturnType<typeof orExplainIn>;
}

export function voiceFor(reader: Reader, ctx: Pick<BotContext, 'content'>): Voice {
  const t = onboardingMessages.for(reader);
  return { reader, t, shippedTenets: ctx.content.onboarding.shippedTenets, orExplain: orExplainIn(t) };
}

/** The member who used a command or a button in a server, in their own language. */
export async function memberVoice(interaction: BaseInteraction, ctx: Pick<BotContext, 'db' | 'content'>): Promise<Voice> {
  return voiceFor(await readerOf(interaction, ctx), ctx);
}

/**
 * The member clicking on their walk. In DMs Discord sends no server, so the server whose language
 * comes after theirs is the walk's own (from the custom_id).
 */
export async function walkVoice(interaction: BaseInteraction, guildId: string, ctx: Pick<BotContext, 'db' | 'content'>): Promise<Voice> {
  const guildLocale = interaction.guildLocale ?? interaction.client.guilds.cache.get(guildId)?.preferredLocale;
  return voiceFor(await memberReader(ctx.db, { locale: interaction.locale, guildId, guildLocale }), ctx);
}
