import pg from 'pg';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
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
import { DEFAULT_BUSY_BUDGET_MS, DatabaseBusyError, mayWrite, noteWrite, type BusyOptions } from './busy.js';
import { serverWrittenFor } from './write-scope.js';

/**
 * PostgreSQL with the same guarantees the code was written for on SQLite.
 *
 * On SQLite a transaction begins IMMEDIATE: it holds the one write lock from its first statement,
 * so "read, decide, write" inside a transaction can't be interleaved by another process. Every
 * "once" rule of the bot (the ritual ledger's claims, the nudges' "at most once", protocol steps)
 * leans on that, plus unique constraints and compare-and-set updates. PostgreSQL's default READ
 * COMMITTED would let two processes read the same row and both act on it; so here every write
 * (every transaction, and every write statement outside one) first takes a transaction-scoped
 * advisory lock shared by all the bot's processes. Reads never take one. Unique constraints and
 * compare-and-set updates hold on PostgreSQL as they are.
 *
 * One lock for every write made PostgreSQL no faster than SQLite's single writer with many servers
 * busy at once. But every "read, decide, write" rule is about one server's rows (every table is
 * keyed by server), so work that writes for one server only (an interaction in a server, see
 * write-scope.ts) takes the write lock shared plus that server's own lock, exclusive: writes for
 * different servers run side by side, two for the same server still take turns. Work for no one
 * server (DMs, a ticker's claims across servers, the dashboard) takes the write lock exclusive,
 * which waits for every server's writes and holds them off, exactly as before.
 *
 * Like SQLite's busy wait, each lock is waited for within a budget (`lock_timeout`); past it the
 * work fails with `DatabaseBusyError` before anything was written, so the member can be told to try
 * again, truthfully.
 */

/*
 * Advisory locks belong to the whole database, but the rows they guard are those of the schema the
 * bot works in: each lock is keyed by that schema too, so bots (or test runs) in other schemas of
 * one database never wait on each other. Arbitrary constants name the spaces, in ASCII.
 */
const WRITE_LOCK_SPACE = 0x526f6f74; // "Root"
const SERVER_LOCK_SPACE = 0x53727672; // "Srvr"
const MIGRATION_LOCK_SPACE = 0x4d696772; // "Migr"

/** The arguments of the advisory lock every write of the bot takes, for the schema it works in. */
export const WRITE_LOCK = `${WRITE_LOCK_SPACE}, hashtext(current_schema())`;

/** The locks a write takes: for one server, or for all of them. */
function writeLocks(server: string | undefined): string {
  if (server === undefined) return `select pg_advisory_xact_lock(${WRITE_LOCK})`;
  // Shared first, then the server's: always in this order, so two writers never wait on each other crosswise.
  return `select pg_advisory_xact_lock_shared(${WRITE_LOCK}); select pg_advisory_xact_lock(${SERVER_LOCK_SPACE}, hashtext(current_schema() || '/' || '${server}'))`;
}

// SQLSTATE lock_not_available: lock_timeout ran out.
const LOCK_NOT_AVAILABLE = '55P03';

/** Backstop for one statement, so a stuck query can't hold an interaction (or a lock) forever. */
const STATEMENT_TIMEOUT_MS = 30_000;

const sqlstateOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

// COUNT(*) and SUM() come back as int8, which pg hands over as a string (it can exceed 2^53). The
// bot's counts are far below that, and SQLite gives numbers: parse them so both dialects agree.
const INT8_OID = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

// kysely's own connection type for pg, which its driver wants back on release.
type PgConnection = Parameters<PostgresDriver['releaseConnection']>[0];

class LockingConnection implements DatabaseConnection {
  inTransaction = false;
  pendingWrite = false;

  constructor(
    readonly inner: PgConnection,
    private readonly budgetMs: number,
  ) {}

  /** BEGIN, then the write locks within the budget; on a timeout, rolled back and a typed error. */
  async begin(begin: string): Promise<void> {
    const started = performance.now();
    // One round trip (the simple protocol allows several statements). lock_timeout goes back to
    // none after the locks: everything else in the transaction runs under them anyway. The server's
    // ID is a Discord ID (digits only, write-scope.ts checks), safe as a literal.
    const sql = `${begin}; set local lock_timeout = ${Math.max(1, Math.round(this.budgetMs))}; ${writeLocks(serverWrittenFor())}; set local lock_timeout = 0`;
    try {
      await this.inner.executeQuery(CompiledQuery.raw(sql));
    } catch (error) {
      await this.inner.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
      if (sqlstateOf(error) === LOCK_NOT_AVAILABLE) throw new DatabaseBusyError(performance.now() - started, { cause: error });
      throw error;
    }
    this.inTransaction = true;
    this.pendingWrite = false;
  }

  async end(command: 'commit' | 'rollback'): Promise<void> {
    try {
      await this.inner.executeQuery(CompiledQuery.raw(command));
      if (command === 'commit' && this.pendingWrite) noteWrite();
    } finally {
      this.inTransaction = false;
      this.pendingWrite = false;
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) {
      const result = await this.inner.executeQuery<R>(query);
      if (mayWrite(query)) this.pendingWrite = true;
      return result;
    }
    if (!mayWrite(query)) return this.inner.executeQuery<R>(query);
    // A write on its own gets a transaction of its own, so it takes the lock like any other.
    await this.begin('begin');
    let result: QueryResult<R>;
    try {
      result = await this.inner.executeQuery<R>(query);
      this.pendingWrite = true;
    } catch (error) {
      await this.end('rollback').catch(() => undefined);
      throw error;
    }
    await this.end('commit');
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class LockingPostgresDriver implements Driver {
  readonly #inner: PostgresDriver;
  readonly #budgetMs: number;
  readonly #wrapped = new WeakMap<PgConnection, LockingConnection>();

  constructor(pool: pg.Pool, options: BusyOptions) {
    this.#inner = new PostgresDriver({ pool });
    this.#budgetMs = options.budgetMs ?? DEFAULT_BUSY_BUDGET_MS;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = (await this.#inner.acquireConnection()) as PgConnection;
    let wrapped = this.#wrapped.get(inner);
    if (!wrapped) {
      wrapped = new LockingConnection(inner, this.#budgetMs);
      this.#wrapped.set(inner, wrapped);
    }
    return wrapped;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let begin = 'begin';
    if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) begin += ` ${settings.accessMode}`;
    await this.#own(connection).begin(begin);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#own(connection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#own(connection).end('rollback');
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.savepoint(this.#own(connection).inner, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.rollbackToSavepoint(this.#own(connection).inner, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.releaseSavepoint(this.#own(connection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const own = this.#own(connection);
    own.inTransaction = false;
    return this.#inner.releaseConnection(own.inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }

  #own(connection: DatabaseConnection): LockingConnection {
    if (!(connection instanceof LockingConnection)) throw new TypeError('a connection from another driver');
    return connection;
  }
}

export interface PostgresOptions extends BusyOptions {
  /** Told about a pooled connection that broke while idle (the server restarted, the network dropped). */
  readonly onConnectionError?: (error: Error) => void;
}

/** A pool for `url`: a broken connection is dropped and the next query opens a new one. */
export function createPool(url: string, options: Pick<PostgresOptions, 'onConnectionError'> = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: 10,
    // pg-pool counts waiting for a free pooled connection in this too, not only connecting: a burst
    // of work (every server's settings at start) queues behind the write lock meanwhile.
    connectionTimeoutMillis: 20_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
  });
  // pg emits 'error' on a client whose connection ends unexpectedly (a server restart, a lost
  // network), idle in the pool or checked out by work under way; without a listener that would
  // crash the process. The work itself gets its own error from its query. Each client is heard
  // once here, so the pool's own report of an idle one (always a listener, or it would throw too)
  // is not repeated.
  pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Kysely's PostgreSQL adapter, but its migration lock taken as a plain select. Kysely takes that
 * lock with a raw statement, which the connection above counts as a write and so takes under the
 * write lock: a process starting its migrations then waited for the write lock while holding the
 * migration lock, as another held the write lock waiting for the migration lock. Two bots (shards)
 * starting at once deadlocked. As a select it waits for the migration lock alone, and the
 * migrations' own transaction then takes the write lock like any other. Keyed by schema, as above.
 */
class MigrationLockAdapter extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await db.selectNoFrom(sql<boolean>`pg_advisory_lock(${sql.lit(MIGRATION_LOCK_SPACE)}, hashtext(current_schema()))`.as('locked')).execute();
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await db.selectNoFrom(sql<boolean>`pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_SPACE)}, hashtext(current_schema()))`.as('unlocked')).execute();
  }
}

/** PostgreSQL through `pg`, as kysely's PostgresDialect, with the write lock above. */
export class LockingPostgresDialect implements Dialect {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: BusyOptions = {},
  ) {}

  createDriver(): Driver {
    return new LockingPostgresDriver(this.pool, this.options);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new MigrationLockAdapter();
  }

  createIntrospector<DB>(db: Kysely<DB>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
