import { AttachmentBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { UserFacingError } from '../src/interactions/errors.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { AUTOCOMPLETE_LIMITS } from '../src/presentation/embed-fit.js';
import { TOPIC_MAX_LENGTH, TOPIC_MIN_LENGTH } from '../src/protocols/facilitation.js';
import { describeRunChoice, findProtocol, namesForExport, protocolChoices, runFileName } from '../src/protocols/command-text.js';
import { findRun, findRunByThread, openRuns, recentRuns, type Run } from '../src/protocols/runs.js';
import { IN_A_SERVER, startProtocolHere } from '../src/protocols/start-run.js';
import { runListEmbed } from '../src/protocols/summary-view.js';
import { buildSummary, peopleIn, summaryMarkdown } from '../src/protocols/summary.js';

const UNKNOWN_PROTOCOL = "I don't know that protocol. Type `/protocol start` and pick one from the list as you type.";
const WHICH_RUN = 'Which protocol? Run this inside its thread, or pick one in the `which` option as you type.';
const RunChoice = z.string().regex(/^\d{1,12}$/).transform(Number);

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
    ),
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'protocol') {
      await interaction.respond(protocolChoices(ctx.content.protocols, focused.value));
      return;
    }
    if (!interaction.inGuild()) {
      await interaction.respond([]);
      return;
    }
    const typed = focused.value.toLowerCase();
    const runs = await recentRuns(ctx.db, interaction.guildId, 100);
    const choices = runs
      .map((run) => ({ name: describeRunChoice(run, ctx.content.protocols.get(run.protocolId)), value: String(run.id) }))
      .filter((choice) => choice.name.toLowerCase().includes(typed))
      .slice(0, AUTOCOMPLETE_LIMITS.choices);
    await interaction.respond(choices);
  },
  subcommands: {
    start: {
      access: 'everyone',
      scope: 'anywhere',
      async run(interaction, ctx) {
        const protocol = findProtocol(ctx.content.protocols, interaction.options.getString('protocol', true));
        if (protocol === undefined) throw new UserFacingError(UNKNOWN_PROTOCOL);
        await startProtocolHere(interaction, ctx, protocol, interaction.options.getString('topic', true));
      },
    },
    list: {
      access: 'everyone',
      scope: 'anywhere',
      async run(interaction, ctx) {
        if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
        const runs = await openRuns(ctx.db, interaction.guildId);
        if (runs.length === 0) {
          await interaction.reply({ content: 'No protocols are running in this server right now. Start one with `/protocol start`.', flags: MessageFlags.Ephemeral });
          return;
        }
        await interaction.reply({ embeds: [runListEmbed(runs, ctx.content.protocols)], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      },
    },
    export: {
      access: 'everyone',
      scope: 'anywhere',
      async run(interaction, ctx) {
        if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
        const which = interaction.options.getString('which');
        let run: Run | undefined;
        if (which === null) {
          run = await findRunByThread(ctx.db, interaction.channelId);
        } else {
          const id = RunChoice.safeParse(which);
          run = id.success ? await findRun(ctx.db, id.data) : undefined;
        }
        if (run === undefined || run.guildId !== interaction.guildId) throw new UserFacingError(WHICH_RUN);
        const protocol = ctx.content.protocols.get(run.protocolId);
        if (protocol === undefined) throw new UserFacingError(UNKNOWN_PROTOCOL);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const summary = await buildSummary(ctx.db, run, protocol);
        const name = await namesForExport(interaction.guild, peopleIn(summary), ctx.logger);
        const file = new AttachmentBuilder(Buffer.from(summaryMarkdown(summary, name), 'utf8'), { name: runFileName(run) });
        await interaction.editReply({ content: `Here is **${protocol.title}** on “${run.topic}”, summary first, then every step.`, files: [file] });
      },
    },
  },
});
