import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { DatabaseStartError, openMigratedDatabase } from '../../src/db/open.js';
import { passwordOf } from '../../src/db/target.js';
import { explainStartFailure } from '../../src/lifecycle.js';
import { createLogger } from '../../src/logger.js';
import { freshTarget, postgresUrl, testDialect } from '../support/database.js';

/**
 * PostgreSQL that can't be used: down at start, a database that doesn't exist, connections cut
 * while the bot runs. The message names what to fix and never the password, in the terminal or
 * the log; once running, the bot rides out a server restart.
 */

const PASSWORD = 'hunter2-not-for-logs';

function capturingLogger(secrets: readonly string[]) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', secrets, destination }), lines };
}

describe('PostgreSQL that cannot be used', () => {
  it('a server that is down at start: tried a few times, then a plain message without the password', async () => {
    // Port 1 on loopback: nothing listens there.
    const target = { kind: 'postgres', url: `postgres://roots:${PASSWORD}@127.0.0.1:1/roots` } as const;
    const { logger, lines } = capturingLogger([passwordOf(target) ?? '']);
    const failure = await openMigratedDatabase(target, { logger, attempts: 3, firstPauseMs: 10 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseStartError);
    const message = explainStartFailure(failure, undefined);
    expect(message).toBe(
      'Roots Bot could not start: PostgreSQL at postgres://roots:***@127.0.0.1:1/roots (DATABASE_URL) could not be reached. Check that the server is running and accepts connections on that host and port (pg_isready), and that DATABASE_URL is right.',
    );
    expect(lines.filter((line) => line.includes('trying again'))).toHaveLength(2);
    // Even an error object logged whole can't carry it out.
    logger.error({ err: failure, url: target.url }, 'could not start');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.join('')).not.toContain(PASSWORD);
  });

  if (testDialect === 'postgres') {
    it('a database that does not exist: says to create it', async () => {
      const url = new URL(postgresUrl());
      url.pathname = '/no_such_database';
      const failure = await openMigratedDatabase({ kind: 'postgres', url: url.toString() }, { logger: capturingLogger([]).logger, attempts: 1 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseStartError);
      expect(String((failure as Error).message)).toMatch(/no_such_database \(DATABASE_URL\): that database does not exist\. Create it/);
    });

    it('connections cut while running (a server restart): the next query opens a new one, nothing crashes', async () => {
      const fresh = await freshTarget();
      // Named, so only this test's connections are cut (the run's other tests share the database).
      const url = new URL(fresh.kind === 'postgres' ? fresh.url : '');
      url.searchParams.set('application_name', 'roots-cut-test');
      const errors: Error[] = [];
      const db = openDatabase({ kind: 'postgres', url: url.toString() }, { onConnectionError: (error) => errors.push(error) });
      try {
        await sql`select 1`.execute(db);
        // What a restart does to every connection the bot holds.
        const admin = openDatabase({ kind: 'postgres', url: postgresUrl() });
        await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'roots-cut-test'`.execute(admin);
        await admin.destroy();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(db);
        expect(rows).toEqual([{ ok: 1 }]);
        expect(errors.length).toBeGreaterThan(0); // the idle connection's end was heard, not thrown
      } finally {
        await db.destroy();
      }
    });
  }
});
