import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from '../src/context.js';
import { UserFacingError } from '../src/interactions/errors.js';
import { defineCommand, defineComponent } from '../src/interactions/handlers.js';
import { askRecommit, skipRecommit, tenetsForm } from '../src/onboarding/custom-ids.js';
import { readTenets, tenetsModal } from '../src/onboarding/forms.js';
import { tenetsCard, tenetsSavedMessage } from '../src/onboarding/tenet-views.js';
import { countCommittedBefore, currentTenets, requestRecommit, saveTenets, type SaveTenetsResult } from '../src/onboarding/tenets.js';
import { findWalk } from '../src/onboarding/walk-store.js';

const IN_A_SERVER = 'Please use this in a server: each community keeps its own tenets.';

function guildIdOf(interaction: ChatInputCommandInteraction | ModalSubmitInteraction): string {
  if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
  return interaction.guildId;
}

/** The moderator's answer to a save, whichever way it went. */
async function answerSave(interaction: ChatInputCommandInteraction | ModalSubmitInteraction, ctx: BotContext, guildId: string, result: SaveTenetsResult): Promise<void> {
  switch (result.kind) {
    case 'unchanged':
      return void (await interaction.reply({ content: `Nothing changed: these are already the tenets (version ${result.set.version}).`, flags: MessageFlags.Ephemeral }));
    case 'conflict':
      throw new UserFacingError(`Someone else changed the tenets while you were editing (they're now at version ${result.set.version}), so I haven't saved yours. Please run \`/tenets edit\` again to start from theirs.`);
    case 'saved': {
      const earlier = await countCommittedBefore(ctx.db, guildId, result.set.version);
      await interaction.reply({ ...tenetsSavedMessage(result.set, result.changes, earlier), flags: MessageFlags.Ephemeral });
    }
  }
}

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('tenets')
    .setDescription('The tenets this community lives by')
    .addSubcommand((sub) => sub.setName('show').setDescription('See the tenets and what we value'))
    .addSubcommand((sub) => sub.setName('edit').setDescription('Change the tenets for this server (moderators)'))
    .addSubcommand((sub) => sub.setName('reset').setDescription('Go back to the Roots tenets (moderators)')),
  subcommands: {
    show: {
      access: 'everyone',
      scope: 'anywhere',
      async run(interaction, ctx) {
        const guildId = guildIdOf(interaction);
        const set = await currentTenets(ctx, guildId, ctx.content.onboarding.tenets);
        const walk = await findWalk(ctx.db, guildId, interaction.user.id);
        const card = tenetsCard(interaction.guild?.name ?? ctx.content.community.name, set, ctx.content.onboarding.values, walk);
        await interaction.reply({ embeds: [card], flags: MessageFlags.Ephemeral });
      },
    },
    edit: {
      access: 'moderators',
      scope: 'anywhere',
      async run(interaction, ctx) {
        const guildId = guildIdOf(interaction);
        await interaction.showModal(tenetsModal(await currentTenets(ctx, guildId, ctx.content.onboarding.tenets)));
      },
    },
    reset: {
      access: 'moderators',
      scope: 'anywhere',
      async run(interaction, ctx) {
        const guildId = guildIdOf(interaction);
        const { tenets } = ctx.content.onboarding;
        await answerSave(interaction, ctx, guildId, await saveTenets(ctx, { guildId, tenets, origin: 'default', by: interaction.user.id, defaults: tenets }));
      },
    },
  },
  components: [
    defineComponent({
      kind: 'modal',
      spec: tenetsForm,
      scope: 'anywhere',
      access: 'moderators',
      async run(interaction, [basedOn], ctx) {
        const guildId = guildIdOf(interaction);
        const form = readTenets(interaction);
        if (!form.ok) throw new UserFacingError(`I haven't saved the tenets yet: ${form.problems.join(' ')}`);
        const result = await saveTenets(ctx, { guildId, tenets: form.value, origin: 'moderator', by: interaction.user.id, basedOn, defaults: ctx.content.onboarding.tenets });
        await answerSave(interaction, ctx, guildId, result);
      },
    }),
    defineComponent({
      kind: 'button',
      spec: askRecommit,
      scope: 'anywhere',
      access: 'moderators',
      async run(interaction, [version], ctx) {
        if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
        const current = await currentTenets(ctx, interaction.guildId, ctx.content.onboarding.tenets);
        if (current.version !== version) {
          await interaction.update({ content: `The tenets have changed again since (now version ${current.version}), so I haven't asked anyone about version ${version}.`, components: [] });
          return;
        }
        const asked = await requestRecommit(ctx, interaction.guildId, version);
        await interaction.update({
          content: asked === 0 ? 'Everyone is already up to date, so there was nobody to ask.' : `I'll ask ${asked === 1 ? '1 member' : `${asked} members`} to re-commit to what changed, a few at a time over the next minutes. 🌱`,
          components: [],
        });
      },
    }),
    defineComponent({
      kind: 'button',
      spec: skipRecommit,
      scope: 'anywhere',
      access: 'moderators',
      async run(interaction) {
        await interaction.update({ content: "Okay, I won't ask anyone this time. New members will walk the new tenets.", components: [] });
      },
    }),
  ],
});
