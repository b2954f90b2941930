import type { Db } from '../db/connection.js';
import { formatDueDate } from './due-date.js';
import type { CollectKind, Protocol } from './protocol-content.js';
import type { Run } from './runs.js';
import { actionsOf, chosenAt, contributionsAt, type Action, type Contribution } from './step-data.js';
import { oneLine } from './step-view.js';

/** What a run came to: the problem, what the group chose, and who does what by when. */
export interface Summary {
  readonly run: Run;
  readonly protocol: Protocol;
  /** One group per `choices` step, under the step's heading ("Root causes we chose"). */
  readonly chosen: readonly { readonly heading: string; readonly items: readonly Contribution[] }[];
  readonly actions: readonly Action[];
  /** Every step, with everything added there: the full record for the export. */
  readonly steps: readonly {
    readonly number: number;
    readonly title: string;
    readonly kind: CollectKind;
    readonly contributions: readonly Contribution[];
    readonly actions: readonly Action[];
  }[];
  /** Everyone who added something, in order of first contribution. */
  readonly participants: readonly string[];
}

export async function buildSummary(db: Db, run: Run, protocol: Protocol): Promise<Summary> {
  const indices = protocol.steps.map((_, index) => index);
  const choiceSteps = protocol.steps.flatMap((step, index) => (step.collects.kind === 'choices' ? [{ index, heading: step.collects.heading }] : []));
  const [contributions, actions, chosen] = await Promise.all([
    contributionsAt(db, run.id, indices),
    actionsOf(db, run.id),
    Promise.all(choiceSteps.map(async ({ index, heading }) => ({ heading, items: await chosenAt(db, run.id, index) }))),
  ]);
  const participants = [...new Set([...contributions.map((c) => c.authorId), ...actions.map((a) => a.addedBy)])];
  return {
    run,
    protocol,
    chosen,
    actions,
    steps: protocol.steps.map((step, index) => ({
      number: index + 1,
      title: step.title,
      kind: step.collects.kind,
      contributions: contributions.filter((c) => c.step === index),
      actions: step.collects.kind === 'actions' ? actions : [],
    })),
    participants,
  };
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * The summary as a Markdown document, for `/protocol export`: the summary first, then the full
 * record of every step. `name` turns a user id into the name members know them by.
 */
export function summaryMarkdown(summary: Summary, name: (userId: string) => string): string {
  const { run, protocol } = summary;
  const lines: string[] = [
    `# ${protocol.title}: ${oneLine(run.topic)}`,
    '',
    `- Facilitator: ${run.facilitatorId === null ? 'a moderator' : name(run.facilitatorId)}`,
    `- Started: ${day(run.startedAt)}`,
    run.state === 'finished'
      ? `- Finished: ${day(run.finishedAt)}${run.step < protocol.steps.length - 1 ? ` (early, at step ${run.step + 1} of ${protocol.steps.length})` : ''}`
      : `- Still in progress: step ${run.step + 1} of ${protocol.steps.length}${run.state === 'paused' ? ' (paused)' : ''}`,
    `- Took part: ${summary.participants.length === 0 ? 'nobody yet' : summary.participants.map(name).join(', ')}`,
    '',
    '## The problem',
    '',
    oneLine(run.topic),
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
    const entries =
      step.kind === 'actions'
        ? step.actions.map((a) => `- ${oneLine(a.text)} (owner: ${name(a.ownerId)}, added by ${name(a.addedBy)})`)
        : step.contributions.map((c) => `- ${c.category === null ? '' : `**${c.category}:** `}${oneLine(c.text)} (${name(c.authorId)})`);
    lines.push(...(entries.length === 0 ? ['Nothing was added.'] : entries));
  }
  return `${lines.join('\n')}\n`;
}

/** Every user id a summary mentions, to look their names up once. */
export function peopleIn(summary: Summary): string[] {
  const ids = new Set<string>(summary.participants);
  if (summary.run.facilitatorId !== null) ids.add(summary.run.facilitatorId);
  for (const action of summary.actions) ids.add(action.ownerId);
  return [...ids];
}
