import type { TestProject } from 'vitest/node';
import { adminQuery, findPostgresBin, POSTGRES_HOW_TO, startThrowawayCluster, withDatabase, type Cluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Global setup of the `bot-postgres` project: a database for this run, on TEST_DATABASE_URL's
 * server or on a throwaway cluster started here, dropped (and the cluster removed) at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: Cluster | undefined;
  let admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const bin = findPostgresBin();
    if (!bin) throw new Error(`PostgreSQL is needed for the bot-postgres tests and was not found. ${POSTGRES_HOW_TO}`);
    cluster = await startThrowawayCluster(bin);
    admin = cluster.url;
  }
  const name = `roots_test_${process.pid}_${Date.now()}`;
  await adminQuery(admin, `create database ${name}`);
  project.provide('postgresUrl', withDatabase(admin, name));
  const server = admin;
  return async () => {
    try {
      await adminQuery(server, `drop database if exists ${name} with (force)`);
    } finally {
      await cluster?.stop();
    }
  };
}
