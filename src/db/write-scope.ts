import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The one server a piece of work writes for, when it writes for one only: an interaction in a
 * server touches that server's rows and nothing else (every table is keyed by server, and the
 * router gives handlers nothing of another). On PostgreSQL, work for different servers may then
 * write at the same time, while work for the same server (two clicks at once) still takes turns;
 * see postgres.ts. Work without a server (DMs, tickers' claims across servers, the dashboard's
 * sessions) writes alone, as before. SQLite has one writer whatever this says.
 */

const server = new AsyncLocalStorage<string>();

// Discord IDs only: the ID goes into the lock statement as a literal.
const SNOWFLAKE = /^\d{1,20}$/;

/** Runs `work` as writing for `guildId` only; without one (or with anything but an ID), as writing for no one server. */
export function writingForServer<T>(guildId: string | null | undefined, work: () => Promise<T>): Promise<T> {
  if (guildId === null || guildId === undefined || !SNOWFLAKE.test(guildId)) return server.exit(work);
  return server.run(guildId, work);
}

/** The server the current work writes for, if it writes for one only. */
export function serverWrittenFor(): string | undefined {
  return server.getStore();
}
