import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { DatabaseStartError, openMigratedDatabase } from '../../src/db/open.js';
import { passwordOf } from '../../src/db/target.js';
import { explainStartFailure } from '../../src/lifecycle.js';
import { createLogger } from '../../src/logger.js';
import { freshTarget, postgresUrl, testDialect } from '../support/database.js';
import { start } from '../support/entry-process.js';
import { adminQuery } from '../support/postgres-cluster.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { postsIn, startRitualBed } from '../e2e/rituals/support.js';

/**
 * PostgreSQL that can't be used: down at start, a database that doesn't exist, connections cut
 * while the bot runs. The message names what to fix and never the password, in the terminal or
 * the log; once running, the bot rides out a server restart.
 */

const PASSWORD = 'hunter2-not-for-logs';

/** The URL as the bot's messages show it (no password, no query). */
function describeUrl(url: string): string {
  const shown = new URL(url);
  shown.password = '***';
  shown.search = '';
  return shown.toString();
}

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
    /** A user of its own on the run's server, who must log in with `password` (the cluster asks users other than its superuser for one). */
    async function userWithPassword(password: string): Promise<{ readonly user: string; readonly urlWith: (password: string) => string }> {
      const user = `roots_pw_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await adminQuery(postgresUrl(), `create role ${user} login password '${password}'`);
      return {
        user,
        urlWith(given) {
          const url = new URL(postgresUrl());
          url.username = user;
          url.password = given;
          return url.toString();
        },
      };
    }

    it('a wrong password: refused at once (no retries), says to check the user and password, never shows it', async () => {
      const { user, urlWith } = await userWithPassword('the-right-one');
      // The right password gets in, so the refusal below is the password's doing and nothing else's.
      const right = openDatabase({ kind: 'postgres', url: urlWith('the-right-one') });
      await sql`select 1`.execute(right);
      await right.destroy();
      const wrong = urlWith(PASSWORD);
      const probe = openDatabase({ kind: 'postgres', url: wrong });
      const accepted = await sql`select 1`.execute(probe).then(() => true, () => false);
      await probe.destroy();
      if (accepted) throw new Error(`The PostgreSQL server in TEST_DATABASE_URL let ${user} in with a wrong password (it trusts loopback logins): this test needs password authentication for users other than the test's own (pg_hba.conf: scram-sha-256).`);

      const target = { kind: 'postgres', url: wrong } as const;
      const { logger, lines } = capturingLogger([passwordOf(target) ?? '']);
      const failure = await openMigratedDatabase(target, { logger, attempts: 3, firstPauseMs: 10 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseStartError);
      const message = explainStartFailure(failure, undefined);
      expect(message).toBe(`Roots Bot could not start: PostgreSQL at ${describeUrl(wrong)} (DATABASE_URL) refused the user name or password. Check the user and password in DATABASE_URL.`);
      // Retrying a refused password only fills the server's log; it is said at once.
      expect(lines.filter((line) => line.includes('trying again'))).toEqual([]);
      // Not in the message, nor anywhere in the error's chain of causes, nor a log line carrying it whole.
      const chain: string[] = [];
      for (let current: unknown = failure; current instanceof Error; current = current.cause) chain.push(current.message, current.stack ?? '', JSON.stringify(current));
      expect(chain.join('\n')).not.toContain(PASSWORD);
      expect(message).not.toContain(PASSWORD);
      logger.error({ err: failure, url: target.url }, 'could not start');
      await new Promise((resolve) => setImmediate(resolve));
      expect(lines.join('')).not.toContain(PASSWORD);
    });

    it('a wrong password for `npm start`: exit code 1, what to fix on the terminal, the password in no line it prints', async () => {
      const { urlWith } = await userWithPassword('the-right-one');
      const run = start({
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.not-a-real-token-only-its-shape',
        // Never reached: the database comes first.
        DISCORD_API_URL: 'http://127.0.0.1:1',
        DATABASE_URL: urlWith(PASSWORD),
        LOG_LEVEL: 'trace',
      });
      expect(await run.exited).toBe(1);
      expect(run.errors()).toContain('refused the user name or password. Check the user and password in DATABASE_URL.');
      expect(run.output()).toContain('"level":60');
      expect(run.output()).not.toContain(PASSWORD);
    }, 30_000);

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

    it('the server gone for a while once running: the bot stays up, members get the apology, the ritual due meanwhile posts once it is back', async () => {
      const fresh = await freshTarget();
      const real = new URL(fresh.kind === 'postgres' ? fresh.url : '');
      // The bot reaches PostgreSQL through a relay this test can cut, as a stopped server or a lost network would.
      const relay = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
      const through = new URL(real);
      through.port = String(relay.port);
      const rb = await startRitualBed('2026-03-02T08:00:00Z', { database: { kind: 'postgres', url: through.toString() } });
      try {
        await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London' });
        await relay.down();

        // The ritual falls due while the server is away: the tick fails, is logged, the process goes on.
        await rb.at('2026-03-02T09:00:00Z');
        expect(postsIn(rb, rb.poems)).toEqual([]);
        expect(rb.bed.logs.some((line) => line.msg.includes('it will try again on the next tick'))).toBe(true);
        // A member is answered in time, with the kind apology and a reference.
        const answer = await rb.asModerator('ritual list');
        expect(answer.content).toMatch(/^Sorry, something went wrong on my side/);
        await rb.at('2026-03-02T09:01:00Z');
        expect(postsIn(rb, rb.poems)).toEqual([]);

        // Back: the next tick posts it, once, and the bot answers again.
        await relay.up();
        await rb.at('2026-03-02T09:02:00Z');
        await rb.at('2026-03-02T09:03:00Z');
        expect(postsIn(rb, rb.poems)).toHaveLength(1);
        expect((await rb.asModerator('ritual list')).content).not.toMatch(/something went wrong/);
      } finally {
        await rb.close();
        await relay.close();
      }
    }, 30_000);
  }
});
