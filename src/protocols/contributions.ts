import type { BotContext } from '../context.js';
import { fail, succeed } from '../outcome.js';
import { discordLength, hasVisibleText } from '../text.js';
import { readDueDate } from './due-date.js';
import type { ProtocolOutcome } from './problems.js';
import { candidateSteps, type CollectKind, type Protocol, type ProtocolCatalog } from './protocol-content.js';
import { facilitatedRunAt, openRunAt, type Actor, type Place } from './run-guards.js';
import type { OpenRun } from './runs.js';

type Deps = Pick<BotContext, 'db' | 'clock'>;

/** Long enough for a thought, short enough that a step's message can show many of them. */
export const CONTRIBUTION_MAX_LENGTH = 400;
/** The typed due date; generous so "next Friday" reaches the reader and gets a kind answer. */
export const DUE_DATE_MAX_LENGTH = 40;

/** What a member wrote, or why it can't be added: invisible characters alone are nothing written. */
function readContribution(typed: string): ProtocolOutcome<string> {
  const text = typed.trim();
  if (!hasVisibleText(text)) return fail({ kind: 'empty' });
  const length = discordLength(text);
  if (length > CONTRIBUTION_MAX_LENGTH) return fail({ kind: 'too-long', length, limit: CONTRIBUTION_MAX_LENGTH });
  return succeed(text);
}

/** Open at `step` and not paused: the group can add there. */
export async function contributableRunAt(deps: Deps, runId: number, step: number, where: Place): Promise<ProtocolOutcome<OpenRun>> {
  const found = await openRunAt(deps.db, runId, step, where);
  if (!found.ok) return found;
  if (found.value.state === 'paused') return fail({ kind: 'paused', run: found.value });
  return found;
}

export interface Addition {
  readonly runId: number;
  readonly step: number;
  readonly authorId: string;
  /** Where the form was sent from: only the run's own thread adds to it. */
  readonly where: Place;
  readonly text: string;
  /** For `causes` steps; anything not among the step's categories is stored unsorted. */
  readonly category: string | null;
  /** For `actions` steps; the person adding owns the action when no one else is named. */
  readonly ownerId: string | null;
  /** For `actions` steps, as typed; empty for no date. */
  readonly due: string;
}

/**
 * Stores what a member added at the step they added it to, shaped by what the step collects: an
 * answer, a cause on its bone, an action with its owner and date. At a `choices` step, naming
 * something in one's own words also chooses it: the group talked it over and this is what they
 * agreed on. One transaction reads the run and writes, so a step that moves on meanwhile is seen.
 */
export async function addToStep(deps: Deps, protocols: ProtocolCatalog, input: Addition): Promise<ProtocolOutcome<{ readonly kind: CollectKind }>> {
  const text = readContribution(input.text);
  if (!text.ok) return text;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const open = await contributableRunAt({ db: trx, clock: deps.clock }, input.runId, input.step, input.where);
    if (!open.ok) return open;
    const collects = protocols.get(open.value.protocolId)?.steps[input.step]?.collects;
    if (collects === undefined) return fail({ kind: 'wrong-step' });
    const at = now.toISOString();
    if (collects.kind === 'actions') {
      const due = readDueDate(input.due, now);
      if (due.kind === 'unreadable') return fail({ kind: 'bad-date', typed: input.due.trim(), text: text.value });
      if (due.kind === 'past') return fail({ kind: 'past-date', typed: input.due.trim(), text: text.value });
      await trx
        .insertInto('protocol_actions')
        .values({
          run_id: input.runId,
          step: input.step,
          text: text.value,
          owner_id: input.ownerId ?? input.authorId,
          due_date: due.kind === 'date' ? due.isoDate : null,
          added_by: input.authorId,
          created_at: at,
        })
        .execute();
      return succeed({ kind: collects.kind });
    }
    const category = collects.kind === 'causes' ? (collects.categories.find((c) => c === input.category) ?? null) : null;
    const { id } = await trx
      .insertInto('protocol_contributions')
      .values({ run_id: input.runId, step: input.step, author_id: input.authorId, text: text.value, category, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (collects.kind === 'choices') {
      await trx.insertInto('protocol_choices').values({ run_id: input.runId, step: input.step, contribution_id: id, chosen_at: at }).execute();
    }
    return succeed({ kind: collects.kind });
  });
}

export interface Choice {
  readonly runId: number;
  readonly step: number;
  readonly actor: Actor;
  /** The contributions the menu offered: only their chosen-or-not state changes. */
  readonly offered: readonly number[];
  readonly selected: readonly number[];
}

/**
 * The facilitator marks what the group chose among the contributions a `choices` step offers.
 * Choices outside the menu (it shows at most 25) are kept as they were.
 */
export async function chooseContributions(deps: Deps, protocol: Protocol, input: Choice): Promise<ProtocolOutcome<{ readonly chosen: number }>> {
  if (protocol.steps[input.step]?.collects.kind !== 'choices') return fail({ kind: 'wrong-step' });
  const eligibleSteps = [...candidateSteps(protocol, input.step), input.step];
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const open = await facilitatedRunAt(trx, input.runId, input.step, input.actor);
    if (!open.ok) return open;
    if (open.value.state === 'paused') return fail({ kind: 'paused', run: open.value });
    const eligible = input.offered.length === 0
      ? []
      : await trx
          .selectFrom('protocol_contributions')
          .select('id')
          .where('run_id', '=', input.runId)
          .where('step', 'in', eligibleSteps)
          .where('id', 'in', [...input.offered])
          .execute();
    const offered = eligible.map((row) => row.id);
    const selected = input.selected.filter((id) => offered.includes(id));
    if (offered.length > 0) {
      await trx.deleteFrom('protocol_choices').where('run_id', '=', input.runId).where('step', '=', input.step).where('contribution_id', 'in', offered).execute();
    }
    if (selected.length > 0) {
      await trx
        .insertInto('protocol_choices')
        .values(selected.map((id) => ({ run_id: input.runId, step: input.step, contribution_id: id, chosen_at: now })))
        .execute();
    }
    const { count } = await trx
      .selectFrom('protocol_choices')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('run_id', '=', input.runId)
      .where('step', '=', input.step)
      .executeTakeFirstOrThrow();
    return succeed({ chosen: Number(count) });
  });
}
