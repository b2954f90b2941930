import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * What migrations need to read the same on SQLite and PostgreSQL. Everything else in them is
 * kysely's schema builder, which both dialects understand alike: text for timestamps (ISO-8601
 * UTC) and Discord IDs, integer for counts and 0/1 flags, text holding JSON.
 */

/** True when `db` speaks PostgreSQL. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds `id`, an integer primary key the database numbers itself: AUTOINCREMENT on SQLite, serial on PostgreSQL. */
export const withAutoId =
  (db: Kysely<unknown>) =>
  <TB extends string, C extends string>(table: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | 'id'> =>
    isPostgres(db) ? table.addColumn('id', 'serial', (col) => col.primaryKey()) : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
