import type { Guild } from 'discord.js';
import type { Logger } from '../../logger.js';
import { memberNames } from '../../presentation/member-names.js';
import { formatDueDate } from '../due-date.js';
import type { Run } from '../runs.js';
import type { Contribution } from '../step-data.js';
import type { Summary } from '../summary.js';
import { oneLine } from './step-view.js';
import { inlineText } from '../../presentation/inline-text.js';

/** `/protocol export`: a run's summary and full record as a Markdown file. */

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The summary as a Markdown document, for `/protocol export`: the summary first, then the full
 * record of every step. `name` turns a user id into the name members know them by.
 */
export function summaryMarkdown(summary: Summary, name: (userId: string) => string): string {
  const { run, protocol } = summary;
  const lines: string[] = [
    `# ${protocol.title}: ${inlineText(run.topic)}`,
    '',
    `- Facilitator: ${run.facilitatorId === null ? 'a moderator' : name(run.facilitatorId)}`,
    `- Started: ${day(run.startedAt)}`,
    run.state === 'finished'
      ? `- Finished: ${day(run.finishedAt)}${run.step < protocol.steps.length - 1 ? ` (early, at step ${run.step + 1} of ${protocol.steps.length})` : ''}`
      : run.state === 'stopped'
        ? `- Stopped: ${day(run.stoppedAt)}, at step ${run.step + 1} of ${protocol.steps.length}`
        : `- Still in progress: step ${run.step + 1} of ${protocol.steps.length}${run.state === 'paused' ? ' (paused)' : ''}`,
    `- Took part: ${summary.participants.length === 0 ? 'nobody yet' : summary.participants.map(name).join(', ')}`,
    '',
    '## The problem',
    '',
    inlineText(run.topic),
  ];
  for (const group of summary.chosen) {
    lines.push('', `## ${group.heading}`, '');
    lines.push(...(group.items.length === 0 ? ['Nothing was chosen.'] : group.items.map((c) => `- ${oneLine(c.text)}`)));
  }
  if (protocol.steps.some((s) => s.collects.kind === 'actions')) {
    lines.push('', '## Actions', '');
    lines.push(
      ...(summary.actions.length === 0
        ? ['No actions were agreed.']
        : summary.actions.map((a) => `- ${oneLine(a.text)} (owner: ${name(a.ownerId)}; ${a.dueDate === null ? 'no date set' : `due ${formatDueDate(a.dueDate)}`})`)),
    );
  }
  lines.push('', '## Step by step');
  for (const step of summary.steps) {
    lines.push('', `### ${step.number}. ${step.title}`, '');
    const contribution = (c: Contribution, note = '') => `- ${c.category === null ? '' : `**${inlineText(c.category)}:** `}${oneLine(c.text)} (${name(c.authorId)}${note})`;
    const chosenIds = new Set(step.chosen.map((c) => c.id));
    const entries =
      step.kind === 'actions'
        ? step.actions.map((a) => `- ${oneLine(a.text)} (owner: ${name(a.ownerId)}, added by ${name(a.addedBy)})`)
        : step.kind === 'choices'
          ? [
              // What was chosen here, wherever it was first said; then own words left unchosen.
              ...step.chosen.map((c) => contribution(c, c.step + 1 === step.number ? '' : `, from step ${c.step + 1}`)),
              ...step.contributions.filter((c) => !chosenIds.has(c.id)).map((c) => contribution(c, ', not chosen')),
            ]
          : step.contributions.map((c) => contribution(c));
    // A step the group never got to is not one where nobody spoke.
    lines.push(...(entries.length > 0 ? entries : [step.number > run.step + 1 ? 'Not reached.' : 'Nothing was added.']));
  }
  return `${lines.join('\n')}\n`;
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

/**
 * The names members know each other by, for the export, shown as typed; someone who left is still
 * named kindly. (Users are not cached — src/client-cache.ts — so there is no older name to fall back on.)
 */
export async function namesForExport(guild: Guild | null, userIds: readonly string[], logger: Logger): Promise<(userId: string) => string> {
  return exportNamer(await memberNames(guild, userIds, logger));
}

/** Names looked up already (the dashboard's way), named as the export names them. */
export function exportNamer(names: ReadonlyMap<string, string>): (userId: string) => string {
  return (id) => inlineText(names.get(id) ?? 'a former member');
}
