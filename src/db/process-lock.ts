import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * SQLite serves one bot process. Two processes on one file would both run the schedulers, and the
 * code's "once" rules are proven across processes on PostgreSQL only, so a second process is
 * refused at start: the first holds `<database>.lock` (its pid and host) for as long as it runs. A
 * lock left by a process that died (kill -9, power loss) is taken over; a live one is not.
 */

export class DatabaseInUseError extends Error {
  override readonly name = 'DatabaseInUseError';
}

export interface ProcessLock {
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
}

function readHolder(path: string): Holder | undefined {
  try {
    const [pid, host] = readFileSync(path, 'utf8').trim().split(' ');
    return { pid: Number(pid), host: host ?? '' };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

export function lockPathFor(databasePath: string): string {
  return `${databasePath}.lock`;
}

export function acquireProcessLock(databasePath: string): ProcessLock {
  const path = lockPathFor(databasePath);
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid} ${hostname()}\n`);
      closeSync(fd);
      return {
        release() {
          // Only our own lock: a process that took over a lock it thought stale must keep it.
          if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const holder = readHolder(path);
      if (holder && holder.host !== hostname()) {
        throw new DatabaseInUseError(
          `${databasePath} is in use by a Roots Bot on another machine (${holder.host}, process ${holder.pid}). SQLite serves one bot process: stop the other one, or use PostgreSQL (DATABASE_URL) to run several (docs/operations.md). If that bot is surely gone, delete ${path}.`,
        );
      }
      // Several bots in one process (shards opened one client each, in tests and benches) are
      // still one process: the later ones go under the first one's lock, which it removes on close.
      if (holder && holder.pid === process.pid) return { release() {} };
      if (holder && isAlive(holder.pid)) {
        throw new DatabaseInUseError(
          `${databasePath} is already in use by another Roots Bot (process ${holder.pid}). SQLite serves one bot process: stop the other one first, or use PostgreSQL (DATABASE_URL) to run several (docs/operations.md).`,
        );
      }
      // Left by a process that is gone: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not take ${path}: other processes keep creating it.`);
}
