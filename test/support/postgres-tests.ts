/**
 * Which tests the PostgreSQL half (the `bot-postgres` project) runs again. `bot` runs every test on
 * SQLite; this half runs what can behave differently on PostgreSQL: the storage tests, the
 * services' own tests, and the end-to-end tests that write, recover or race (the ledger's
 * exactly-once, crashes and restarts, concurrent members, shards, the locked database, each
 * feature's whole journey, the dashboard's pages). Tests about words, languages, pictures,
 * Discord's limits and the browser don't touch the database differently, so they run once.
 * It runs on TEST_DATABASE_URL's server, or on a throwaway cluster it starts itself when
 * PostgreSQL is installed (test/support/postgres-setup.ts). Without either, the PostgreSQL half
 * can't run: that is said loudly, at the start and again at the end, and under CI (CI or
 * REQUIRE_POSTGRES set) the run fails instead.
 */
const WHOLE_FOLDERS = ['test/db/**/*.test.ts', 'test/onboarding/*.test.ts'];

/** Named one by one, so test/foundation/postgres-tests.test.ts can catch a renamed file. */
export const POSTGRES_TEST_FILES = [
  'test/courses/services.test.ts',
  'test/courses/report.test.ts',
  'test/protocols/services.test.ts',
  'test/rituals/history.test.ts',
  ...[
    'privacy',
    'resume',
    'sharding',
    'start-shards',
    'hardening/locked-database',
    ...['crash', 'schedule', 'failures', 'missed', 'clock-back', 'resume', 'rotation', 'shutdown', 'history', 'library', 'time'].map(
      (name) => `rituals/${name}`,
    ),
    ...['walk', 'resume', 'tenets', 'moderators', 'screening', 'other-shard'].map((name) => `onboarding/${name}`),
    ...['journey', 'moderators', 'import', 'privacy'].map((name) => `courses/${name}`),
    ...['five-whys', 'facilitation', 'parallel', 'restart', 'stop'].map((name) => `protocols/${name}`),
    ...['http', 'courses', 'libraries', 'protocols'].map((name) => `dashboard/${name}`),
  ].map((name) => `test/e2e/${name}.test.ts`),
] as const;

export const POSTGRES_TESTS: readonly string[] = [...WHOLE_FOLDERS, ...POSTGRES_TEST_FILES];
