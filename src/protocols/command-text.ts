import type { APIApplicationCommandOptionChoice } from 'discord.js';
import { truncate } from './embed-fit.js';
import type { Protocol, ProtocolCatalog } from './protocol-content.js';
import type { Run } from './runs.js';
import { oneLine } from './step-view.js';

/** Discord's limits for autocomplete: 25 choices, names of at most 100 characters. */
const CHOICES_MAX = 25;
const CHOICE_NAME_MAX = 100;

/** The protocols whose title, summary or id contain what the member typed. */
export function protocolChoices(catalog: ProtocolCatalog, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const wanted = typed.trim().toLowerCase();
  return [...catalog.values()]
    .filter((p) => wanted === '' || `${p.title} ${p.summary} ${p.id}`.toLowerCase().includes(wanted))
    .slice(0, CHOICES_MAX)
    .map((p) => ({ name: truncate(`${p.title}: ${p.summary}`, CHOICE_NAME_MAX), value: p.id }));
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
  return `${head}${truncate(oneLine(run.topic), CHOICE_NAME_MAX - head.length - tail.length)}${tail}`;
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
