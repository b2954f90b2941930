import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { findPostgresBin, POSTGRES_HOW_TO } from './test/support/postgres-cluster.js';
import { POSTGRES_TESTS } from './test/support/postgres-tests.js';

// Two halves: `bot` runs every test on SQLite, `bot-postgres` what test/support/postgres-tests.ts lists.
const postgresAvailable = Boolean(process.env.TEST_DATABASE_URL) || findPostgresBin() !== undefined;
const postgresRequired = Boolean(process.env.CI) || Boolean(process.env.REQUIRE_POSTGRES);
if (!postgresAvailable && postgresRequired) {
  throw new Error(`This run must test PostgreSQL too (CI or REQUIRE_POSTGRES is set) and none was found. ${POSTGRES_HOW_TO}`);
}
if (!postgresAvailable) console.warn(`\n!!! PostgreSQL half SKIPPED: no PostgreSQL found. ${POSTGRES_HOW_TO}\n`);

export default defineConfig({
  test: {
    // End-to-end tests start an emulator and a real discord.js client each; two cores run them best
    // a file at a time per worker, without sharing module state.
    pool: 'forks',
    // Vitest's default is a worker less than the cores: one, on the 2-core machines CI runs on. An
    // end-to-end file spends much of its time waiting (on sockets, child processes, the emulator's
    // timers), so two files side by side use those cores better: 8.5 minutes instead of 13.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // One `npm test` runs the bot's tests and every workspace package's own (each package keeps its
    // vitest.config.ts, so `npm test` inside a package runs the same tests the same way).
    projects: [
      {
        extends: true,
        test: { name: 'bot', include: ['test/**/*.test.ts'], globalSetup: postgresAvailable ? [] : ['test/support/postgres-skipped.ts'] },
      },
      ...(postgresAvailable
        ? [
            {
              extends: true as const,
              test: {
                name: 'bot-postgres',
                include: [...POSTGRES_TESTS],
                env: { ROOTS_TEST_DIALECT: 'postgres' },
                globalSetup: ['test/support/postgres-setup.ts'],
              },
            },
          ]
        : []),
      'packages/*',
    ],
  },
});
