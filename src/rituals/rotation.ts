import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { activeEntries } from './library.js';
import type { LibraryEntry, LibraryKind } from './model.js';

/**
 * Which entry a schedule posts next. A schedule goes through its server's whole library before
 * anything repeats (a cycle), in an order shuffled per schedule and per cycle so two channels, or
 * two years, don't read alike. The order is a hash, not a random draw, so the same history always
 * leads to the same choice.
 */

interface Pick {
  readonly cycle: number;
  readonly entryId: number;
  /** Occurrence ids grow with every claim, so they order picks even within one tick. */
  readonly occurrenceId: number;
}

export interface Choice {
  readonly entry: LibraryEntry;
  readonly cycle: number;
}

const order = (scheduleId: number, cycle: number, entryId: number) => createHash('sha256').update(`${scheduleId}:${cycle}:${entryId}`).digest('hex');

/** The next entry for a schedule given its history; undefined when the library is empty. */
export function chooseNext(scheduleId: number, entries: readonly LibraryEntry[], history: readonly Pick[]): Choice | undefined {
  if (entries.length === 0) return undefined;
  const latest = history.reduce<Pick | undefined>(
    (newest, pick) => (newest === undefined || pick.cycle > newest.cycle || (pick.cycle === newest.cycle && pick.occurrenceId > newest.occurrenceId) ? pick : newest),
    undefined,
  );
  let cycle = latest?.cycle ?? 1;
  const used = new Set(history.filter((pick) => pick.cycle === cycle).map((pick) => pick.entryId));
  let candidates = entries.filter((entry) => !used.has(entry.id));
  if (candidates.length === 0) {
    cycle += 1;
    // A new cycle never opens with the entry that closed the last one.
    candidates = entries.length > 1 ? entries.filter((entry) => entry.id !== latest?.entryId) : [...entries];
  }
  const [entry] = [...candidates].sort((a, b) => order(scheduleId, cycle, a.id).localeCompare(order(scheduleId, cycle, b.id)));
  return entry && { entry, cycle };
}

async function historyOf(db: Db, scheduleId: number): Promise<Pick[]> {
  const rows = await db.selectFrom('ritual_rotation').select(['cycle', 'entry_id', 'occurrence_id']).where('schedule_id', '=', scheduleId).execute();
  return rows.map((row) => ({ cycle: row.cycle, entryId: row.entry_id, occurrenceId: row.occurrence_id }));
}

/** What the schedule would post next, without using it up (for `/ritual preview`). */
export async function peekNext(db: Db, schedule: { readonly id: number; readonly guildId: string; readonly kind: LibraryKind }): Promise<LibraryEntry | undefined> {
  const [entries, history] = await Promise.all([activeEntries(db, schedule.guildId, schedule.kind), historyOf(db, schedule.id)]);
  return chooseNext(schedule.id, entries, history)?.entry;
}

/** Chooses the next entry for an occurrence being claimed and records the choice, in the caller's transaction. */
export async function pickFor(
  trx: Db,
  schedule: { readonly id: number; readonly guildId: string; readonly kind: LibraryKind },
  occurrenceId: number,
  now: Date,
): Promise<LibraryEntry | undefined> {
  const [entries, history] = await Promise.all([activeEntries(trx, schedule.guildId, schedule.kind), historyOf(trx, schedule.id)]);
  const choice = chooseNext(schedule.id, entries, history);
  if (choice === undefined) return undefined;
  await trx
    .insertInto('ritual_rotation')
    .values({ schedule_id: schedule.id, cycle: choice.cycle, entry_id: choice.entry.id, occurrence_id: occurrenceId, picked_at: now.toISOString() })
    .execute();
  return choice.entry;
}
