import { EmbedBuilder } from 'discord.js';
import type { BotContext } from '../context.js';

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/** "3 days, 4 hours" — the two largest units are plenty for people. */
export function formatUptime(ms: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, ms);
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
  }
  return parts.slice(0, 2).join(', ') || 'less than a minute';
}

export function aboutCard(ctx: BotContext): EmbedBuilder {
  const { community } = ctx.content;
  return new EmbedBuilder()
    .setTitle(`Roots Bot · ${community.name}`)
    .setDescription(
      [
        `I help ${community.name} keep its rituals going: welcoming new members through our core tenets, sharing the weekly poem and podcast club, keeping your place in courses, and guiding root-cause protocols.`,
        '',
        `**Our mission:** ${community.mission}`,
      ].join('\n'),
    )
    .addFields(
      { name: 'Version', value: ctx.version, inline: true },
      { name: 'Awake for', value: formatUptime(ctx.clock.now().getTime() - ctx.startedAt.getTime()), inline: true },
    )
    .setFooter({ text: community.tagline });
}
