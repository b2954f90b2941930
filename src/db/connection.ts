import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { BusyWaitingSqliteDialect, type BusyOptions } from './busy.js';
import { createPool, LockingPostgresDialect, type PostgresOptions } from './postgres.js';
import type { Database } from './schema.js';
import type { DatabaseTarget } from './target.js';

export type Db = Kysely<Database>;

/**
 * Opens (creating if needed) the SQLite database. WAL lets readers run beside the one writer, and
 * foreign keys are off by default in SQLite so they must be turned on per connection.
 *
 * SQLite's own busy timeout is zero: better-sqlite3 waits it out synchronously, freezing every
 * interaction and timer in the process. A locked database is waited for asynchronously instead,
 * by the dialect (see busy.ts), for `budgetMs` per statement.
 */
function openSqlite(path: string, options: BusyOptions): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path, { timeout: 0 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // With WAL, NORMAL is still crash-safe for the database; only the last commits may roll back
  // on power loss, and the ledger's nonces cover that case for posts.
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new BusyWaitingSqliteDialect(sqlite, options) });
}

/**
 * Opens the database the target names. Nothing connects yet for PostgreSQL: the pool connects on
 * the first query (see checkReachable), and again after a connection broke.
 */
export function openDatabase(target: DatabaseTarget, options: PostgresOptions = {}): Db {
  if (target.kind === 'sqlite') return openSqlite(target.path, options);
  return new Kysely<Database>({ dialect: new LockingPostgresDialect(createPool(target.url, options), options) });
}

