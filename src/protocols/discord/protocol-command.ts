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
import { memberAudience } from './audience.js';
import { orExplain, refuse } from './explain.js';
import { namesForExport, runFileName, summaryMarkdown } from './export-view.js';
import { describeRunChoice, pickRun, protocolChoices } from './run-picker.js';
import { startProtocolHere } from './start-run.js';
import { runListEmbed } from './summary-view.js';
import { inlineText } from '../../presentation/inline-text.js';
import { evenInArchivedThread } from '../../interactions/archived-thread.js';

/** The handlers of `/protocol`, one per subcommand, and its suggestions. */

export async function startProtocol(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { t } = await memberAudience(interaction, ctx);
  const protocol = findProtocol(ctx.content.protocols, interaction.options.getString('protocol', true)) ?? refuse({ kind: 'unknown-protocol' }, t);
  await startProtocolHere(interaction, ctx, protocol, interaction.options.getString('topic', true));
}

export async function listProtocols(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { t, read } = await memberAudience(interaction, ctx);
  const runs = await openRuns(ctx.db, interaction.guildId);
  if (runs.length === 0) {
    await interaction.reply({ content: t('list.none'), flags: MessageFlags.Ephemeral });
    return;
  }
  const protocolOf = (id: string) => {
    const protocol = ctx.content.protocols.get(id);
    return protocol && read(protocol);
  };
  await interaction.reply({ embeds: [runListEmbed(runs, protocolOf, t)], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

/** The export is the asker's alone, so it is written in their language, file included. */
export async function exportProtocol(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { t, read } = await memberAudience(interaction, ctx);
  const run = await pickRun(interaction, ctx, 'which', t);
  const protocol = read(orExplain(protocolOf(ctx.content.protocols, run), t));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const summary = await buildSummary(ctx.db, run, protocol);
  const name = await namesForExport(interaction.guild, peopleIn(summary), ctx.logger, t);
  const file = new AttachmentBuilder(Buffer.from(summaryMarkdown(summary, name, t), 'utf8'), { name: runFileName(run) });
  // Run in the run's thread, which the finish may archive between the deferral and this answer.
  await evenInArchivedThread(interaction, () => interaction.editReply({ content: t('export.reply', { protocol: protocol.title, topic: inlineText(run.topic) }), files: [file] }));
}

/** Asks first: stopping ends the run for good (what was said stays). */
export async function stopProtocol(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { t, read } = await memberAudience(interaction, ctx);
  const picked = await pickRun(interaction, ctx, 'which', t);
  const run = orExplain(await stoppableRun(ctx.db, picked.id, actorOf(interaction)), t);
  const protocol = ctx.content.protocols.get(run.protocolId);
  await interaction.reply({
    content: t('stop.confirm', { protocol: protocol ? read(protocol).title : run.protocolId, topic: inlineText(run.topic) }),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, custom_id: stopButton.encode(run.id), label: t('stop.yes'), style: ButtonStyle.Danger },
          { type: ComponentType.Button, custom_id: stopKeepGoingButton.encode(run.id), label: t('prompt.keep-going'), style: ButtonStyle.Secondary },
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
  const member = await memberAudience(interaction, ctx);
  if (focused.name === 'protocol') {
    await interaction.respond(protocolChoices(ctx.content.protocols, focused.value, member));
    return;
  }
  const typed = focused.value.toLowerCase();
  const recent = await recentRuns(ctx.db, interaction.guildId, 100);
  // Only a run still going can be stopped; any run can be exported.
  const runs = interaction.options.getSubcommand(false) === 'stop' ? recent.filter(isOpen) : recent;
  const choices = runs
    .map((run) => {
      const protocol = ctx.content.protocols.get(run.protocolId);
      return { name: describeRunChoice(run, protocol && member.read(protocol), member.t), value: String(run.id) };
    })
    .filter((choice) => choice.name.toLowerCase().includes(typed))
    .slice(0, AUTOCOMPLETE_LIMITS.choices);
  await interaction.respond(choices);
}
