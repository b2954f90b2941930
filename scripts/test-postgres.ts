import { spawnSync } from 'node:child_process';
import { findPostgresBin, POSTGRES_HOW_TO, startThrowawayCluster } from '../test/support/postgres-cluster.js';

/**
 * `npm run test:postgres`: the PostgreSQL half alone, on a throwaway server started here (a temp
 * cluster, loopback port, removed afterwards), or on TEST_DATABASE_URL's server when it is set.
 * Extra arguments go to vitest (`npm run test:postgres -- test/e2e/rituals`).
 */
async function main(args: readonly string[]): Promise<number> {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const bin = findPostgresBin();
    if (!bin) {
      console.error(`No PostgreSQL here. ${POSTGRES_HOW_TO}`);
      return 1;
    }
    const cluster = await startThrowawayCluster(bin);
    console.log(`A throwaway PostgreSQL from ${bin} is listening at ${cluster.url}`);
    url = cluster.url;
    stop = () => cluster.stop();
  }
  try {
    const run = spawnSync('npx', ['vitest', 'run', '--project', 'bot-postgres', ...args], {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: url, REQUIRE_POSTGRES: '1' },
    });
    return run.status ?? 1;
  } finally {
    await stop?.();
  }
}

process.exitCode = await main(process.argv.slice(2));
