import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { ServerCommand } from '../../interactions/handlers.js';
import { arg } from '../../interactions/custom-id.js';
import { AUTOCOMPLETE_LIMITS, truncate } from '../../presentation/embed-fit.js';
import type { Protocol, ProtocolCatalog } from '../protocol-content.js';
import { findRun, findRunByThread, type Run } from '../runs.js';
import { refuse } from './explain.js';
import { oneLine } from './step-view.js';

/** Choosing what a subcommand acts on: a protocol to start, a run to export. */

/** The protocols whose title, summary or id contain what the member typed. */
export function protocolChoices(catalog: ProtocolCatalog, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const wanted = typed.trim().toLowerCase();
  return [...catalog.values()]
    .filter((p) => wanted === '' || `${p.title} ${p.summary} ${p.id}`.toLowerCase().includes(wanted))
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map((p) => ({ name: truncate(`${p.title}: ${p.summary}`, AUTOCOMPLETE_LIMITS.choiceName), value: p.id }));
}

const STATE = { running: 'running', paused: 'paused', finished: 'finished', stopped: 'stopped' } as const;

/** "5 Whys: Monday absences (finished 2026-11-24)", to pick a run for the export. */
export function describeRunChoice(run: Run, protocol: Protocol | undefined): string {
  const when = run.state === 'finished' ? run.finishedAt : run.state === 'stopped' ? run.stoppedAt : run.startedAt;
  const tail = ` (${STATE[run.state]} ${when.toISOString().slice(0, 10)})`;
  const head = `${protocol?.title ?? run.protocolId}: `;
  return `${head}${truncate(oneLine(run.topic), AUTOCOMPLETE_LIMITS.choiceName - head.length - tail.length)}${tail}`;
}

/**
 * The run a subcommand names in its `option` (an id autocomplete offered), or else the run of the
 * thread it is used in; only a run of this server.
 */
export async function pickRun(interaction: ServerCommand, ctx: BotContext, option: string): Promise<Run> {
  const typed = interaction.options.getString(option);
  let run: Run | undefined;
  if (typed === null) {
    run = await findRunByThread(ctx.db, interaction.channelId);
  } else {
    const id = arg.id.safeParse(typed);
    run = id.success ? await findRun(ctx.db, id.data) : undefined;
  }
  if (run === undefined || run.guildId !== interaction.guildId) refuse({ kind: 'which-run', option });
  return run;
}
