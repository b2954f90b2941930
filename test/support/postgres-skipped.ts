import { POSTGRES_HOW_TO } from './postgres-cluster.js';

/** Global setup used when the PostgreSQL half can't run: the warning again where it is seen, at the end. */
export const POSTGRES_SKIPPED = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!!  PostgreSQL half SKIPPED: no PostgreSQL found (no TEST_DATABASE_URL, no initdb).    !!',
  '!!  Only the SQLite half ran. The storage and end-to-end tests did NOT run on Postgres. !!',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  `   ${POSTGRES_HOW_TO}`,
  '',
].join('\n');

export default function setup(): () => void {
  return () => console.warn(POSTGRES_SKIPPED);
}
