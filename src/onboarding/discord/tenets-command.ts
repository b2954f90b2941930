import { MessageFlags } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { ServerCommand } from '../../interactions/handlers.js';
import { currentTenets, saveTenets } from '../tenets.js';
import { findWalk } from '../walk-store.js';
import { tenetsModal } from './forms.js';
import { tenetsCard } from './tenet-view.js';
import { answerSave } from './tenets-routes.js';
import { memberVoice } from './voice.js';

/** The handlers of `/tenets`; the command's definition is commands/tenets.ts. */

export async function showTenets(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const set = await currentTenets(ctx, interaction.guildId, ctx.content.onboarding.tenets);
  const walk = await findWalk(ctx.db, interaction.guildId, interaction.user.id);
  const card = tenetsCard(interaction.guild?.name ?? ctx.content.community.name, set, ctx.content.onboarding.values, walk, await memberVoice(interaction, ctx));
  await interaction.reply({ embeds: [card], flags: MessageFlags.Ephemeral });
}

export async function editTenets(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  // The boxes hold the tenets as stored, in the community's own words: a moderator edits those, never a translation.
  const { t } = await memberVoice(interaction, ctx);
  await interaction.showModal(tenetsModal(await currentTenets(ctx, interaction.guildId, ctx.content.onboarding.tenets), t));
}

export async function resetTenets(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { tenets } = ctx.content.onboarding;
  await answerSave(interaction, ctx, await saveTenets(ctx, { guildId: interaction.guildId, tenets, origin: 'default', by: interaction.user.id, defaults: tenets }));
}
