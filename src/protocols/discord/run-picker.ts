import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { ServerCommand } from '../../interactions/handlers.js';
import { arg } from '../../interactions/custom-id.js';
import { AUTOCOMPLETE_LIMITS, truncate } from '../../presentation/embed-fit.js';
import type { ProtocolCatalog, ReadProtocol } from '../protocol-content.js';
import { findRun, findRunByThread, type Run } from '../runs.js';
import type { Audience } from './audience.js';
import { refuse } from './explain.js';
import type { ProtocolsSay } from './messages.js';
import { oneLine } from './step-view.js';

/** Choosing what a subcommand acts on: a protocol to start, a run to export. */

/**
 * The protocols whose title, summary or id contain what the member typed, in their words (and in
 * English, which the protocols are written in, so either finds one).
 */
export function protocolChoices(catalog: ProtocolCatalog, typed: string, member: Pick<Audience, 'read'>): APIApplicationCommandOptionChoice<string>[] {
  const wanted = typed.trim().toLowerCase();
  return [...catalog.values()]
    .map((p) => ({ p, read: member.read(p) }))
    .filter(({ p, read }) => wanted === '' || `${read.title} ${read.summary} ${p.title} ${p.summary} ${p.id}`.toLowerCase().includes(wanted))
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map(({ p, read }) => ({ name: truncate(`${read.title}: ${read.summary}`, AUTOCOMPLETE_LIMITS.choiceName), value: p.id }));
}

/** "5 Whys: Monday absences (finished 2026-11-24)", to pick a run for the export. */
export function describeRunChoice(run: Run, protocol: ReadProtocol | undefined, t: ProtocolsSay): string {
  const when = run.state === 'finished' ? run.finishedAt : run.state === 'stopped' ? run.stoppedAt : run.startedAt;
  const values = { protocol: protocol?.title ?? run.protocolId, state: run.state, date: when.toISOString().slice(0, 10) };
  // The topic gets whatever room the rest of the choice leaves it.
  const room = AUTOCOMPLETE_LIMITS.choiceName - t('choice.run', { ...values, topic: '' }).length;
  return truncate(t('choice.run', { ...values, topic: truncate(oneLine(run.topic), room) }), AUTOCOMPLETE_LIMITS.choiceName);
}

/**
 * The run a subcommand names in its `option` (an id autocomplete offered), or else the run of the
 * thread it is used in; only a run of this server.
 */
export async function pickRun(interaction: ServerCommand, ctx: BotContext, option: string, t: ProtocolsSay): Promise<Run> {
  const typed = interaction.options.getString(option);
  let run: Run | undefined;
  if (typed === null) {
    run = await findRunByThread(ctx.db, interaction.channelId);
  } else {
    const id = arg.id.safeParse(typed);
    run = id.success ? await findRun(ctx.db, id.data) : undefined;
  }
  if (run === undefined || run.guildId !== interaction.guildId) refuse({ kind: 'which-run', option }, t);
  return run;
}
