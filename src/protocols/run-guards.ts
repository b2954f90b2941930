import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import type { ProtocolOutcome } from './problems.js';
import type { Protocol, ProtocolCatalog } from './protocol-content.js';
import { findRun, type OpenRun, type Run } from './runs.js';

/** Who is acting on a run: the facilitator, a moderator (Manage Server), or any member. */
export interface Actor {
  readonly userId: string;
  readonly isModerator: boolean;
}

/** The facilitator moves the protocol along; moderators may too, e.g. when the facilitator is away. */
export function mayFacilitate(run: Pick<OpenRun, 'facilitatorId'>, actor: Actor): boolean {
  return actor.isModerator || (run.facilitatorId !== null && run.facilitatorId === actor.userId);
}

/**
 * The run, if it is still open at `step`: buttons and forms carry the step they were made for, so
 * a click on an older step's message (or a finished run's) is told so instead of acting.
 */
export async function openRunAt(db: Db, runId: number, step: number): Promise<ProtocolOutcome<OpenRun>> {
  const run = await findRun(db, runId);
  if (run === undefined) return fail({ kind: 'no-such-run' });
  if (run.state === 'finished') return fail({ kind: 'finished', run });
  if (run.step !== step) return fail({ kind: 'moved-on', run });
  return succeed(run);
}

/** Open at `step`, not paused, and `actor` may facilitate it. */
export async function facilitatedRunAt(db: Db, runId: number, step: number, actor: Actor): Promise<ProtocolOutcome<OpenRun>> {
  const found = await openRunAt(db, runId, step);
  if (!found.ok) return found;
  if (!mayFacilitate(found.value, actor)) return fail({ kind: 'not-facilitator', run: found.value });
  return found;
}

/** A run with the protocol it follows, which content may have dropped since it started. */
export async function runWithProtocol(db: Db, protocols: ProtocolCatalog, runId: number): Promise<ProtocolOutcome<{ run: Run; protocol: Protocol }>> {
  const run = await findRun(db, runId);
  if (run === undefined) return fail({ kind: 'no-such-run' });
  const protocol = protocols.get(run.protocolId);
  if (protocol === undefined) return fail({ kind: 'protocol-gone' });
  return succeed({ run, protocol });
}
