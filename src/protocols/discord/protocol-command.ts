import { AttachmentBuilder, MessageFlags, type AutocompleteInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { ServerCommand } from '../../interactions/handlers.js';
import { AUTOCOMPLETE_LIMITS } from '../../presentation/embed-fit.js';
import { findProtocol } from '../protocol-content.js';
import { protocolOf } from '../run-guards.js';
import { openRuns, recentRuns } from '../runs.js';
import { buildSummary, peopleIn } from '../summary.js';
import { orExplain, refuse } from './explain.js';
import { namesForExport, runFileName, summaryMarkdown } from './export-view.js';
import { describeRunChoice, pickRun, protocolChoices } from './run-picker.js';
import { startProtocolHere } from './start-run.js';
import { runListEmbed } from './summary-view.js';
import { inlineText } from '../../presentation/inline-text.js';

/** The handlers of `/protocol`, one per subcommand, and its suggestions. */

export async function startProtocol(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const protocol = findProtocol(ctx.content.protocols, interaction.options.getString('protocol', true)) ?? refuse({ kind: 'unknown-protocol' });
  await startProtocolHere(interaction, ctx, protocol, interaction.options.getString('topic', true));
}

export async function listProtocols(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const runs = await openRuns(ctx.db, interaction.guildId);
  if (runs.length === 0) {
    await interaction.reply({ content: 'No protocols are running in this server right now. Start one with `/protocol start`.', flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.reply({ embeds: [runListEmbed(runs, ctx.content.protocols)], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

export async function exportProtocol(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const run = await pickRun(interaction, ctx, 'which');
  const protocol = orExplain(protocolOf(ctx.content.protocols, run));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const summary = await buildSummary(ctx.db, run, protocol);
  const name = await namesForExport(interaction.guild, peopleIn(summary), ctx.logger);
  const file = new AttachmentBuilder(Buffer.from(summaryMarkdown(summary, name), 'utf8'), { name: runFileName(run) });
  await interaction.editReply({ content: `Here is **${protocol.title}** on “${inlineText(run.topic)}”, summary first, then every step.`, files: [file] });
}

/** Suggests protocols to start, and this server's runs (newest first) to pick. */
export async function suggestProtocols(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'protocol') {
    await interaction.respond(protocolChoices(ctx.content.protocols, focused.value));
    return;
  }
  // Runs belong to a server; in a DM there is nothing to suggest.
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
}
