import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Waiting for a database another process has locked, without ever blocking the event loop.
 *
 * better-sqlite3 is synchronous: with SQLite's own `busy_timeout` a locked file freezes the whole
 * process (every interaction, every timer) for as long as the timeout. So the connection's busy
 * timeout is zero, and this driver does the waiting instead: a statement that meets SQLITE_BUSY is
 * retried after an asynchronous pause, backing off, for a bounded budget, and then fails with a
 * typed `DatabaseBusyError` the router turns into a kind "try again" for the member.
 *
 * Transactions begin IMMEDIATE, so the write lock is taken at BEGIN: that is where a busy database
 * shows itself, before anything was done, and where retrying is always safe. While BEGIN (or a
 * statement outside any transaction) waits, the single connection is handed back, so reads and
 * other work go on meanwhile (WAL lets reads run beside another process's write lock).
 */

/** How long one statement may wait for a locked database before giving up. */
export const DEFAULT_BUSY_BUDGET_MS = 1500;
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 200;

export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError';
  constructor(
    readonly waitedMs: number,
    options: { cause: unknown },
  ) {
    super(`The database stayed locked by another connection for ${Math.round(waitedMs)} ms`, options);
  }
}

/** True for a DatabaseBusyError anywhere in an error's chain of causes. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    if (current instanceof DatabaseBusyError) return true;
  }
  return false;
}

function isBusy(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return false;
  return error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED');
}

/**
 * What one piece of work (an interaction) has committed so far, so a "nothing was saved" is only
 * ever said when it is true.
 */
export interface WriteRecord {
  wrote: boolean;
}

const writes = new AsyncLocalStorage<WriteRecord>();

/** Runs `work`, noting in `record` whether any of its statements committed a change. */
export function recordingWrites<T>(record: WriteRecord, work: () => Promise<T>): Promise<T> {
  return writes.run(record, work);
}

/** Counts a committed change toward the current piece of work's record (see recordingWrites). */
export function noteWrite(): void {
  const record = writes.getStore();
  if (record) record.wrote = true;
}

// Only a SELECT is known to change nothing; raw SQL and everything else may write.
export const mayWrite = (query: CompiledQuery): boolean => query.query.kind !== 'SelectQueryNode';

export interface BusyOptions {
  readonly budgetMs?: number;
  /** Runs once the database is closed (releases the process lock, see process-lock.ts). */
  readonly onDestroy?: () => void;
}

interface Lease {
  release(): Promise<void>;
  reacquire(): Promise<void>;
}

/** Wraps kysely's own connection: every statement goes through `retry`. */
class WaitingConnection implements DatabaseConnection {
  /** A write ran inside the open transaction; it counts once COMMIT succeeds. */
  pendingWrite = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly sqlite: BetterSqlite3.Database,
    private readonly lease: Lease,
    private readonly budgetMs: number,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.retry(() => this.inner.executeQuery<R>(query));
    if (mayWrite(query)) {
      if (this.sqlite.inTransaction) this.pendingWrite = true;
      else noteWrite();
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // Streams are SELECTs only (kysely refuses others); a busy one surfaces to the caller as is.
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  /**
   * Runs `attempt` until it isn't busy, pausing asynchronously between tries. Outside a
   * transaction the connection is handed back during each pause, so other work goes on; inside one
   * it must stay ours, or someone else's statements would run in our transaction.
   */
  async retry<T>(attempt: () => Promise<T>): Promise<T> {
    const started = performance.now();
    for (let tries = 0; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isBusy(error)) throw error;
        const waited = performance.now() - started;
        const left = this.budgetMs - waited;
        if (left <= 0) throw new DatabaseBusyError(waited, { cause: error });
        // Jittered, so several waiters don't all knock at the same moment.
        const pause = Math.min(left, Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** tries) * (0.75 + Math.random() / 2));
        if (this.sqlite.inTransaction) {
          await sleep(pause);
        } else {
          await this.lease.release();
          try {
            await sleep(pause);
          } finally {
            await this.lease.reacquire();
          }
        }
      }
    }
  }
}

/**
 * Kysely's SqliteDriver (one connection behind a mutex) with busy waits done asynchronously.
 * Releasing and re-acquiring through the inner driver hands back the same single connection.
 */
export class BusyWaitingDriver implements Driver {
  readonly #inner: SqliteDriver;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #budgetMs: number;
  readonly #onDestroy: (() => void) | undefined;
  #connection: WaitingConnection | undefined;

  constructor(sqlite: BetterSqlite3.Database, options: BusyOptions = {}) {
    this.#sqlite = sqlite;
    this.#inner = new SqliteDriver({ database: sqlite });
    this.#budgetMs = options.budgetMs ?? DEFAULT_BUSY_BUDGET_MS;
    this.#onDestroy = options.onDestroy;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#inner.acquireConnection();
    if (this.#connection?.inner !== inner) {
      const lease: Lease = {
        release: () => this.#inner.releaseConnection(),
        reacquire: async () => {
          const again = await this.#inner.acquireConnection();
          // SqliteDriver has exactly one connection; anything else would break the hand-back.
          if (again !== inner) throw new Error('SqliteDriver handed back a different connection');
        },
      };
      this.#connection = new WaitingConnection(inner, this.#sqlite, lease, this.#budgetMs);
    }
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    const waiting = this.#own(connection);
    waiting.pendingWrite = false;
    // IMMEDIATE takes the write lock now, so a busy database is met here, before any work.
    await waiting.retry(() => waiting.inner.executeQuery(CompiledQuery.raw('begin immediate')));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const waiting = this.#own(connection);
    // A COMMIT that meets SQLITE_BUSY leaves the transaction open and may be retried; if it never
    // gets through, the error goes to kysely, which rolls back, so nothing is half-written.
    await waiting.retry(() => waiting.inner.executeQuery(CompiledQuery.raw('commit')));
    if (waiting.pendingWrite) noteWrite();
    waiting.pendingWrite = false;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const waiting = this.#own(connection);
    waiting.pendingWrite = false;
    // SQLite may already have rolled back by itself (after SQLITE_BUSY, SQLITE_FULL…); a ROLLBACK
    // then would fail and hide the error that matters.
    if (!this.#sqlite.inTransaction) return;
    await waiting.inner.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.#inner.savepoint(connection, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.#inner.rollbackToSavepoint(connection, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.#inner.releaseSavepoint(connection, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#own(connection);
    return this.#inner.releaseConnection();
  }

  async destroy(): Promise<void> {
    try {
      await this.#inner.destroy();
    } finally {
      this.#onDestroy?.();
    }
  }

  #own(connection: DatabaseConnection): WaitingConnection {
    if (!(connection instanceof WaitingConnection)) throw new TypeError('a connection from another driver');
    return connection;
  }
}

/** SQLite through better-sqlite3, as kysely's SqliteDialect, with the driver above. */
export class BusyWaitingSqliteDialect implements Dialect {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly options: BusyOptions = {},
  ) {}

  createDriver(): Driver {
    return new BusyWaitingDriver(this.sqlite, this.options);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector<DB>(db: Kysely<DB>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
