import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { aboutCard } from '../src/about/about-card.js';
import { aboutMessages } from '../src/about/messages.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { readerOf } from '../src/interactions/reader.js';

export default defineCommand({
  data: new SlashCommandBuilder().setName('about').setDescription('What Roots Bot is, what it does here, and our mission'),
  localizations: {
    es: { description: 'Qué es Roots Bot, qué hace aquí y nuestra misión' },
    'pt-BR': { description: 'O que é o Roots Bot, o que ele faz aqui e a nossa missão' },
  },
  access: 'everyone',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const t = aboutMessages.for(await readerOf(interaction, ctx));
    await interaction.reply({ embeds: [aboutCard(ctx, t)], flags: MessageFlags.Ephemeral });
  },
});
