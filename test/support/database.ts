import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { WRITE_LOCK } from '../../src/db/postgres.js';
import type { DatabaseTarget } from '../../src/db/target.js';
import { adminQuery } from './postgres-cluster.js';

/**
 * The database a test runs on. The `bot` project runs every test on SQLite; the `bot-postgres`
 * project (vitest.config.ts) runs the storage and end-to-end tests again with ROOTS_TEST_DIALECT
 * set, each test on a fresh schema of a PostgreSQL database its global setup made.
 */

export type TestDialect = DatabaseTarget['kind'];

export const testDialect: TestDialect = process.env.ROOTS_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** The PostgreSQL database the run made (test/support/postgres-setup.ts). */
export function postgresUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('No PostgreSQL for this test: run it in the bot-postgres project (npm run test:postgres).');
  return url;
}

/** A URL whose connections see only `schema`: a database of their own, at the cost of a CREATE SCHEMA. */
async function freshSchemaUrl(): Promise<string> {
  const base = postgresUrl();
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await adminQuery(base, `create schema ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A new, empty database on this run's dialect (a file for SQLite, so other processes can open it). */
export async function freshTarget(dialect: TestDialect = testDialect): Promise<DatabaseTarget> {
  if (dialect === 'postgres') return { kind: 'postgres', url: await freshSchemaUrl() };
  return { kind: 'sqlite', path: `${mkdtempSync(`${tmpdir()}/roots-test-`)}/bot.sqlite` };
}

/** An empty database for a storage test: in memory on SQLite, a fresh schema on PostgreSQL. */
export async function openTestDatabase(dialect: TestDialect = testDialect): Promise<Db> {
  return openDatabase(dialect === 'postgres' ? await freshTarget('postgres') : { kind: 'sqlite', path: ':memory:' });
}

/**
 * Another process holding the database's write lock, as a backup or a long transaction would:
 * an exclusive transaction on SQLite, the bot's write lock on PostgreSQL.
 */
export interface HeldLock {
  release(): Promise<void>;
}

export async function holdWriteLock(target: DatabaseTarget): Promise<HeldLock> {
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query(`select pg_advisory_lock(${WRITE_LOCK})`);
    return {
      async release() {
        await client.query(`select pg_advisory_unlock(${WRITE_LOCK})`);
        await client.end();
      },
    };
  }
  // Without a synchronous busy wait (it would freeze this process, the bot's too): try again until
  // the bot's start-up writes are done.
  const other = new SQLite(target.path, { timeout: 0 });
  for (let tries = 0; ; tries++) {
    try {
      other.exec('BEGIN EXCLUSIVE');
      break;
    } catch (error) {
      if (tries > 100) throw error;
      await sleep(20);
    }
  }
  return {
    async release() {
      other.exec('COMMIT');
      other.close();
    },
  };
}
