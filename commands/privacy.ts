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
  subcommands: { export: exportMyData, forget: forgetMe },
  components: privacyRoutes,
});
