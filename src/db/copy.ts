import { sql, type Kysely } from 'kysely';
import type { Db } from './connection.js';
import { migrate } from './migrator.js';
import { isPostgres } from './portable.js';
import type { DatabaseTarget } from './target.js';

/**
 * A one-shot copy of everything the bot keeps, from one database to another: SQLite to
 * PostgreSQL when a community outgrows one machine (or back, for a backup one can open anywhere).
 * Both are brought to the latest migration first; the target must hold no data, so a copy never
 * mixes two communities' records. Rows keep their ids, and PostgreSQL's id counters are moved past
 * them, so what the bot writes next doesn't collide.
 */

/** Every table, parents before the tables that point at them. A new table must be added here. */
export const COPY_ORDER = [
  'guild_settings',
  'onboarding_settings',
  'onboarding_tenet_versions',
  'onboarding_walks',
  'onboarding_commitments',
  'onboarding_intros',
  'ritual_schedules',
  'ritual_entries',
  'ritual_occurrences',
  'ritual_rotation',
  'ritual_listens',
  'course_imports',
  'course_retirements',
  'course_channels',
  'course_enrolments',
  'course_completions',
  'course_reflections',
  'course_nudges',
  'protocol_runs',
  'protocol_contributions',
  'protocol_choices',
  'protocol_actions',
  // Signed-in moderators stay signed in across the move.
  'dashboard_sessions',
] as const;

/** Tables with a numbered `id` whose counter must follow the copied rows. */
const NUMBERED = ['ritual_schedules', 'ritual_entries', 'ritual_occurrences', 'ritual_rotation', 'protocol_runs', 'protocol_contributions', 'protocol_actions'];

export class CopyRefusedError extends Error {
  override readonly name = 'CopyRefusedError';
}

export type CopyReport = ReadonlyMap<string, number>;

type Row = Record<string, unknown>;
const raw = (db: Db) => db as unknown as Kysely<unknown>;

async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function tablesOf(db: Db): Promise<string[]> {
  return (await db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
}

export async function copyDatabase(from: Db, to: Db): Promise<CopyReport> {
  await migrate(from);
  await migrate(to);
  const known = new Set<string>(COPY_ORDER);
  const unknown = (await tablesOf(from)).filter((table) => !known.has(table));
  if (unknown.length > 0) throw new Error(`The copy doesn't know the table(s) ${unknown.join(', ')}: add them to COPY_ORDER in src/db/copy.ts.`);
  for (const table of COPY_ORDER) {
    const rows = await countRows(to, table);
    if (rows > 0) throw new CopyRefusedError(`The target database already holds data (${rows} row(s) in ${table}). Copy only into an empty database, so two communities' records never mix.`);
  }

  const report = new Map<string, number>();
  await to.transaction().execute(async (trx) => {
    for (const table of COPY_ORDER) {
      const { rows } = await sql<Row>`select * from ${sql.table(table)}`.execute(from);
      const first = rows[0];
      if (first !== undefined) {
        const columns = Object.keys(first);
        // PostgreSQL takes at most 65,535 parameters in one statement.
        const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
        for (let start = 0; start < rows.length; start += perBatch) {
          const values = rows.slice(start, start + perBatch).map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`);
          await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) values ${sql.join(values)}`.execute(trx);
        }
      }
      report.set(table, rows.length);
    }
    if (isPostgres(raw(to))) {
      for (const table of NUMBERED) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
      }
    }
  });
  return report;
}

/** `sqlite:PATH` or a postgres:// URL, as `npm run db:copy` takes them. */
export function parseTarget(text: string | undefined): DatabaseTarget | undefined {
  if (text === undefined) return undefined;
  if (/^postgres(ql)?:\/\//.test(text)) return { kind: 'postgres', url: text };
  if (text.startsWith('sqlite:') && text.length > 'sqlite:'.length) return { kind: 'sqlite', path: text.slice('sqlite:'.length) };
  return undefined;
}
