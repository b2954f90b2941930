import type { APIApplicationCommandOptionChoice, Guild } from 'discord.js';
import type { Logger } from '../logger.js';
import { AUTOCOMPLETE_LIMITS, truncate } from '../presentation/embed-fit.js';
import { memberNames } from '../presentation/member-names.js';
import type { Protocol, ProtocolCatalog } from './protocol-content.js';
import type { Run } from './runs.js';
import { oneLine } from './step-view.js';

/** The protocols whose title, summary or id contain what the member typed. */
export function protocolChoices(catalog: ProtocolCatalog, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const wanted = typed.trim().toLowerCase();
  return [...catalog.values()]
    .filter((p) => wanted === '' || `${p.title} ${p.summary} ${p.id}`.toLowerCase().includes(wanted))
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map((p) => ({ name: truncate(`${p.title}: ${p.summary}`, AUTOCOMPLETE_LIMITS.choiceName), value: p.id }));
}

/** A protocol by its id (what autocomplete sends) or, if typed by hand, by its title. */
export function findProtocol(catalog: ProtocolCatalog, typed: string): Protocol | undefined {
  const wanted = typed.trim().toLowerCase();
  return catalog.get(wanted) ?? [...catalog.values()].find((p) => p.title.toLowerCase() === wanted);
}

const STATE = { running: 'running', paused: 'paused', finished: 'finished' } as const;

/** "5 Whys: Monday absences (finished 2026-11-24)", to pick a run for the export. */
export function describeRunChoice(run: Run, protocol: Protocol | undefined): string {
  const when = run.state === 'finished' ? run.finishedAt : run.startedAt;
  const tail = ` (${STATE[run.state]} ${when.slice(0, 10)})`;
  const head = `${protocol?.title ?? run.protocolId}: `;
  return `${head}${truncate(oneLine(run.topic), AUTOCOMPLETE_LIMITS.choiceName - head.length - tail.length)}${tail}`;
}

/** `five-whys-monday-absences.md`: readable, safe on every system. */
export function runFileName(run: Run): string {
  const slug = run.topic
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return `${run.protocolId}-${slug === '' ? `run-${run.id}` : slug}.md`;
}

/** The names members know each other by, for the export; someone who left is still named kindly. */
export async function namesForExport(guild: Guild | null, userIds: readonly string[], logger: Logger): Promise<(userId: string) => string> {
  const names = await memberNames(guild, userIds, logger);
  return (id) => names.get(id) ?? guild?.client.users.cache.get(id)?.displayName ?? 'a former member';
}
