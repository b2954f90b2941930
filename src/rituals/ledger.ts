import type { Updateable } from 'kysely';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { findEntry } from './library.js';
import { toOccurrence, toSchedule, type BrokenTarget, type LibraryEntry, type MissCause, type Occurrence, type Schedule, type SkipCause } from './model.js';
import { nextOccurrence, nextOccurrences, occurrencesBetween } from './occurrences.js';
import { fail, succeed } from '../outcome.js';
import type { RitualOutcome } from './problems.js';
import { pickFor } from './rotation.js';
import { specOf } from './schedules.js';
import type { RitualOccurrenceTable } from './tables.js';
import { inServedGuilds, type Shards } from '../sharding/shards.js';

/**
 * The occurrence ledger. Every occurrence is written here, unique on (schedule, instant), before
 * anything is posted: a claim that loses the race inserts nothing, so a second tick, a second
 * process or a restart can never post it again. States move one way:
 *
 *   claimed ──> posted
 *      │  └───> failed ──(/ritual retry)──> claimed
 *      └──(pause)──> skipped          missed, skipped: written directly, never posted
 */

export type LedgerServices = Pick<BotContext, 'db' | 'clock'>;

/** How far back a gap is recorded, and at most how many of its occurrences: the most recent ones. */
const LOOKBACK_MS = 366 * 86_400_000;
const MAX_RECORDED_MISSES = 1000;

type OccurrenceOrigin = Occurrence['origin'];

async function insertOccurrence(
  trx: Db,
  schedule: Schedule,
  at: Date,
  state: 'claimed' | 'missed' | 'skipped',
  origin: OccurrenceOrigin,
  now: Date,
  cause: MissCause | SkipCause | null = null,
): Promise<number | undefined> {
  const stamp = now.toISOString();
  const inserted = await trx
    .insertInto('ritual_occurrences')
    .values({
      schedule_id: schedule.id,
      guild_id: schedule.guildId,
      occurrence_at: at.toISOString(),
      origin,
      state,
      attempts: 0,
      miss_cause: cause,
      next_attempt_at: state === 'claimed' ? stamp : null,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((conflict) => conflict.columns(['schedule_id', 'occurrence_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/** Claims an occurrence and, for library rituals, chooses what it will post, in one transaction. */
async function claim(trx: Db, schedule: Schedule, at: Date, origin: OccurrenceOrigin, now: Date): Promise<number | undefined> {
  const id = await insertOccurrence(trx, schedule, at, 'claimed', origin, now);
  if (id === undefined || schedule.kind === 'prompt') return id;
  const entry = await pickFor(trx, { guildId: schedule.guildId, kind: schedule.kind }, id, now);
  if (entry) await trx.updateTable('ritual_occurrences').set({ entry_id: entry.id }).where('id', '=', id).execute();
  return id;
}

export interface DueSummary {
  readonly claimed: number;
  readonly missed: number;
}

/**
 * What happens to the occurrences a schedule has fallen behind on, as of `now`. At most one is
 * posted, the most recent, whatever the reason it was missed — never a burst of old posts:
 * - if some fell due while this process was up (the ticker was between ticks, the machine slept,
 *   or a test or the sandbox moved the clock), the latest of those is claimed;
 * - otherwise they all fell due while the bot was down. Like a Kubernetes CronJob with
 *   startingDeadlineSeconds, the most recent is still posted only if it is no later than the
 *   schedule's catch-up window.
 * The rest are recorded as missed, so `/ritual list` shows them.
 */
export function triage(occurrences: readonly Date[], now: Date, runningSince: Date, catchUpMinutes: number): { claim: Date[]; miss: Date[] } {
  const latest = occurrences.at(-1);
  const fellDueWhileRunning = latest !== undefined && latest.getTime() > runningSince.getTime();
  const withinCatchUp = latest !== undefined && now.getTime() - latest.getTime() <= catchUpMinutes * 60_000;
  const claim = latest !== undefined && (fellDueWhileRunning || withinCatchUp) ? [latest] : [];
  return { claim, miss: occurrences.filter((at) => !claim.includes(at)) };
}

async function claimDueFor(trx: Db, scheduleId: number, now: Date, runningSince: Date): Promise<DueSummary> {
  const row = await trx.selectFrom('ritual_schedules').selectAll().where('id', '=', scheduleId).executeTakeFirst();
  const schedule = row && toSchedule(row);
  if (schedule?.status.state !== 'active' || schedule.status.nextDueAt === null || schedule.status.nextDueAt > now) return { claimed: 0, missed: 0 };
  const spec = specOf(schedule);
  const from = new Date(Math.max(schedule.status.nextDueAt.getTime() - 1, now.getTime() - LOOKBACK_MS));
  const { claim: toClaim, miss } = triage(occurrencesBetween(spec, schedule.timeZone, from, now), now, runningSince, schedule.catchUpMinutes);
  let claimed = 0;
  // Offline: it fell due before this process started. Behind: while it ran, but held up.
  for (const at of miss.slice(-MAX_RECORDED_MISSES)) await insertOccurrence(trx, schedule, at, 'missed', 'schedule', now, at.getTime() <= runningSince.getTime() ? 'offline' : 'behind');
  for (const at of toClaim) if ((await claim(trx, schedule, at, 'schedule', now)) !== undefined) claimed += 1;
  const next = nextOccurrence(spec, schedule.timeZone, now);
  await trx.updateTable('ritual_schedules').set({ next_due_at: next?.toISOString() ?? null, updated_at: now.toISOString() }).where('id', '=', schedule.id).execute();
  return { claimed, missed: miss.length };
}

/** Claims (or records as missed) every occurrence due by `now`, one transaction per schedule. */
export async function claimDue({ db }: LedgerServices, now: Date, runningSince: Date, shards: Shards): Promise<DueSummary> {
  const due = await db
    .selectFrom('ritual_schedules')
    .select('id')
    .where('status', '=', 'active')
    .where(inServedGuilds(shards, 'guild_id'))
    .where('next_due_at', '<=', now.toISOString())
    .execute();
  let claimed = 0;
  let missed = 0;
  for (const { id } of due) {
    const summary = await db.transaction().execute((trx) => claimDueFor(trx, id, now, runningSince));
    claimed += summary.claimed;
    missed += summary.missed;
  }
  return { claimed, missed };
}

export interface Rewound {
  readonly scheduleId: number;
  /** Where the schedule's next run stood, and where it stands now. */
  readonly was: Date;
  readonly now: Date;
}

/**
 * Brings every schedule's next run back to `now` when the clock stands earlier than the schedule
 * expected (a machine whose clock was wrong and was corrected, a sandbox reset): its stored next
 * run is the one after some later "now", so waiting for it would leave the ritual silent until
 * the clock catches up. A stored next run later than the cron's next run from `now` can only come
 * from such a clock. Instants the ledger already holds are never posted twice (its unique key).
 */
export async function rewindToClock({ db }: LedgerServices, now: Date, shards: Shards): Promise<Rewound[]> {
  const rows = await db
    .selectFrom('ritual_schedules')
    .selectAll()
    .where('status', '=', 'active')
    .where('next_due_at', '>', now.toISOString())
    .where(inServedGuilds(shards, 'guild_id'))
    .execute();
  const rewound: Rewound[] = [];
  for (const schedule of rows.map(toSchedule)) {
    if (schedule.status.state !== 'active' || schedule.status.nextDueAt === null) continue;
    const next = nextOccurrence(specOf(schedule), schedule.timeZone, now);
    const was = schedule.status.nextDueAt;
    if (next === undefined || next.getTime() >= was.getTime()) continue;
    await db.transaction().execute((trx) =>
      trx
        .updateTable('ritual_schedules')
        .set({ next_due_at: next.toISOString(), updated_at: now.toISOString() })
        .where('id', '=', schedule.id)
        .where('next_due_at', '=', was.toISOString())
        .execute(),
    );
    rewound.push({ scheduleId: schedule.id, was, now: next });
  }
  return rewound;
}

/** Claimed occurrences whose (next) attempt is due, oldest first. */
export async function readyToDeliver(db: Db, now: Date, shards: Shards, limit = 5000): Promise<number[]> {
  const rows = await db
    .selectFrom('ritual_occurrences')
    .select('id')
    .where('state', '=', 'claimed')
    .where(inServedGuilds(shards, 'guild_id'))
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('occurrence_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function findOccurrence(db: Db, id: number): Promise<Occurrence | undefined> {
  const row = await db.selectFrom('ritual_occurrences').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOccurrence(row);
}

/** A claimed occurrence with everything needed to post it, and how many attempts came before. */
export interface Attempt {
  readonly occurrence: Occurrence & { readonly state: 'claimed' };
  readonly schedule: Schedule;
  readonly entry: LibraryEntry | undefined;
  /** Attempts started before this one (since the last `/ritual retry`). */
  readonly earlierAttempts: number;
  /** Whether anything was tried before (a crash mid-attempt, a failure, a retried failure): an earlier post may have landed. */
  readonly triedBefore: boolean;
}

/**
 * How long an attempt holds its occurrence. Several processes may share the database: the one
 * whose attempt began moves the occurrence's next attempt this far ahead, so the others' ticks
 * leave it alone. A process killed mid-attempt holds it no longer than this; the next attempt,
 * knowing one came before, looks for the post before sending (and the nonce covers the rest).
 */
export const ATTEMPT_LEASE_MS = 30_000;

/**
 * Starts an attempt: counts it first, so a crash mid-attempt still shows on restart. Only an
 * occurrence whose attempt is due can start one (compare-and-set), and starting one holds it for
 * ATTEMPT_LEASE_MS: two processes never post the same occurrence at the same time.
 */
export async function beginAttempt({ db, clock }: LedgerServices, occurrenceId: number): Promise<Attempt | undefined> {
  const at = clock.now();
  const now = at.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('ritual_occurrences')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(at.getTime() + ATTEMPT_LEASE_MS).toISOString(), updated_at: now }))
      .where('id', '=', occurrenceId)
      .where('state', '=', 'claimed')
      .where('next_attempt_at', '<=', now)
      .returningAll()
      .executeTakeFirst();
    const occurrence = row && toOccurrence(row);
    if (occurrence?.state !== 'claimed') return undefined;
    const scheduleRow = await trx.selectFrom('ritual_schedules').selectAll().where('id', '=', occurrence.scheduleId).executeTakeFirstOrThrow();
    const entry = occurrence.entryId === null ? undefined : await findEntry(trx, occurrence.entryId);
    const earlierAttempts = occurrence.attempts - 1;
    return { occurrence, schedule: toSchedule(scheduleRow), entry, earlierAttempts, triedBefore: earlierAttempts > 0 || occurrence.lastError !== null };
  });
}

/** Each transition below happens only from `claimed`, and says whether it did: a notice follows only a real change. */
async function settle(db: Db, occurrenceId: number, set: Updateable<RitualOccurrenceTable>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('ritual_occurrences').set(set).where('id', '=', occurrenceId).where('state', '=', 'claimed').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
}

export function markPosted(db: Db, occurrenceId: number, post: { messageId: string; threadId: string | null }, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  return settle(db, occurrenceId, { state: 'posted', message_id: post.messageId, thread_id: post.threadId, next_attempt_at: null, last_error: null, updated_at: stamp });
}

export function scheduleRetry(db: Db, occurrenceId: number, error: string, at: Date, now: Date): Promise<boolean> {
  return settle(db, occurrenceId, { next_attempt_at: at.toISOString(), last_error: error, updated_at: now.toISOString() });
}

export function markFailed(db: Db, occurrenceId: number, error: string, now: Date): Promise<boolean> {
  return settle(db, occurrenceId, { state: 'failed', next_attempt_at: null, last_error: error, updated_at: now.toISOString() });
}

/**
 * The channel stopped working: the occurrence fails and the schedule pauses itself, together.
 * Returns whether the schedule was running until now, so moderators are told once, not per post.
 */
export async function pauseForBrokenTarget(db: Db, occurrence: Occurrence, reason: BrokenTarget, error: string, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ritual_occurrences')
      .set({ state: 'failed', next_attempt_at: null, last_error: error, updated_at: stamp })
      .where('id', '=', occurrence.id)
      .where('state', '=', 'claimed')
      .execute();
    const paused = await trx
      .updateTable('ritual_schedules')
      .set({ status: 'paused', pause_reason: reason, next_due_at: null, updated_at: stamp })
      .where('id', '=', occurrence.scheduleId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(paused.numUpdatedRows) > 0;
  });
}

// ---- moderators' requests -------------------------------------------------------------------------

/** `/ritual run-now`: an extra occurrence at this minute, claimed like any other. */
export async function claimNow({ db, clock }: LedgerServices, schedule: Schedule): Promise<RitualOutcome<number>> {
  if (schedule.status.state === 'paused') return fail({ kind: 'paused', schedule });
  const now = clock.now();
  // Within one minute a second press finds the first claim: a double click posts once.
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const id = await db.transaction().execute(async (trx) => {
    // This minute may already hold a skipped or missed occurrence: asking to post now overrides
    // that decision. One that is claimed, posted or failed is this minute's post already.
    await trx
      .deleteFrom('ritual_occurrences')
      .where('schedule_id', '=', schedule.id)
      .where('occurrence_at', '=', minute.toISOString())
      .where('state', 'in', ['skipped', 'missed'])
      .execute();
    return claim(trx, schedule, minute, 'manual', now);
  });
  return id === undefined ? fail({ kind: 'already-this-minute', schedule }) : succeed(id);
}

/** `/ritual skip-next`: records the next occurrence not yet skipped as skipped, so it is never claimed. */
export async function skipNext({ db, clock }: LedgerServices, schedule: Schedule): Promise<RitualOutcome<Date>> {
  if (schedule.status.state === 'paused') return fail({ kind: 'paused', schedule });
  const now = clock.now();
  const upcoming = nextOccurrences(specOf(schedule), schedule.timeZone, now, 25);
  if (upcoming.length === 0) return fail({ kind: 'nothing-upcoming', schedule });
  return db.transaction().execute(async (trx) => {
    const recorded = await trx
      .selectFrom('ritual_occurrences')
      .select('occurrence_at')
      .where('schedule_id', '=', schedule.id)
      .where('occurrence_at', 'in', upcoming.map((at) => at.toISOString()))
      .execute();
    const taken = new Set(recorded.map((row) => row.occurrence_at));
    const next = upcoming.find((at) => !taken.has(at.toISOString()));
    if (next === undefined) return fail({ kind: 'nothing-upcoming', schedule });
    await insertOccurrence(trx, schedule, next, 'skipped', 'schedule', now, 'moderator');
    return succeed(next);
  });
}

/** `/ritual retry`: the latest failed occurrence goes back to claimed with a fresh count of attempts. */
export async function retryLatestFailed({ db, clock }: LedgerServices, schedule: Schedule): Promise<RitualOutcome<Occurrence>> {
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const failed = await trx
      .selectFrom('ritual_occurrences')
      .select('id')
      .where('schedule_id', '=', schedule.id)
      .where('state', '=', 'failed')
      .orderBy('occurrence_at', 'desc')
      .executeTakeFirst();
    if (failed === undefined) return fail({ kind: 'nothing-to-retry', schedule });
    // The attempt count restarts; `last_error` stays, so the retry still looks for a post an
    // earlier attempt may have landed before sending another.
    const row = await trx
      .updateTable('ritual_occurrences')
      .set({ state: 'claimed', attempts: 0, next_attempt_at: now, updated_at: now })
      .where('id', '=', failed.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return succeed(toOccurrence(row));
  });
}

// ---- reading the ledger ---------------------------------------------------------------------------

export interface ScheduleHistory {
  readonly lastPosted: Occurrence | undefined;
  /** Failed occurrences not yet retried, newest first. */
  readonly failed: readonly Occurrence[];
  /** Missed (or left unposted by a pause), recorded in the last 30 days, newest first. */
  readonly missed: readonly Occurrence[];
  /**
   * Upcoming occurrences that will not be posted by the schedule: skipped by a moderator, or
   * already in the ledger because the clock now stands before them.
   */
  readonly skippedAhead: ReadonlySet<number>;
}

/** The histories of several schedules (`/ritual list` shows them all), in two queries whatever their number. */
export async function historyOf(db: Db, scheduleIds: readonly number[], now: Date): Promise<Map<number, ScheduleHistory>> {
  const histories = new Map<number, ScheduleHistory>();
  if (scheduleIds.length === 0) return histories;
  const ids = [...new Set(scheduleIds)];
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('ritual_occurrences')
    .selectAll()
    .where('schedule_id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'failed'),
        // Recorded lately, however long ago it fell due: a long gap is written when it ends.
        eb.and([eb('state', 'in', ['missed', 'skipped']), eb('created_at', '>=', since)]),
        eb('occurrence_at', '>', now.toISOString()),
      ]),
    )
    .orderBy('occurrence_at', 'desc')
    .execute();
  // Each schedule's latest post: (schedule, instant) is unique, so the latest instant is one row.
  const lastPostedRows = await db
    .selectFrom('ritual_occurrences as o')
    .selectAll('o')
    .where('o.schedule_id', 'in', ids)
    .where('o.state', '=', 'posted')
    .where('o.occurrence_at', '=', (eb) =>
      eb
        .selectFrom('ritual_occurrences as p')
        .select((inner) => inner.fn.max('p.occurrence_at').as('latest'))
        .whereRef('p.schedule_id', '=', 'o.schedule_id')
        .where('p.state', '=', 'posted'),
    )
    .execute();
  const occurrences = rows.map(toOccurrence);
  const lastPosted = new Map(lastPostedRows.map((row) => [row.schedule_id, toOccurrence(row)]));
  for (const id of ids) {
    const own = occurrences.filter((o) => o.scheduleId === id);
    histories.set(id, {
      lastPosted: lastPosted.get(id),
      failed: own.filter((o) => o.state === 'failed'),
      missed: own.filter((o) => o.state === 'missed' || (o.state === 'skipped' && o.cause === 'paused' && o.at.getTime() <= now.getTime())),
      skippedAhead: new Set(own.filter((o) => o.at.getTime() > now.getTime()).map((o) => o.at.getTime())),
    });
  }
  return histories;
}

/** One run of a schedule as `/ritual history` shows it. */
export interface RecentRun {
  readonly at: Date;
  readonly state: Occurrence['state'];
  /** Podcast-club posts: how many members said "I listened". */
  readonly listens: number | undefined;
}

/**
 * Each schedule's last `count` runs that fell due by `now` (extras from run-now included), oldest
 * first, with the "I listened" count of each podcast-club post. One small query a schedule, each
 * read backwards along the (schedule, instant) key, and one for the listens.
 */
export async function recentRuns(db: Db, schedules: readonly Schedule[], now: Date, count: number): Promise<Map<number, RecentRun[]>> {
  const rows = await Promise.all(
    schedules.map((schedule) =>
      db
        .selectFrom('ritual_occurrences')
        .selectAll()
        .where('schedule_id', '=', schedule.id)
        .where('occurrence_at', '<=', now.toISOString())
        .orderBy('occurrence_at', 'desc')
        .limit(count)
        .execute()
        .then((found) => found.map(toOccurrence)),
    ),
  );
  const podcastPosts = schedules.flatMap((schedule, index) => (schedule.kind === 'podcast' ? (rows[index] ?? []).filter((row) => row.state === 'posted').map((row) => row.id) : []));
  const listens =
    podcastPosts.length === 0
      ? []
      : await db
          .selectFrom('ritual_listens')
          .select(['occurrence_id', (eb) => eb.fn.countAll<number>().as('count')])
          .where('occurrence_id', 'in', podcastPosts)
          .groupBy('occurrence_id')
          .execute();
  const listened = new Map(listens.map((row) => [row.occurrence_id, Number(row.count)]));
  return new Map(
    schedules.map((schedule, index) => [
      schedule.id,
      (rows[index] ?? [])
        .map((occurrence) => ({
          at: occurrence.at,
          state: occurrence.state,
          listens: schedule.kind === 'podcast' && occurrence.state === 'posted' ? (listened.get(occurrence.id) ?? 0) : undefined,
        }))
        .reverse(),
    ]),
  );
}

/** A schedule's occurrences, newest first: what was posted, missed, skipped or failed, and what waits. */
export async function recentOccurrences(db: Db, scheduleId: number, limit: number): Promise<Occurrence[]> {
  const rows = await db.selectFrom('ritual_occurrences').selectAll().where('schedule_id', '=', scheduleId).orderBy('occurrence_at', 'desc').limit(limit).execute();
  return rows.map(toOccurrence);
}
