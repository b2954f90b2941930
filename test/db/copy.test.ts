import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { copyDatabase, COPY_ORDER, CopyRefusedError, parseTarget } from '../../src/db/copy.js';
import { migrate } from '../../src/db/migrator.js';
import { freshTarget, testDialect } from '../support/database.js';

/**
 * `npm run db:copy`: a SQLite database, with what the bot keeps in it, copied into a fresh
 * database of this run's dialect (PostgreSQL in the bot-postgres half): every row alike, ids kept
 * and the id counters past them, and a second copy into the now non-empty target refused.
 */

const SNOWFLAKE = '1234567890123456789'; // above 2^53: must stay a string
const AT = '2026-03-02T09:00:00.000Z';

async function seed(db: Db): Promise<void> {
  await migrate(db);
  await db.insertInto('guild_settings').values({ guild_id: SNOWFLAKE, time_zone: 'Europe/London', log_channel_id: null, created_at: AT, updated_at: AT, revision: 1 }).execute();
  await db
    .insertInto('ritual_schedules')
    .values([1, 2, 3].map((n) => ({ guild_id: SNOWFLAKE, kind: 'poem', channel_id: `${SNOWFLAKE.slice(0, -1)}${n}`, cron: '0 9 * * 1', time_zone: 'UTC', open_thread: n % 2, prompt_text: n === 3 ? 'Quote "this" — and ünïcode' : null, catch_up_minutes: 360, status: 'active', pause_reason: null, next_due_at: AT, created_by: 'morgan', created_at: AT, updated_at: AT })))
    .execute();
  await db.deleteFrom('ritual_schedules').where('id', '=', 2).execute(); // a gap in the ids
  await db.insertInto('ritual_entries').values({ guild_id: SNOWFLAKE, kind: 'poem', starter_key: null, title: 'A poem', author: null, year: 1990, source: null, body: 'Line one\nLine two', show: null, link: null, about: null, questions: JSON.stringify(['Why?', 'What then?']), added_by: null, created_at: AT, removed_at: null }).execute();
  await db.insertInto('ritual_occurrences').values({ schedule_id: 3, guild_id: SNOWFLAKE, occurrence_at: AT, origin: 'schedule', state: 'posted', entry_id: 1, attempts: 1, next_attempt_at: null, last_error: null, message_id: SNOWFLAKE, thread_id: null, miss_cause: null, created_at: AT, updated_at: AT }).execute();
  await db.insertInto('course_enrolments').values({ guild_id: SNOWFLAKE, user_id: '42', course_id: 'root-causes', enrolled_at: AT, last_activity_at: AT }).execute();
}

async function everything(db: Db): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of COPY_ORDER) all[table] = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows.map((row) => ({ ...row })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return all;
}

describe(`npm run db:copy (SQLite → ${testDialect})`, () => {
  it('copies every row alike, keeps ids, moves the id counters past them, and refuses a non-empty target', async () => {
    const source = openDatabase({ kind: 'sqlite', path: ':memory:' });
    const target = openDatabase(await freshTarget());
    try {
      await seed(source);
      const report = await copyDatabase(source, target);
      expect(report.get('ritual_schedules')).toBe(2);
      expect(await everything(target)).toEqual(await everything(source));

      const next = await target.insertInto('ritual_schedules').values({ guild_id: SNOWFLAKE, kind: 'poem', channel_id: '1', cron: '0 9 * * 1', time_zone: 'UTC', open_thread: 0, prompt_text: null, catch_up_minutes: 360, status: 'active', pause_reason: null, next_due_at: null, created_by: null, created_at: AT, updated_at: AT }).returning('id').executeTakeFirstOrThrow();
      expect(next.id).toBe(4);

      await expect(copyDatabase(source, target)).rejects.toThrow(CopyRefusedError);
      await expect(copyDatabase(source, target)).rejects.toThrow(/already holds data \(1 row\(s\) in guild_settings\)\. Copy only into an empty database/);
    } finally {
      await source.destroy();
      await target.destroy();
    }
  });

  it('reads sqlite:PATH and postgres:// targets, and nothing else', () => {
    expect(parseTarget('sqlite:data/roots.sqlite')).toEqual({ kind: 'sqlite', path: 'data/roots.sqlite' });
    expect(parseTarget('postgres://roots@localhost/roots')).toEqual({ kind: 'postgres', url: 'postgres://roots@localhost/roots' });
    expect(parseTarget('data/roots.sqlite')).toBeUndefined();
    expect(parseTarget('sqlite:')).toBeUndefined();
  });
});
