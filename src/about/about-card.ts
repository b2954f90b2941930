import { EmbedBuilder } from 'discord.js';
import type { BotContext } from '../context.js';
import { ENGLISH } from '../i18n/locales.js';
import { aboutMessages, type AboutT } from './messages.js';

const UNITS = [
  ['uptime.days', 86_400_000],
  ['uptime.hours', 3_600_000],
  ['uptime.minutes', 60_000],
] as const;

/** "3 days, 4 hours" — the two largest units are plenty for people. English unless told (the sandbox). */
export function formatUptime(ms: number, t: AboutT = aboutMessages.for(ENGLISH)): string {
  const parts: string[] = [];
  let rest = Math.max(0, ms);
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(t(unit, { count }));
  }
  return parts.slice(0, 2).join(', ') || t('uptime.under-a-minute');
}

/**
 * The card `/about` shows. The community's name, mission and tagline are its own words, quoted as
 * written; the bot's words around them are in the reader's language.
 */
export function aboutCard(ctx: BotContext, t: AboutT): EmbedBuilder {
  const { community } = ctx.content;
  return new EmbedBuilder()
    .setTitle(t('title', { community: community.name }))
    .setDescription([t('intro', { community: community.name }), '', t('mission', { mission: community.mission })].join('\n'))
    .addFields(
      { name: t('version'), value: ctx.version, inline: true },
      { name: t('awake-for'), value: formatUptime(ctx.clock.now().getTime() - ctx.startedAt.getTime(), t), inline: true },
    )
    .setFooter({ text: community.tagline });
}
