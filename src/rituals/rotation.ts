import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { activeEntries } from './library.js';
import type { LibraryEntry, LibraryKind } from './model.js';

/**
 * Which entry a server's ritual posts next. The rotation is the server's, per library kind: all
 * its poem rituals (or podcast rituals) together go through the whole library before anything
 * repeats in the server (a cycle), in an order shuffled per server and per cycle so two servers,
 * or two years, don't read alike. The order is a hash, not a random draw, so the same history
 * always leads to the same choice.
 */

interface Pick {
  readonly cycle: number;
  readonly entryId: number;
  /** Grows with every pick, so it orders picks even within one tick. */
  readonly sequence: number;
}

/** Whose rotation: one server's library of one kind. */
export interface Library {
  readonly guildId: string;
  readonly kind: LibraryKind;
}

const seedOf = (library: Library) => `${library.guildId}:${library.kind}`;

export interface Choice {
  readonly entry: LibraryEntry;
  readonly cycle: number;
}

const order = (seed: string, cycle: number, entryId: number) => createHash('sha256').update(`${seed}:${cycle}:${entryId}`).digest('hex');

/** The next entry given the library's history (`seed` shuffles the order); undefined when the library is empty. */
export function chooseNext(seed: string, entries: readonly LibraryEntry[], history: readonly Pick[]): Choice | undefined {
  if (entries.length === 0) return undefined;
  const latest = history.reduce<Pick | undefined>(
    (newest, pick) => (newest === undefined || pick.cycle > newest.cycle || (pick.cycle === newest.cycle && pick.sequence > newest.sequence) ? pick : newest),
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
  const [entry] = [...candidates].sort((a, b) => order(seed, cycle, a.id).localeCompare(order(seed, cycle, b.id)));
  return entry && { entry, cycle };
}

async function historyOf(db: Db, library: Library): Promise<Pick[]> {
  const rows = await db.selectFrom('ritual_rotation').select(['id', 'cycle', 'entry_id']).where('guild_id', '=', library.guildId).where('kind', '=', library.kind).execute();
  return rows.map((row) => ({ cycle: row.cycle, entryId: row.entry_id, sequence: row.id }));
}

/** What the library would post next, without using it up (for `/ritual preview`). */
export async function peekNext(db: Db, library: Library): Promise<LibraryEntry | undefined> {
  const [entries, history] = await Promise.all([activeEntries(db, library.guildId, library.kind), historyOf(db, library)]);
  return chooseNext(seedOf(library), entries, history)?.entry;
}

/** Chooses the next entry for an occurrence being claimed and records the choice, in the caller's transaction. */
export async function pickFor(
  trx: Db,
  library: Library,
  occurrenceId: number,
  now: Date,
): Promise<LibraryEntry | undefined> {
  const [entries, history] = await Promise.all([activeEntries(trx, library.guildId, library.kind), historyOf(trx, library)]);
  const choice = chooseNext(seedOf(library), entries, history);
  if (choice === undefined) return undefined;
  await trx
    .insertInto('ritual_rotation')
    .values({ guild_id: library.guildId, kind: library.kind, cycle: choice.cycle, entry_id: choice.entry.id, occurrence_id: occurrenceId, picked_at: now.toISOString() })
    .execute();
  return choice.entry;
}
