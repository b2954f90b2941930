import type { Guild } from 'discord.js';
import type { Logger } from '../../logger.js';
import { memberNames } from '../../presentation/member-names.js';
import { formatDueDate } from '../due-date.js';
import type { Run } from '../runs.js';
import type { Contribution } from '../step-data.js';
import type { ReadProtocol } from '../protocol-content.js';
import type { Summary } from '../summary.js';
import { oneLine } from './step-view.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { ProtocolsSay } from './messages.js';

/** `/protocol export`: a run's summary and full record as a Markdown file. */

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The summary as a Markdown document, for `/protocol export`: the summary first, then the full
 * record of every step, in the language of whoever asked for it (`summary` built from the protocol
 * as they read it). `name` turns a user id into the name members know them by.
 */
export function summaryMarkdown(summary: Summary<ReadProtocol>, name: (userId: string) => string, t: ProtocolsSay): string {
  const { run, protocol } = summary;
  const total = protocol.steps.length;
  const at = { step: run.step + 1, total };
  const lines: string[] = [
    `# ${protocol.title}: ${inlineText(run.topic)}`,
    '',
    run.facilitatorId === null ? t('export.facilitator-moderators') : t('export.facilitator', { name: name(run.facilitatorId) }),
    t('export.started', { date: day(run.startedAt) }),
    run.state === 'finished'
      ? run.step < total - 1
        ? t('export.finished-early', { date: day(run.finishedAt), ...at })
        : t('export.finished', { date: day(run.finishedAt) })
      : run.state === 'stopped'
        ? t('export.stopped', { date: day(run.stoppedAt), ...at })
        : t(run.state === 'paused' ? 'export.in-progress-paused' : 'export.in-progress', at),
    summary.participants.length === 0 ? t('export.took-part-nobody') : t('export.took-part', { names: summary.participants.map(name).join(', ') }),
    '',
    t('export.problem'),
    '',
    inlineText(run.topic),
  ];
  for (const group of summary.chosen) {
    lines.push('', `## ${group.heading}`, '');
    lines.push(...(group.items.length === 0 ? [t('export.nothing-chosen')] : group.items.map((c) => `- ${oneLine(c.text)}`)));
  }
  if (protocol.steps.some((s) => s.collects.kind === 'actions')) {
    lines.push('', t('export.actions'), '');
    lines.push(
      ...(summary.actions.length === 0
        ? [t('export.no-actions')]
        : summary.actions.map((a) => {
            const values = { text: oneLine(a.text), owner: name(a.ownerId) };
            return a.dueDate === null ? t('export.action-no-date', values) : t('export.action', { ...values, date: formatDueDate(a.dueDate, t.language) });
          })),
    );
  }
  lines.push('', t('export.step-by-step'));
  for (const step of summary.steps) {
    lines.push('', `### ${step.number}. ${step.title}`, '');
    // A cause keeps its bone, named in the reader's words.
    const said = (c: Contribution) => ({ text: `${c.category === null ? '' : `**${inlineText(protocol.categoryName(c.category))}:** `}${oneLine(c.text)}`, author: name(c.authorId) });
    const chosenIds = new Set(step.chosen.map((c) => c.id));
    const entries =
      step.kind === 'actions'
        ? step.actions.map((a) => t('export.step-action', { text: oneLine(a.text), owner: name(a.ownerId), adder: name(a.addedBy) }))
        : step.kind === 'choices'
          ? [
              // What was chosen here, wherever it was first said; then own words left unchosen.
              ...step.chosen.map((c) => (c.step + 1 === step.number ? t('export.entry', said(c)) : t('export.entry-from-step', { ...said(c), step: c.step + 1 }))),
              ...step.contributions.filter((c) => !chosenIds.has(c.id)).map((c) => t('export.entry-not-chosen', said(c))),
            ]
          : step.contributions.map((c) => t('export.entry', said(c)));
    // A step the group never got to is not one where nobody spoke.
    lines.push(...(entries.length > 0 ? entries : [t(step.number > run.step + 1 ? 'export.not-reached' : 'export.nothing-added')]));
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
export async function namesForExport(guild: Guild | null, userIds: readonly string[], logger: Logger, t: ProtocolsSay): Promise<(userId: string) => string> {
  return exportNamer(await memberNames(guild, userIds, logger), t);
}

/** Names looked up already (the dashboard's way), named as the export names them. */
export function exportNamer(names: ReadonlyMap<string, string>, t: ProtocolsSay): (userId: string) => string {
  return (id) => inlineText(names.get(id) ?? t('export.former-member'));
}
