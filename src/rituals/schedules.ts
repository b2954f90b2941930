import type { Updateable } from 'kysely';
import type { Db } from '../db/connection.js';
import { parseCron, type CronSpec } from './cron.js';
import { ensureStarterLibrary, type LibraryServices } from './library.js';
import { toSchedule, type RitualKind, type Schedule } from './model.js';
import { nextOccurrence, nextOccurrences } from './occurrences.js';
import { fail, succeed } from '../outcome.js';
import type { RitualOutcome } from './problems.js';
import type { RitualScheduleTable } from './tables.js';
import { canonicalTimeZone } from './time-zones.js';

/** Moderators' schedules: creating, changing, pausing and removing them. */

/** Kubernetes' CronJob has no default; six hours suits a weekly ritual: same day, not next week. */
export const DEFAULT_CATCH_UP_MINUTES = 6 * 60;

export interface ScheduleInput {
  readonly kind: RitualKind;
  readonly channelId: string;
  readonly cron: string;
  readonly timeZone: string;
  /** Unset: the kind's default ({@link opensThreadByDefault}). */
  readonly openThread?: boolean;
  readonly promptText?: string | null;
  readonly catchUpMinutes?: number;
}

export type ScheduleChanges = Partial<Omit<ScheduleInput, 'kind'>>;

/**
 * Poems and podcast-club prompts exist to be talked about, so each post opens its discussion
 * thread unless a moderator says no. A prompt is a moderator's own words, often an announcement or
 * a nudge ("Stretch and breathe"), so it opens one only when asked.
 */
export function opensThreadByDefault(kind: RitualKind): boolean {
  return kind !== 'prompt';
}

export async function findSchedule(db: Db, guildId: string, id: number): Promise<Schedule | undefined> {
  const row = await db.selectFrom('ritual_schedules').selectAll().where('guild_id', '=', guildId).where('id', '=', id).executeTakeFirst();
  return row && toSchedule(row);
}

/** The schedule a moderator named, or the problem that it isn't one of this server's. */
export async function scheduleIn(db: Db, guildId: string, id: number): Promise<RitualOutcome<Schedule>> {
  const schedule = await findSchedule(db, guildId, id);
  return schedule === undefined ? fail({ kind: 'unknown-ritual', id }) : succeed(schedule);
}

export async function listSchedules(db: Db, guildId: string): Promise<Schedule[]> {
  const rows = await db.selectFrom('ritual_schedules').selectAll().where('guild_id', '=', guildId).orderBy('id').execute();
  return rows.map(toSchedule);
}

/** A stored schedule's cron; it was validated when saved. */
export function specOf(schedule: Pick<Schedule, 'cron'>): CronSpec {
  const parsed = parseCron(schedule.cron);
  if (!parsed.ok) throw new Error(`stored cron "${schedule.cron}" no longer parses`);
  return parsed.spec;
}

/** The next `count` runs of an active schedule from `now`, leaving out the ones a moderator skipped. */
export function upcomingRuns(schedule: Schedule, now: Date, count: number, skipped: ReadonlySet<number> = new Set()): Date[] {
  if (schedule.status.state === 'paused') return [];
  // Ask for a few more than shown, so skipped ones don't leave the list short.
  return nextOccurrences(specOf(schedule), schedule.timeZone, now, count + skipped.size)
    .filter((at) => !skipped.has(at.getTime()))
    .slice(0, count);
}

interface Timing {
  readonly cron: string;
  readonly timeZone: string;
  readonly nextDueAt: Date;
}

/** Checks a cron and zone together, and that they ever come round. */
function checkTiming(cronText: string, zoneText: string, now: Date): RitualOutcome<Timing> {
  const parsed = parseCron(cronText);
  if (!parsed.ok) return fail({ kind: 'bad-cron', text: cronText, problems: parsed.problems });
  const timeZone = canonicalTimeZone(zoneText);
  if (timeZone === undefined) return fail({ kind: 'bad-zone', zone: zoneText });
  const nextDueAt = nextOccurrence(parsed.spec, timeZone, now);
  if (nextDueAt === undefined) return fail({ kind: 'never-runs', cron: parsed.spec.source });
  return succeed({ cron: parsed.spec.source, timeZone, nextDueAt });
}

export interface TimingPreview {
  /** The cron as it will be saved, and the zone's canonical spelling. */
  readonly cron: string;
  readonly timeZone: string;
  readonly runs: readonly Date[];
}

/**
 * What saving this cron and zone would schedule: the same checks as creating or editing a ritual,
 * and its next `count` runs from now. Nothing is written.
 */
export function previewTiming(cronText: string, zoneText: string, now: Date, count: number): RitualOutcome<TimingPreview> {
  const timing = checkTiming(cronText, zoneText, now);
  if (!timing.ok) return timing;
  return succeed({ cron: timing.value.cron, timeZone: timing.value.timeZone, runs: nextOccurrences(specOf(timing.value), timing.value.timeZone, now, count) });
}

function promptTextFor(kind: RitualKind, text: string | null | undefined): RitualOutcome<string | null> {
  if (kind !== 'prompt') return succeed(null);
  const trimmed = text?.trim() ?? '';
  return trimmed.length === 0 ? fail({ kind: 'prompt-needs-text' }) : succeed(trimmed);
}

export async function createSchedule(services: LibraryServices, guildId: string, createdBy: string, input: ScheduleInput): Promise<RitualOutcome<Schedule>> {
  const now = services.clock.now();
  const timing = checkTiming(input.cron, input.timeZone, now);
  if (!timing.ok) return timing;
  const prompt = promptTextFor(input.kind, input.promptText);
  if (!prompt.ok) return prompt;
  const stamp = now.toISOString();
  return services.db.transaction().execute(async (trx) => {
    if (input.kind !== 'prompt') await ensureStarterLibrary(trx, guildId, services.content, now);
    const row = await trx
      .insertInto('ritual_schedules')
      .values({
        guild_id: guildId,
        kind: input.kind,
        channel_id: input.channelId,
        cron: timing.value.cron,
        time_zone: timing.value.timeZone,
        open_thread: (input.openThread ?? opensThreadByDefault(input.kind)) ? 1 : 0,
        prompt_text: prompt.value,
        catch_up_minutes: input.catchUpMinutes ?? DEFAULT_CATCH_UP_MINUTES,
        status: 'active',
        pause_reason: null,
        next_due_at: timing.value.nextDueAt.toISOString(),
        created_by: createdBy,
        created_at: stamp,
        updated_at: stamp,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return succeed(toSchedule(row));
  });
}

async function update(trx: Db, schedule: Schedule, set: Updateable<RitualScheduleTable>): Promise<Schedule> {
  const row = await trx.updateTable('ritual_schedules').set(set).where('id', '=', schedule.id).returningAll().executeTakeFirstOrThrow();
  return toSchedule(row);
}

/** Runs `change` on the schedule inside a transaction, or says it doesn't exist. */
async function withSchedule<T>(db: Db, guildId: string, id: number, change: (trx: Db, schedule: Schedule) => Promise<RitualOutcome<T>>): Promise<RitualOutcome<T>> {
  return db.transaction().execute(async (trx) => {
    const schedule = await findSchedule(trx, guildId, id);
    return schedule === undefined ? fail({ kind: 'unknown-ritual', id }) : change(trx, schedule);
  });
}

/**
 * Changes a schedule. `basedOn`, when given, is the revision the moderator's form showed: if
 * someone changed the ritual since, nothing is written and the problem carries it as it is now.
 */
export async function editSchedule(services: LibraryServices, guildId: string, id: number, changes: ScheduleChanges, basedOn?: number): Promise<RitualOutcome<Schedule>> {
  if (Object.values(changes).every((value) => value === undefined)) return fail({ kind: 'nothing-to-change' });
  const now = services.clock.now();
  return withSchedule(services.db, guildId, id, async (trx, schedule): Promise<RitualOutcome<Schedule>> => {
    if (basedOn !== undefined && basedOn !== schedule.revision) return fail({ kind: 'ritual-changed', schedule });
    const retimed = changes.cron !== undefined || changes.timeZone !== undefined;
    const timing = checkTiming(changes.cron ?? schedule.cron, changes.timeZone ?? schedule.timeZone, now);
    if (!timing.ok) return timing;
    const prompt = schedule.kind === 'prompt' ? promptTextFor('prompt', changes.promptText ?? schedule.promptText) : succeed(null);
    if (!prompt.ok) return prompt;
    // A new time starts counting from now; an unchanged one keeps its place (and any catch-up due).
    const nextDue = retimed && schedule.status.state === 'active' ? { next_due_at: timing.value.nextDueAt.toISOString() } : {};
    // The revision in the condition too: of two edits at once, the second finds it already raised.
    const row = await trx
      .updateTable('ritual_schedules')
      .set({
        cron: timing.value.cron,
        time_zone: timing.value.timeZone,
        ...nextDue,
        ...(changes.channelId !== undefined ? { channel_id: changes.channelId } : {}),
        ...(changes.openThread !== undefined ? { open_thread: changes.openThread ? 1 : 0 } : {}),
        ...(changes.catchUpMinutes !== undefined ? { catch_up_minutes: changes.catchUpMinutes } : {}),
        prompt_text: prompt.value,
        updated_at: now.toISOString(),
        revision: schedule.revision + 1,
      })
      .where('id', '=', schedule.id)
      .where('revision', '=', schedule.revision)
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) return succeed(toSchedule(row));
    const current = await findSchedule(trx, guildId, id);
    return current === undefined ? fail({ kind: 'unknown-ritual', id }) : fail({ kind: 'ritual-changed', schedule: current });
  });
}

export async function pauseSchedule(services: Pick<LibraryServices, 'db' | 'clock'>, guildId: string, id: number): Promise<RitualOutcome<Schedule>> {
  const now = services.clock.now().toISOString();
  return withSchedule(services.db, guildId, id, async (trx, schedule) => {
    if (schedule.status.state === 'paused') return fail({ kind: 'already-paused', schedule });
    // Anything claimed but not yet out stays unposted: a pause means quiet from now on.
    await trx
      .updateTable('ritual_occurrences')
      .set({ state: 'skipped', miss_cause: 'paused', next_attempt_at: null, updated_at: now })
      .where('schedule_id', '=', schedule.id)
      .where('state', '=', 'claimed')
      .execute();
    return succeed(await update(trx, schedule, { status: 'paused', pause_reason: 'moderator', next_due_at: null, updated_at: now }));
  });
}

/** Resumes from now on: what fell due while paused is not posted late. */
export async function resumeSchedule(services: Pick<LibraryServices, 'db' | 'clock'>, guildId: string, id: number): Promise<RitualOutcome<Schedule>> {
  const now = services.clock.now();
  return withSchedule(services.db, guildId, id, async (trx, schedule) => {
    if (schedule.status.state === 'active') return fail({ kind: 'already-active', schedule });
    const next = nextOccurrence(specOf(schedule), schedule.timeZone, now);
    return succeed(
      await update(trx, schedule, { status: 'active', pause_reason: null, next_due_at: next?.toISOString() ?? null, updated_at: now.toISOString() }),
    );
  });
}

export async function deleteSchedule(db: Db, guildId: string, id: number): Promise<RitualOutcome<Schedule>> {
  return withSchedule(db, guildId, id, async (trx, schedule) => {
    // The ledger and "I listened" rows go with it (ON DELETE CASCADE); the server's rotation stays.
    await trx.deleteFrom('ritual_schedules').where('id', '=', schedule.id).execute();
    return succeed(schedule);
  });
}
