import type { Db } from '../db/connection.js';
import type { CollectKind, Protocol } from './protocol-content.js';
import type { Run } from './runs.js';
import { actionsOf, chosenAt, contributionsAt, type Action, type Contribution } from './step-data.js';

/**
 * What a run came to: the problem, what the group chose, and who does what by when. Headings and
 * step titles are the protocol's as given (`P`: a protocol as some reader reads it).
 */
export interface Summary<P extends Protocol = Protocol> {
  readonly run: Run;
  readonly protocol: P;
  /** One group per `choices` step, under the step's heading ("Root causes we chose"). */
  readonly chosen: readonly { readonly heading: string; readonly items: readonly Contribution[] }[];
  readonly actions: readonly Action[];
  /** Every step, with everything added there: the full record for the export. */
  readonly steps: readonly {
    readonly number: number;
    readonly title: string;
    readonly kind: CollectKind;
    readonly contributions: readonly Contribution[];
    /** At a `choices` step: what the group chose there, from this step or earlier ones. */
    readonly chosen: readonly Contribution[];
    readonly actions: readonly Action[];
  }[];
  /** Everyone who added something, in order of first contribution. */
  readonly participants: readonly string[];
}

export async function buildSummary<P extends Protocol>(db: Db, run: Run, protocol: P): Promise<Summary<P>> {
  const indices = protocol.steps.map((_, index) => index);
  const choiceSteps = protocol.steps.flatMap((step, index) => (step.collects.kind === 'choices' ? [{ index, heading: step.collects.heading }] : []));
  const [contributions, actions, chosen] = await Promise.all([
    contributionsAt(db, run.id, indices),
    actionsOf(db, run.id),
    Promise.all(choiceSteps.map(async ({ index, heading }) => ({ index, heading, items: await chosenAt(db, run.id, index) }))),
  ]);
  const participants = [...new Set([...contributions.map((c) => c.authorId), ...actions.map((a) => a.addedBy)])];
  return {
    run,
    protocol,
    chosen: chosen.map(({ heading, items }) => ({ heading, items })),
    actions,
    steps: protocol.steps.map((step, index) => ({
      number: index + 1,
      title: step.title,
      kind: step.collects.kind,
      contributions: contributions.filter((c) => c.step === index),
      chosen: chosen.find((group) => group.index === index)?.items ?? [],
      actions: step.collects.kind === 'actions' ? actions : [],
    })),
    participants,
  };
}

/** Every user id a summary mentions, to look their names up once. */
export function peopleIn(summary: Summary): string[] {
  const ids = new Set<string>(summary.participants);
  if (summary.run.facilitatorId !== null) ids.add(summary.run.facilitatorId);
  for (const action of summary.actions) ids.add(action.ownerId);
  return [...ids];
}
