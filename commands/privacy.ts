import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { exportMyData, forgetMe } from '../src/privacy/discord/privacy-command.js';
import { privacyRoutes } from '../src/privacy/discord/privacy-routes.js';

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('See or delete what Roots Bot keeps about you in this server')
    .addSubcommand((sub) => sub.setName('export').setDescription('Get a copy of everything I keep about you here, as a file'))
    .addSubcommand((sub) => sub.setName('forget').setDescription('Delete everything I keep about you here')),
  localizations: {
    es: {
      description: 'Mira o borra lo que Roots Bot guarda sobre ti en este servidor',
      'export.description': 'Recibe una copia de todo lo que guardo sobre ti aquí, en un archivo',
      'forget.description': 'Borra todo lo que guardo sobre ti aquí',
    },
  },
  subcommands: { export: exportMyData, forget: forgetMe },
  components: privacyRoutes,
});
