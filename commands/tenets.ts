import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { tenetsLocalizations } from '../src/onboarding/discord/command-localizations.js';
import { editTenets, resetTenets, showTenets } from '../src/onboarding/discord/tenets-command.js';
import { tenetsRoutes } from '../src/onboarding/discord/tenets-routes.js';

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('tenets')
    .setDescription('The tenets this community lives by')
    .addSubcommand((sub) => sub.setName('show').setDescription('See the tenets and what we value'))
    .addSubcommand((sub) => sub.setName('edit').setDescription('Change the tenets for this server (moderators)'))
    .addSubcommand((sub) => sub.setName('reset').setDescription('Go back to the Roots tenets (moderators)')),
  localizations: tenetsLocalizations,
  subcommands: {
    show: { access: 'everyone', scope: 'server', run: showTenets },
    edit: { access: 'moderators', scope: 'server', run: editTenets },
    reset: { access: 'moderators', scope: 'server', run: resetTenets },
  },
  components: tenetsRoutes,
});
