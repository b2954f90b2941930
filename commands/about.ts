import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { aboutCard } from '../src/about/about-card.js';
import { defineCommand } from '../src/interactions/handlers.js';

export default defineCommand({
  data: new SlashCommandBuilder().setName('about').setDescription('What Roots Bot is, what it does here, and our mission'),
  access: 'everyone',
  scope: 'anywhere',
  async run(interaction, ctx) {
    await interaction.reply({ embeds: [aboutCard(ctx)], flags: MessageFlags.Ephemeral });
  },
});
