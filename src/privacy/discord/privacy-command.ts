import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import type { CommandAction } from '../../interactions/handlers.js';
import { exportMemberData } from '../member-data.js';
import { privacyIds } from './custom-ids.js';

/** `/privacy export`: everything the bot keeps about the member in this server, as one file. */
export const exportMyData: CommandAction = {
  access: 'everyone',
  scope: 'server',
  async run(interaction, ctx) {
    const exported = await exportMemberData(ctx.db, ctx.privacy, interaction.guildId, interaction.user.id, ctx.clock.now());
    const file = new AttachmentBuilder(Buffer.from(JSON.stringify(exported, null, 2)), { name: 'my-roots-data.json' });
    const summary = Object.keys(exported.data).length === 0 ? 'I keep nothing about you in this server.' : 'Here is everything I keep about you in this server.';
    await interaction.reply({ content: summary, files: [file], flags: MessageFlags.Ephemeral });
  },
};

/** `/privacy forget`: asks first, because it cannot be undone. */
export const forgetMe: CommandAction = {
  access: 'everyone',
  scope: 'server',
  async run(interaction) {
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(privacyIds.forget.encode(interaction.user.id)).setLabel('Yes, forget me').setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setCustomId(privacyIds.keep.encode()).setLabel('Keep my data').setStyle(ButtonStyle.Secondary),
    );
    await interaction.reply({
      content:
        'This deletes what I keep about you in this server: your onboarding walk, commitments and introduction, your course progress and reflections, your podcast-club listens, and your protocol contributions and actions. Posts already in channels stay. It cannot be undone. Go ahead?',
      components: [buttons],
      flags: MessageFlags.Ephemeral,
    });
  },
};
