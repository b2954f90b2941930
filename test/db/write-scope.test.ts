import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrator.js';
import { writingForServer } from '../../src/db/write-scope.js';
import { openTestDatabase, testDialect } from '../support/database.js';

/**
 * Who may write at the same time. On PostgreSQL, work for two different servers writes side by
 * side; two pieces of work for the same server, or work for no one server beside anything, take
 * turns, as every write did before (postgres.ts). SQLite has one writer whatever the work is for.
 */

const A = '100000000000000001';
const B = '100000000000000002';
const HOLD_MS = 700;

/**
 * Opens a write transaction as `first`, then starts one as `second`, and says whether the second
 * got inside while the first was still open (the first holds on for HOLD_MS, or until it does).
 */
async function secondGetsInWhileFirstIsOpen(db: Db, first: string | null, second: string | null): Promise<boolean> {
  let firstInside!: () => void;
  const firstIn = new Promise<void>((resolve) => (firstInside = resolve));
  let secondInside = false;
  let secondIn!: () => void;
  const secondArrived = new Promise<void>((resolve) => (secondIn = resolve));
  const write = (trx: Db, guild: string, n: number) =>
    trx.insertInto('guild_settings').values({ guild_id: `${guild.slice(0, -3)}${n}`, time_zone: 'UTC', log_channel_id: null, created_at: 'now', updated_at: 'now' }).execute();

  let overlapped = false;
  const one = writingForServer(first, () =>
    db.transaction().execute(async (trx) => {
      await write(trx, first ?? A, 101);
      firstInside();
      await Promise.race([secondArrived, sleep(HOLD_MS)]);
      overlapped = secondInside;
    }),
  );
  await firstIn;
  const two = writingForServer(second, () =>
    db.transaction().execute(async (trx) => {
      secondInside = true;
      secondIn();
      await write(trx, second ?? B, 202);
    }),
  );
  await Promise.all([one, two]);
  const rows = await db.selectFrom('guild_settings').select('guild_id').execute();
  expect(rows).toHaveLength(2);
  return overlapped;
}

describe('writes side by side', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db);
  });
  afterEach(() => db.destroy());

  it(`two servers' writes: ${testDialect === 'postgres' ? 'at the same time' : 'one after the other (one writer)'}`, async () => {
    expect(await secondGetsInWhileFirstIsOpen(db, A, B)).toBe(testDialect === 'postgres');
  });

  it("the same server's writes take turns", async () => {
    expect(await secondGetsInWhileFirstIsOpen(db, A, A)).toBe(false);
  });

  it("work for no one server waits for a server's writes, and a server's writes wait for it", async () => {
    expect(await secondGetsInWhileFirstIsOpen(db, A, null)).toBe(false);
    await db.deleteFrom('guild_settings').execute();
    expect(await secondGetsInWhileFirstIsOpen(db, null, B)).toBe(false);
  });
});
