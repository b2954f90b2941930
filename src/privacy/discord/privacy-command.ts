import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import type { CommandAction } from '../../interactions/handlers.js';
import { readerOf } from '../../interactions/reader.js';
import { exportMemberData } from '../member-data.js';
import { privacyIds } from './custom-ids.js';
import { privacyMessages } from './messages.js';

/** `/privacy export`: everything the bot keeps about the member in this server, as one file. */
export const exportMyData: CommandAction = {
  access: 'everyone',
  scope: 'server',
  async run(interaction, ctx) {
    const t = privacyMessages.for(await readerOf(interaction, ctx));
    const exported = await exportMemberData(ctx.db, ctx.privacy, interaction.guildId, interaction.user.id, ctx.clock.now());
    const file = new AttachmentBuilder(Buffer.from(JSON.stringify(exported, null, 2)), { name: 'my-roots-data.json' });
    const summary = Object.keys(exported.data).length === 0 ? t('export.nothing') : t('export.everything');
    await interaction.reply({ content: summary, files: [file], flags: MessageFlags.Ephemeral });
  },
};

/** `/privacy forget`: asks first, because it cannot be undone. */
export const forgetMe: CommandAction = {
  access: 'everyone',
  scope: 'server',
  async run(interaction, ctx) {
    const t = privacyMessages.for(await readerOf(interaction, ctx));
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(privacyIds.forget.encode(interaction.user.id)).setLabel(t('forget.yes')).setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setCustomId(privacyIds.keep.encode()).setLabel(t('forget.no')).setStyle(ButtonStyle.Secondary),
    );
    await interaction.reply({
      content: t('forget.ask'),
      components: [buttons],
      flags: MessageFlags.Ephemeral,
    });
  },
};
