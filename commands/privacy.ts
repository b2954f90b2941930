import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { customId } from '../src/interactions/custom-id.js';
import { UserFacingError } from '../src/interactions/errors.js';
import { defineCommand, defineComponent } from '../src/interactions/handlers.js';
import { exportMemberData, forgetMember } from '../src/privacy/member-data.js';

const confirmForget = customId('privacy', 'forget', 1, [z.string().regex(/^\d+$/)]);
const keepData = customId('privacy', 'keep', 1, []);

const IN_A_SERVER = 'Please use this in the server whose data you mean: each community keeps its own.';

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('See or delete what Roots Bot keeps about you in this server')
    .addSubcommand((sub) => sub.setName('export').setDescription('Get a copy of everything I keep about you here, as a file'))
    .addSubcommand((sub) => sub.setName('forget').setDescription('Delete everything I keep about you here')),
  subcommands: {
    export: {
      access: 'everyone',
      scope: 'anywhere',
      async run(interaction, ctx) {
        if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
        const exported = await exportMemberData(ctx.db, ctx.privacy, interaction.guildId, interaction.user.id, ctx.clock.now());
        const file = new AttachmentBuilder(Buffer.from(JSON.stringify(exported, null, 2)), { name: 'my-roots-data.json' });
        const summary = Object.keys(exported.data).length === 0 ? "I don't keep anything about you here yet." : 'Here is everything I keep about you in this server.';
        await interaction.reply({ content: summary, files: [file], flags: MessageFlags.Ephemeral });
      },
    },
    forget: {
      access: 'everyone',
      scope: 'anywhere',
      async run(interaction) {
        if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
        const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(confirmForget.encode(interaction.user.id)).setLabel('Yes, forget me').setStyle(ButtonStyle.Danger),
          new ButtonBuilder().setCustomId(keepData.encode()).setLabel('Keep my data').setStyle(ButtonStyle.Secondary),
        );
        await interaction.reply({
          content:
            'This deletes what I keep about you in this server: your onboarding walk, commitments and introduction, your course progress and reflections, your podcast-club listens, and your protocol contributions and actions. Posts already in channels stay. It cannot be undone. Go ahead?',
          components: [buttons],
          flags: MessageFlags.Ephemeral,
        });
      },
    },
  },
  components: [
    defineComponent({
      kind: 'button',
      spec: confirmForget,
      scope: 'anywhere',
      async run(interaction, [userId], ctx) {
        if (interaction.user.id !== userId || !interaction.inGuild()) throw new UserFacingError('This button belongs to someone else.');
        const removed = await forgetMember(ctx.db, ctx.privacy, interaction.guildId, userId);
        const total = Object.values(removed).reduce((sum, n) => sum + n, 0);
        await interaction.update({
          content: total === 0 ? 'Done. I had nothing stored about you here.' : `Done. I deleted ${total} record${total === 1 ? '' : 's'} about you in this server.`,
          components: [],
        });
      },
    }),
    defineComponent({
      kind: 'button',
      spec: keepData,
      scope: 'anywhere',
      async run(interaction) {
        await interaction.update({ content: 'Nothing changed; your data stays as it was.', components: [] });
      },
    }),
  ],
});
