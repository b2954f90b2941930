import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary folder, listening
 * on a loopback port, removed when stopped. Its superuser `roots` is trusted (no password); every
 * other user must give a password, as on a real server, so a wrong one is refused (the tests of a
 * bad DATABASE_URL need that). Finds initdb and pg_ctl on PATH
 * or under /usr/lib/postgresql/<version>/bin (Debian's `postgresql` package). PostgreSQL refuses
 * to run as root, so as root the server runs as the `postgres` user the package creates.
 */

export interface Cluster {
  /** A URL for the cluster's `postgres` database, as a superuser. */
  readonly url: string;
  stop(): Promise<void>;
}

export const POSTGRES_HOW_TO = 'Install PostgreSQL (Debian/Ubuntu: apt-get install -y postgresql; macOS: brew install postgresql) and run `npm run test:postgres`, or set TEST_DATABASE_URL to a server where the user may create databases.';

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL isn't installed. */
export function findPostgresBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim() !== '') {
    const dir = path.dirname(onPath.stdout.trim());
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(path.join(debian, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(debian, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startThrowawayCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roots-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // As root: run the server's tools as `postgres`, who must own the folder.
  const run = (tool: string, args: readonly string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : [...args];
    execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  try {
    // C collation: text (ISO timestamps, snowflakes) sorts by bytes, exactly as SQLite sorts it.
    run('initdb', ['-D', data, '-U', 'roots', '-A', 'trust', '--locale=C', '-E', 'UTF8', '--no-sync']);
    // The first matching line wins: the superuser over the socket and loopback, then passwords.
    writeFileSync(
      path.join(data, 'pg_hba.conf'),
      ['local all all trust', 'host all roots 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 scram-sha-256', ''].join('\n'),
    );
    // fsync off: a throwaway cluster; speed matters, durability doesn't.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start a throwaway PostgreSQL from ${bin}`, { cause: error });
  }
  return {
    url: `postgres://roots@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs one statement as the server's administrator (CREATE DATABASE can't run in a transaction). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}
