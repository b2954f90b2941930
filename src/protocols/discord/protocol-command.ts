import { AttachmentBuilder, ButtonStyle, ComponentType, MessageFlags, type AutocompleteInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { InServer, ServerCommand } from '../../interactions/handlers.js';
import { AUTOCOMPLETE_LIMITS } from '../../presentation/embed-fit.js';
import { findProtocol } from '../protocol-content.js';
import { stoppableRun } from '../facilitation.js';
import { protocolOf } from '../run-guards.js';
import { actorOf } from './acting.js';
import { stopButton, stopKeepGoingButton } from './custom-ids.js';
import { isOpen, openRuns, recentRuns } from '../runs.js';
import { buildSummary, peopleIn } from '../summary.js';
import { orExplain, refuse } from './explain.js';
import { namesForExport, runFileName, summaryMarkdown } from './export-view.js';
import { describeRunChoice, pickRun, protocolChoices } from './run-picker.js';
import { startProtocolHere } from './start-run.js';
import { runListEmbed } from './summary-view.js';
import { inlineText } from '../../presentation/inline-text.js';
import { evenInArchivedThread } from '../../interactions/archived-thread.js';

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
  // Run in the run's thread, which the finish may archive between the deferral and this answer.
  await evenInArchivedThread(interaction, () =>
    interaction.editReply({ content: `Here is **${protocol.title}** on “${inlineText(run.topic)}”, summary first, then every step.`, files: [file] }),
  );
}

/** Asks first: stopping ends the run for good (what was said stays). */
export async function stopProtocol(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const picked = await pickRun(interaction, ctx, 'which');
  const run = orExplain(await stoppableRun(ctx.db, picked.id, actorOf(interaction)));
  const protocol = ctx.content.protocols.get(run.protocolId);
  await interaction.reply({
    content: `Stop **${protocol?.title ?? run.protocolId}** on “${inlineText(run.topic)}”? Everything the group said stays in the thread and in \`/protocol export\`; there will be no summary, and the thread will be archived.`,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, custom_id: stopButton.encode(run.id), label: 'Yes, stop', style: ButtonStyle.Danger },
          { type: ComponentType.Button, custom_id: stopKeepGoingButton.encode(run.id), label: 'Keep going', style: ButtonStyle.Secondary },
        ],
      },
    ],
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

/** Suggests protocols to start, and this server's runs (newest first) to pick. */
export async function suggestProtocols(interaction: AutocompleteInteraction<InServer>, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'protocol') {
    await interaction.respond(protocolChoices(ctx.content.protocols, focused.value));
    return;
  }
  const typed = focused.value.toLowerCase();
  const recent = await recentRuns(ctx.db, interaction.guildId, 100);
  // Only a run still going can be stopped; any run can be exported.
  const runs = interaction.options.getSubcommand(false) === 'stop' ? recent.filter(isOpen) : recent;
  const choices = runs
    .map((run) => ({ name: describeRunChoice(run, ctx.content.protocols.get(run.protocolId)), value: String(run.id) }))
    .filter((choice) => choice.name.toLowerCase().includes(typed))
    .slice(0, AUTOCOMPLETE_LIMITS.choices);
  await interaction.respond(choices);
}
