import type { DatabaseTarget } from '../src/db/target.js';
import { adminQuery, findPostgresBin, startThrowawayCluster, withDatabase, type Cluster } from '../test/support/postgres-cluster.js';

/** What a bench prints when it could not measure PostgreSQL. */
export const NO_POSTGRES = 'not measured: no PostgreSQL found (install it, or set BENCH_DATABASE_URL)';

/**
 * A PostgreSQL database for a bench, beside SQLite in the same run: on BENCH_DATABASE_URL's server
 * (a database is created on it), or on a throwaway local cluster when PostgreSQL is installed.
 */
export async function postgresBenchTarget(label: string): Promise<{ target: DatabaseTarget; done(): Promise<void> } | undefined> {
  let cluster: Cluster | undefined;
  let admin = process.env.BENCH_DATABASE_URL;
  if (!admin) {
    const bin = findPostgresBin();
    if (!bin) return undefined;
    cluster = await startThrowawayCluster(bin);
    admin = cluster.url;
  }
  const name = `roots_bench_${label}_${process.pid}`;
  await adminQuery(admin, `create database ${name}`);
  const server = admin;
  return {
    target: { kind: 'postgres', url: withDatabase(admin, name) },
    async done() {
      await adminQuery(server, `drop database if exists ${name} with (force)`);
      await cluster?.stop();
    },
  };
}
