import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { TOPIC_MAX_LENGTH, TOPIC_MIN_LENGTH } from '../src/protocols/facilitation.js';
import { exportProtocol, listProtocols, startProtocol, stopProtocol, suggestProtocols } from '../src/protocols/discord/protocol-command.js';
import { protocolCommandLocalizations } from '../src/protocols/discord/command-localizations.js';

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('protocol')
    .setDescription('Run a root-cause protocol with your team, step by step, in a thread')
    .addSubcommand((sub) =>
      sub
        .setName('start')
        .setDescription('Open a thread here and walk your team through a protocol')
        .addStringOption((option) => option.setName('protocol').setDescription('Which protocol to run').setRequired(true).setAutocomplete(true))
        .addStringOption((option) =>
          option
            .setName('topic')
            .setDescription('The problem your team will work on; it names the thread')
            .setRequired(true)
            .setMinLength(TOPIC_MIN_LENGTH)
            .setMaxLength(TOPIC_MAX_LENGTH),
        ),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription('See the protocols running in this server, with links to their threads'))
    .addSubcommand((sub) =>
      sub
        .setName('export')
        .setDescription("Get a protocol's summary and full record as a Markdown file")
        .addStringOption((option) => option.setName('which').setDescription('Which protocol (leave empty inside its thread)').setAutocomplete(true)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('stop')
        .setDescription('Stop a protocol without a summary; everything said is kept')
        .addStringOption((option) => option.setName('which').setDescription('Which protocol (leave empty inside its thread)').setAutocomplete(true)),
    ),
  localizations: protocolCommandLocalizations,
  autocomplete: { scope: 'server', run: suggestProtocols },
  subcommands: {
    start: { access: 'everyone', scope: 'server', run: startProtocol },
    list: { access: 'everyone', scope: 'server', run: listProtocols },
    export: { access: 'everyone', scope: 'server', run: exportProtocol },
    // The run's facilitator may stop it too, so the service checks who, not the router.
    stop: { access: 'everyone', scope: 'server', run: stopProtocol },
  },
});
