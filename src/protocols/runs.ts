import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { ProtocolRunsTable } from './tables.js';
import { inServedGuilds, type Shards } from '../sharding/shards.js';

type RunRow = Selectable<ProtocolRunsTable>;

interface RunFields {
  readonly id: number;
  readonly guildId: string;
  readonly channelId: string;
  readonly threadId: string;
  readonly protocolId: string;
  readonly topic: string;
  readonly facilitatorId: string | null;
  /** 0-based. */
  readonly step: number;
  readonly stepMessageId: string | null;
  readonly startedAt: Date;
}

/** A run as the domain sees it: only a finished run has a finish time and a summary. */
export type Run =
  | (RunFields & { readonly state: 'running' | 'paused' })
  | (RunFields & { readonly state: 'finished'; readonly finishedAt: Date; readonly summaryMessageId: string | null })
  /** Ended by `/protocol stop`: what was said stays, without a summary. */
  | (RunFields & { readonly state: 'stopped'; readonly stoppedAt: Date });

export type OpenRun = Extract<Run, { state: 'running' | 'paused' }>;
export type FinishedRun = Extract<Run, { state: 'finished' }>;
export type StoppedRun = Extract<Run, { state: 'stopped' }>;

/** The states in which a group is still working on a run. */
export const OPEN_STATES = ['running', 'paused'] as const;

export const isOpen = (run: Run): run is OpenRun => run.state === 'running' || run.state === 'paused';

export function toRun(row: RunRow): Run {
  const fields: RunFields = {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    threadId: row.thread_id,
    protocolId: row.protocol_id,
    topic: row.topic,
    facilitatorId: row.facilitator_id,
    step: row.current_step,
    stepMessageId: row.step_message_id,
    startedAt: new Date(row.created_at),
  };
  // A finished or stopped row always has finished_at (set in the same update); fall back rather than throw.
  const endedAt = new Date(row.finished_at ?? row.updated_at);
  switch (row.state) {
    case 'running':
    case 'paused':
      return { ...fields, state: row.state };
    case 'finished':
      return { ...fields, state: 'finished', finishedAt: endedAt, summaryMessageId: row.summary_message_id };
    case 'stopped':
      return { ...fields, state: 'stopped', stoppedAt: endedAt };
  }
}

export async function findRun(db: Db, runId: number): Promise<Run | undefined> {
  const row = await db.selectFrom('protocol_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  return row && toRun(row);
}

export async function findRunByThread(db: Db, threadId: string): Promise<Run | undefined> {
  const row = await db.selectFrom('protocol_runs').selectAll().where('thread_id', '=', threadId).executeTakeFirst();
  return row && toRun(row);
}

/** Running and paused runs in a server, oldest first. */
export async function openRuns(db: Db, guildId: string): Promise<OpenRun[]> {
  const rows = await db
    .selectFrom('protocol_runs')
    .selectAll()
    .where('guild_id', '=', guildId)
    .where('state', 'in', OPEN_STATES)
    .orderBy('id')
    .execute();
  return rows.map(toRun).filter(isOpen);
}

/** How many runs are running or paused, in every server: one count, for the start-up log. */
export async function countOpenRuns(db: Db, shards: Shards): Promise<number> {
  const row = await db
    .selectFrom('protocol_runs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('state', 'in', OPEN_STATES)
    .where(inServedGuilds(shards, 'guild_id'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Runs in a server, newest first: for `/protocol export` suggestions. */
export async function recentRuns(db: Db, guildId: string, limit: number): Promise<Run[]> {
  const rows = await db.selectFrom('protocol_runs').selectAll().where('guild_id', '=', guildId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRun);
}

/**
 * Runs whose messages a crash or restart may have left behind: open ones without a step message
 * (the bot stopped between a move and posting the next step) and finished ones without a summary,
 * in the servers of `shards`.
 */
export async function runsNeedingMessages(db: Db, shards: Shards): Promise<(OpenRun | FinishedRun)[]> {
  const rows = await db
    .selectFrom('protocol_runs')
    .selectAll()
    .where(inServedGuilds(shards, 'guild_id'))
    .where((eb) =>
      eb.or([
        eb.and([eb('state', 'in', OPEN_STATES), eb('step_message_id', 'is', null)]),
        eb.and([eb('state', '=', 'finished'), eb('summary_message_id', 'is', null)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map(toRun).filter((run): run is OpenRun | FinishedRun => run.state !== 'stopped');
}
