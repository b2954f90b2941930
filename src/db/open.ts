import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Logger } from '../logger.js';
import { openDatabase, type Db } from './connection.js';
import { migrate } from './migrator.js';
import { acquireProcessLock, DatabaseInUseError } from './process-lock.js';
import { describeTarget, type DatabaseTarget } from './target.js';

/**
 * Opening the database at start: reach it (PostgreSQL may still be starting, so a few tries), run
 * the migrations, and hand back the connection the bot runs on. When it can't, a
 * `DatabaseStartError` says in plain words what to fix, naming the server without its password.
 */

export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

/** How long a migration may wait for another process's writes (three bots starting at once). */
const MIGRATION_BUDGET_MS = 60_000;

export interface OpenOptions {
  readonly logger: Logger;
  /** Tries to reach PostgreSQL before giving up (the first one included). */
  readonly attempts?: number;
  /** Pause before the second try; doubles after each. */
  readonly firstPauseMs?: number;
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

// "The server isn't there (yet)": worth another try at start.
const UNREACHABLE: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '57P03', '53300']);
const isUnreachable = (error: unknown) => UNREACHABLE.has(codeOf(error) ?? '') || (error instanceof Error && /timeout|terminated/i.test(error.message));

/** What a person reads when PostgreSQL refused or couldn't be reached: what to fix, never the password. */
export function explainPostgresError(error: unknown, target: DatabaseTarget): string {
  const where = `PostgreSQL at ${describeTarget(target)} (DATABASE_URL)`;
  const code = codeOf(error);
  if (code === '28P01' || code === '28000') return `${where} refused the user name or password. Check the user and password in DATABASE_URL.`;
  if (code === '3D000') return `${where}: that database does not exist. Create it (for example \`createdb roots\`) or fix the database name at the end of DATABASE_URL.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${where}: the host name could not be found. Check the host in DATABASE_URL.`;
  if (code === '42501') return `${where}: the user may not create or change the bot's tables. Give it ownership of the database (ALTER DATABASE … OWNER TO …).`;
  if (code === '53300') return `${where} has no free connections. Raise max_connections or stop other clients.`;
  if (isUnreachable(error)) return `${where} could not be reached. Check that the server is running and accepts connections on that host and port (pg_isready), and that DATABASE_URL is right.`;
  return `${where} answered with an error: ${error instanceof Error ? error.message : String(error)}`;
}

async function reach(db: Db, target: DatabaseTarget, options: OpenOptions): Promise<void> {
  const attempts = options.attempts ?? 6;
  let pause = options.firstPauseMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (error) {
      if (!isUnreachable(error) || attempt >= attempts) throw new DatabaseStartError(explainPostgresError(error, target), { cause: error });
      options.logger.warn({ attempt, attempts, database: describeTarget(target), code: codeOf(error) }, 'PostgreSQL is not answering yet; trying again');
      await sleep(pause);
      pause *= 2;
    }
  }
}

/** Opens `target` and brings its schema up to date; the bot then runs on what this returns. */
export async function openMigratedDatabase(target: DatabaseTarget, options: OpenOptions): Promise<Db> {
  if (target.kind === 'sqlite') {
    let lock;
    try {
      lock = target.path === ':memory:' ? undefined : acquireProcessLock(target.path);
    } catch (error) {
      if (error instanceof DatabaseInUseError) throw new DatabaseStartError(error.message, { cause: error });
      throw error;
    }
    const db = openDatabase(target, lock ? { onDestroy: () => lock.release() } : {});
    try {
      await migrate(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return db;
  }
  const migrating = openDatabase(target, { budgetMs: MIGRATION_BUDGET_MS });
  try {
    await reach(migrating, target, options);
    // Several processes starting at once migrate one at a time (the dialect's migration lock).
    await migrate(migrating);
  } finally {
    await migrating.destroy();
  }
  // Once running, a server that goes away is no reason to stop: the pool drops the broken
  // connection and the next query opens a new one; meanwhile work fails, is logged, and is retried.
  return openDatabase(target, {
    onConnectionError: (error) => options.logger.warn({ err: error, database: describeTarget(target) }, 'a PostgreSQL connection broke; the next query opens a new one'),
  });
}
