import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import { hasVisibleText } from '../text.js';
import type { ProtocolOutcome } from './problems.js';
import type { Protocol } from './protocol-content.js';
import { facilitatedRunAt, mayFacilitate, type Actor } from './run-guards.js';
import { findRun, OPEN_STATES, toRun, type FinishedRun, type OpenRun, type Run, type StoppedRun } from './runs.js';

type Deps = Pick<BotContext, 'db' | 'clock'>;

export const TOPIC_MIN_LENGTH = 3;
export const TOPIC_MAX_LENGTH = 300;
/** The problem a group works on; its thread's name is made from it. */
export const Topic = z.string().trim().min(TOPIC_MIN_LENGTH).max(TOPIC_MAX_LENGTH).refine(hasVisibleText);

export interface NewRun {
  readonly guildId: string;
  readonly channelId: string;
  readonly threadId: string;
  readonly protocol: Protocol;
  readonly topic: string;
  readonly facilitatorId: string;
}

/** Records a run once its thread exists; it starts at the first step, with no message yet. */
export async function recordRun(deps: Deps, input: NewRun): Promise<OpenRun> {
  const now = deps.clock.now().toISOString();
  const row = await deps.db.transaction().execute((trx) =>
    trx
      .insertInto('protocol_runs')
      .values({
        guild_id: input.guildId,
        channel_id: input.channelId,
        thread_id: input.threadId,
        protocol_id: input.protocol.id,
        topic: Topic.parse(input.topic),
        facilitator_id: input.facilitatorId,
        current_step: 0,
        state: 'running',
        step_message_id: null,
        summary_message_id: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return toRun(row) as OpenRun;
}

export type Direction = 'next' | 'back';

export interface Moved {
  readonly run: OpenRun;
  /** The message of the step the group just left, to be closed. */
  readonly leftMessageId: string | null;
  readonly leftStep: number;
}

/** Next or Back, by the facilitator or a moderator, from the step on the message they clicked. */
export async function moveStep(deps: Deps, protocol: Protocol, input: { runId: number; fromStep: number; direction: Direction; actor: Actor }): Promise<ProtocolOutcome<Moved>> {
  return deps.db.transaction().execute(async (trx) => {
    const found = await facilitatedRunAt(trx, input.runId, input.fromStep, input.actor);
    if (!found.ok) return found;
    const run = found.value;
    if (run.state === 'paused') return fail({ kind: 'paused', run });
    const to = input.direction === 'next' ? run.step + 1 : run.step - 1;
    if (to < 0) return fail({ kind: 'first-step' });
    if (to >= protocol.steps.length) return fail({ kind: 'last-step' });
    const moved = await update(trx, deps, run.id, { current_step: to, step_message_id: null });
    return succeed({ run: moved as OpenRun, leftMessageId: run.stepMessageId, leftStep: run.step });
  });
}

/** Pause holds the protocol where it is (no adding, no moving) until the facilitator resumes. */
export async function setPaused(deps: Deps, input: { runId: number; step: number; paused: boolean; actor: Actor }): Promise<ProtocolOutcome<OpenRun>> {
  return deps.db.transaction().execute(async (trx) => {
    const found = await facilitatedRunAt(trx, input.runId, input.step, input.actor);
    if (!found.ok) return found;
    const run = found.value;
    if (input.paused && run.state === 'paused') return fail({ kind: 'paused', run });
    if (!input.paused && run.state === 'running') return fail({ kind: 'not-paused', run });
    return succeed((await update(trx, deps, run.id, { state: input.paused ? 'paused' : 'running' })) as OpenRun);
  });
}

export interface Finished {
  readonly run: FinishedRun;
  readonly lastStepMessageId: string | null;
}

/** Ends the run at whatever step it is on; what the group has so far becomes the summary. */
export async function finishRun(deps: Deps, input: { runId: number; step: number; actor: Actor }): Promise<ProtocolOutcome<Finished>> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const found = await facilitatedRunAt(trx, input.runId, input.step, input.actor);
    if (!found.ok) return found;
    const finished = await update(trx, deps, found.value.id, { state: 'finished', finished_at: now });
    return succeed({ run: finished as FinishedRun, lastStepMessageId: found.value.stepMessageId });
  });
}

/**
 * A run `actor` may stop: open, in the actor's server, and theirs to facilitate (or they moderate).
 * `/protocol stop` works from anywhere in the server, so unlike a step's buttons it isn't tied to
 * the thread.
 */
export async function stoppableRun(db: Db, runId: number, actor: Actor): Promise<ProtocolOutcome<OpenRun>> {
  const run = await findRun(db, runId);
  if (run === undefined) return fail({ kind: 'no-such-run' });
  if (run.guildId !== actor.where.guildId) return fail({ kind: 'elsewhere' });
  if (run.state === 'finished') return fail({ kind: 'finished', run });
  if (run.state === 'stopped') return fail({ kind: 'stopped', run });
  if (!mayFacilitate(run, actor)) return fail({ kind: 'not-facilitator', run });
  return succeed(run);
}

export interface Stopped {
  readonly run: StoppedRun;
  /** The message of the step the group was on, to be quieted. */
  readonly stepMessageId: string | null;
}

/** Ends the run where it is, without a summary: everything the group said stays as it is. */
export async function stopRun(deps: Deps, input: { runId: number; actor: Actor }): Promise<ProtocolOutcome<Stopped>> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const found = await stoppableRun(trx, input.runId, input.actor);
    if (!found.ok) return found;
    const stopped = await update(trx, deps, found.value.id, { state: 'stopped', finished_at: now });
    return succeed({ run: stopped as StoppedRun, stepMessageId: found.value.stepMessageId });
  });
}

async function update(
  trx: Db,
  deps: Deps,
  runId: number,
  change: { current_step?: number; step_message_id?: string | null; state?: Run['state']; finished_at?: string },
): Promise<Run> {
  const row = await trx
    .updateTable('protocol_runs')
    .set({ ...change, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', runId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

/** Remembers the message showing `step`, unless the group has moved on meanwhile. */
export async function recordStepMessage(deps: Deps, runId: number, step: number, messageId: string): Promise<boolean> {
  const result = await deps.db.transaction().execute((trx) =>
    trx
      .updateTable('protocol_runs')
      .set({ step_message_id: messageId })
      .where('id', '=', runId)
      .where('current_step', '=', step)
      .where('state', 'in', OPEN_STATES)
      .executeTakeFirst(),
  );
  return result.numUpdatedRows > 0n;
}

export async function recordSummaryMessage(deps: Deps, runId: number, messageId: string): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    trx.updateTable('protocol_runs').set({ summary_message_id: messageId }).where('id', '=', runId).execute(),
  );
}
