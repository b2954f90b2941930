import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { InServer } from '../../interactions/handlers.js';
import { defineComponent, type ComponentRoute, type ServerCommand } from '../../interactions/handlers.js';
import { countCommittedBefore, currentTenets, requestRecommit, saveTenets, unlessConflict, type SaveTenetsResult } from '../tenets.js';
import { askRecommit, skipRecommit, tenetsForm } from './custom-ids.js';
import { readTenets } from './forms.js';
import { tenetsSavedMessage } from './tenet-view.js';
import { memberVoice } from './voice.js';

/** `/tenets edit`'s form and the buttons that follow a change (`tenets:*` custom_ids). */

/** The moderator's answer to a save (`/tenets edit`'s form, `/tenets reset`), whichever way it went. */
export async function answerSave(interaction: ServerCommand | ModalSubmitInteraction<InServer>, ctx: BotContext, result: SaveTenetsResult): Promise<void> {
  const { t, orExplain } = await memberVoice(interaction, ctx);
  const saved = orExplain(unlessConflict(result));
  if (saved.kind === 'unchanged') {
    await interaction.reply({ content: t('tenets.unchanged', { version: saved.set.version }), flags: MessageFlags.Ephemeral });
    return;
  }
  const earlier = await countCommittedBefore(ctx.db, interaction.guildId, saved.set.version);
  await interaction.reply({ ...tenetsSavedMessage(saved.set, saved.changes, earlier, t), flags: MessageFlags.Ephemeral });
}

export const tenetsRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'modal',
    spec: tenetsForm,
    scope: 'server',
    access: 'moderators',
    async run(interaction, [basedOn], ctx) {
      const { orExplain } = await memberVoice(interaction, ctx);
      const tenets = orExplain(readTenets(interaction));
      const result = await saveTenets(ctx, { guildId: interaction.guildId, tenets, origin: 'moderator', by: interaction.user.id, basedOn, defaults: ctx.content.onboarding.tenets });
      await answerSave(interaction, ctx, result);
    },
  }),
  defineComponent({
    kind: 'button',
    spec: askRecommit,
    scope: 'server',
    access: 'moderators',
    async run(interaction, [version], ctx) {
      const { t } = await memberVoice(interaction, ctx);
      const current = await currentTenets(ctx, interaction.guildId, ctx.content.onboarding.tenets);
      if (current.version !== version) {
        await interaction.update({ content: t('tenets.changed-again', { current: current.version, version }), components: [] });
        return;
      }
      const asked = await requestRecommit(ctx, interaction.guildId, version);
      await interaction.update({ content: asked === 0 ? t('tenets.nobody-to-ask') : t('tenets.asking', { count: asked }), components: [] });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: skipRecommit,
    scope: 'anywhere',
    access: 'moderators',
    async run(interaction, _args, ctx) {
      const { t } = await memberVoice(interaction, ctx);
      await interaction.update({ content: t('tenets.not-asking'), components: [] });
    },
  }),
];
