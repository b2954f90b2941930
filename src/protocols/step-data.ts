import type { Db } from '../db/connection.js';
import { candidateSteps, type Protocol } from './protocol-content.js';
import type { Run } from './runs.js';

export interface Contribution {
  readonly id: number;
  readonly step: number;
  readonly authorId: string;
  readonly text: string;
  readonly category: string | null;
}

export interface Action {
  readonly id: number;
  readonly text: string;
  readonly ownerId: string;
  readonly dueDate: string | null;
  readonly addedBy: string;
}

/** What a step's message shows, read fresh from the database each time it is drawn. */
export type StepData =
  | { readonly kind: 'answers' | 'causes'; readonly contributions: readonly Contribution[] }
  | {
      readonly kind: 'choices';
      /** Offered for choosing: this step's own-words contributions first, then earlier steps', newest first. */
      readonly candidates: readonly Contribution[];
      readonly chosen: ReadonlySet<number>;
    }
  | { readonly kind: 'actions'; readonly actions: readonly Action[] };

const contributionColumns = ['id', 'step', 'author_id', 'text', 'category'] as const;

function toContribution(row: { id: number; step: number; author_id: string; text: string; category: string | null }): Contribution {
  return { id: row.id, step: row.step, authorId: row.author_id, text: row.text, category: row.category };
}

export async function contributionsAt(db: Db, runId: number, steps: readonly number[]): Promise<Contribution[]> {
  if (steps.length === 0) return [];
  const rows = await db
    .selectFrom('protocol_contributions')
    .select(contributionColumns)
    .where('run_id', '=', runId)
    .where('step', 'in', [...steps])
    .orderBy('id')
    .execute();
  return rows.map(toContribution);
}

export async function actionsOf(db: Db, runId: number, step?: number): Promise<Action[]> {
  let query = db.selectFrom('protocol_actions').select(['id', 'text', 'owner_id', 'due_date', 'added_by']).where('run_id', '=', runId);
  if (step !== undefined) query = query.where('step', '=', step);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, text: row.text, ownerId: row.owner_id, dueDate: row.due_date, addedBy: row.added_by }));
}

export async function chosenAt(db: Db, runId: number, step: number): Promise<Contribution[]> {
  const rows = await db
    .selectFrom('protocol_choices')
    .innerJoin('protocol_contributions', 'protocol_contributions.id', 'protocol_choices.contribution_id')
    .select(contributionColumns.map((column) => `protocol_contributions.${column}` as const))
    .where('protocol_choices.run_id', '=', runId)
    .where('protocol_choices.step', '=', step)
    .orderBy('protocol_contributions.id')
    .execute();
  return rows.map(toContribution);
}

export async function loadStepData(db: Db, run: Run, protocol: Protocol, step: number = run.step): Promise<StepData> {
  const collects = protocol.steps[step]?.collects;
  switch (collects?.kind) {
    case undefined:
      return { kind: 'answers', contributions: [] };
    case 'answers':
    case 'causes':
      return { kind: collects.kind, contributions: await contributionsAt(db, run.id, [step]) };
    case 'choices': {
      const [own, earlier, chosen] = await Promise.all([
        contributionsAt(db, run.id, [step]),
        contributionsAt(db, run.id, candidateSteps(protocol, step)),
        chosenAt(db, run.id, step),
      ]);
      return { kind: 'choices', candidates: [...own, ...earlier.reverse()], chosen: new Set(chosen.map((c) => c.id)) };
    }
    case 'actions':
      return { kind: 'actions', actions: await actionsOf(db, run.id, step) };
  }
}
