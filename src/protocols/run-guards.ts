import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import type { ProtocolOutcome } from './problems.js';
import type { Protocol, ProtocolCatalog } from './protocol-content.js';
import { findRun, type OpenRun, type Run } from './runs.js';

/** Where a click or form came from. A run's buttons live in its thread, and only act from there. */
export interface Place {
  readonly guildId: string;
  readonly channelId: string | null;
}

/**
 * Who is acting on a run, and where: the facilitator, a moderator (Manage Server, judged in the
 * server of `where`), or any member.
 */
export interface Actor {
  readonly userId: string;
  readonly isModerator: boolean;
  readonly where: Place;
}

/**
 * The run, if `where` is its own thread. Run ids count up from 1 in every server, so a custom_id
 * naming another server's run is easy to write: it finds nothing to change, and learns nothing.
 */
export async function runFrom(db: Db, runId: number, where: Place): Promise<ProtocolOutcome<Run>> {
  const run = await findRun(db, runId);
  if (run === undefined) return fail({ kind: 'no-such-run' });
  if (run.guildId !== where.guildId || run.threadId !== where.channelId) return fail({ kind: 'elsewhere' });
  return succeed(run);
}

/** The facilitator moves the protocol along; moderators may too, e.g. when the facilitator is away. */
export function mayFacilitate(run: Pick<OpenRun, 'facilitatorId'>, actor: Actor): boolean {
  return actor.isModerator || (run.facilitatorId !== null && run.facilitatorId === actor.userId);
}

/**
 * The run, if it is still open at `step`: buttons and forms carry the step they were made for, so
 * a click on an older step's message (or a finished run's) is told so instead of acting.
 */
export async function openRunAt(db: Db, runId: number, step: number, where: Place): Promise<ProtocolOutcome<OpenRun>> {
  const found = await runFrom(db, runId, where);
  if (!found.ok) return found;
  const run = found.value;
  if (run.state === 'finished') return fail({ kind: 'finished', run });
  if (run.state === 'stopped') return fail({ kind: 'stopped', run });
  if (run.step !== step) return fail({ kind: 'moved-on', run });
  return succeed(run);
}

/** Open at `step`, not paused, and `actor` may facilitate it. */
export async function facilitatedRunAt(db: Db, runId: number, step: number, actor: Actor): Promise<ProtocolOutcome<OpenRun>> {
  const found = await openRunAt(db, runId, step, actor.where);
  if (!found.ok) return found;
  if (!mayFacilitate(found.value, actor)) return fail({ kind: 'not-facilitator', run: found.value });
  return found;
}

/** The protocol a run follows, which content may have dropped since it started. */
export function protocolOf(protocols: ProtocolCatalog, run: Run): ProtocolOutcome<Protocol> {
  const protocol = protocols.get(run.protocolId);
  return protocol === undefined ? fail({ kind: 'protocol-gone' }) : succeed(protocol);
}

/** The run clicked on from `where` (see {@link runFrom}), with its protocol. */
export async function runWithProtocol(db: Db, protocols: ProtocolCatalog, runId: number, where: Place): Promise<ProtocolOutcome<{ run: Run; protocol: Protocol }>> {
  const found = await runFrom(db, runId, where);
  if (!found.ok) return found;
  const protocol = protocolOf(protocols, found.value);
  if (!protocol.ok) return protocol;
  return succeed({ run: found.value, protocol: protocol.value });
}
