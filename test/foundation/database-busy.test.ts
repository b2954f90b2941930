import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { BusyWaitingSqliteDialect, DatabaseBusyError, recordingWrites, type WriteRecord } from '../../src/db/busy.js';
import { openDatabase } from '../../src/db/connection.js';

interface Tables {
  notes: { text: string };
}

const BUDGET_MS = 400;
const opened: { close(): unknown }[] = [];

function file(): string {
  return `${mkdtempSync(`${tmpdir()}/roots-busy-`)}/test.sqlite`;
}

/** The bot's way of opening the file, with a short budget so the tests stay quick. */
async function botDatabase(path: string): Promise<Kysely<Tables>> {
  const db = openDatabase({ kind: 'sqlite', path }, { budgetMs: BUDGET_MS }) as unknown as Kysely<Tables>;
  await sql`create table if not exists notes (text text not null)`.execute(db);
  opened.push({ close: () => db.destroy() });
  return db;
}

/** Another process's connection (a backup, a `sqlite3` shell), as raw better-sqlite3. */
function otherConnection(path: string): SQLite.Database {
  const other = new SQLite(path);
  opened.push(other);
  return other;
}

const insert = (db: Kysely<Tables>, text: string) => db.transaction().execute((tx) => tx.insertInto('notes').values({ text }).execute());
const texts = async (db: Kysely<Tables>) => (await db.selectFrom('notes').select('text').execute()).map((row) => row.text);

/** Counts timer ticks, to show the event loop kept running while the database was locked. */
function ticking(): { stop(): { ticks: number; longestGapMs: number } } {
  let ticks = 0;
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
    ticks += 1;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return { ticks, longestGapMs: longest };
    },
  };
}

afterEach(async () => {
  for (const handle of opened.splice(0).reverse()) await handle.close();
});

describe('a database another connection has locked', () => {
  it('is waited for asynchronously: the write goes through once the lock is gone, and timers keep firing', async () => {
    const path = file();
    const db = await botDatabase(path);
    const other = otherConnection(path);
    other.exec('BEGIN EXCLUSIVE');
    setTimeout(() => other.exec('COMMIT'), 150);

    const clock = ticking();
    await insert(db, 'after the lock');
    const { ticks, longestGapMs } = clock.stop();

    expect(await texts(db)).toEqual(['after the lock']);
    expect(ticks).toBeGreaterThan(10);
    expect(longestGapMs).toBeLessThan(100);
  });

  it('gives up after the budget with a DatabaseBusyError, having written nothing', async () => {
    const path = file();
    const db = await botDatabase(path);
    const other = otherConnection(path);
    other.exec('BEGIN EXCLUSIVE');

    const clock = ticking();
    const started = performance.now();
    const error: unknown = await insert(db, 'never').catch((e: unknown) => e);
    const took = performance.now() - started;
    const { longestGapMs } = clock.stop();
    other.exec('COMMIT');

    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect((error as DatabaseBusyError).cause).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(took).toBeGreaterThanOrEqual(BUDGET_MS - 5);
    expect(took).toBeLessThan(BUDGET_MS + 300);
    expect(longestGapMs).toBeLessThan(100);
    expect(await texts(db)).toEqual([]);
  });

  it('lets reads go on while a write waits for the lock', async () => {
    const path = file();
    const db = await botDatabase(path);
    await insert(db, 'before');
    const other = otherConnection(path);
    other.exec('BEGIN EXCLUSIVE');
    setTimeout(() => other.exec('COMMIT'), 300);

    const write = insert(db, 'after');
    await sleep(20);
    const started = performance.now();
    // WAL lets a reader through another's write lock; the waiting write must not hold the one
    // connection meanwhile.
    expect(await texts(db)).toEqual(['before']);
    expect(performance.now() - started).toBeLessThan(100);
    await write;
    expect(await texts(db)).toEqual(['before', 'after']);
  });

  it('retries a busy COMMIT, and rolls it back when the lock outlasts the budget: never half-written', async () => {
    // In a rollback-journal database a COMMIT needs every reader gone: the one way a COMMIT itself
    // meets SQLITE_BUSY (in WAL, BEGIN IMMEDIATE meets it first).
    const path = file();
    const sqlite = new SQLite(path, { timeout: 0 });
    sqlite.pragma('journal_mode = DELETE');
    const db = new Kysely<Tables>({ dialect: new BusyWaitingSqliteDialect(sqlite, { budgetMs: BUDGET_MS }) });
    opened.push({ close: () => db.destroy() });
    await sql`create table notes (text text not null)`.execute(db);
    const reader = otherConnection(path);

    const read = () => {
      reader.exec('BEGIN');
      reader.prepare('select count(*) from notes').get();
    };
    read();
    const error: unknown = await insert(db, 'rolled back').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(sqlite.inTransaction).toBe(false);
    reader.exec('COMMIT');
    expect(await texts(db)).toEqual([]);

    read();
    setTimeout(() => reader.exec('COMMIT'), 100);
    await insert(db, 'committed on a retry');
    expect(await texts(db)).toEqual(['committed on a retry']);
  });
});

describe('recordingWrites', () => {
  it('notes a committed write, and not a read or a write that rolled back', async () => {
    const path = file();
    const db = await botDatabase(path);
    const record = async (work: () => Promise<unknown>): Promise<boolean> => {
      const writes: WriteRecord = { wrote: false };
      await recordingWrites(writes, work).catch(() => undefined);
      return writes.wrote;
    };

    expect(await record(() => texts(db))).toBe(false);
    expect(await record(() => db.transaction().execute((tx) => tx.selectFrom('notes').selectAll().execute()))).toBe(false);
    expect(
      await record(() =>
        db.transaction().execute(async (tx) => {
          await tx.insertInto('notes').values({ text: 'undone' }).execute();
          throw new Error('changed my mind');
        }),
      ),
    ).toBe(false);
    expect(await record(() => insert(db, 'kept'))).toBe(true);
    expect(await record(() => db.deleteFrom('notes').execute())).toBe(true);
  });
});
