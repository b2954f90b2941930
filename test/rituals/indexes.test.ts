import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrator.js';

/** Deleting a ritual's occurrences, or an entry, looks up the rows pointing at them: by index, not a full scan. */
describe("the rituals' foreign keys", () => {
  let db: Db;
  beforeEach(async () => {
    db = openDatabase({ kind: 'sqlite', path: ':memory:' });
    await migrate(db);
  });
  afterEach(() => db.destroy());

  const plan = async (query: ReturnType<typeof sql>) => (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db)).rows.map((row) => row.detail).join('\n');

  it.each([
    ['ritual_rotation', 'occurrence_id', 'ritual_rotation_occurrence'],
    ['ritual_rotation', 'entry_id', 'ritual_rotation_entry'],
    ['ritual_occurrences', 'entry_id', 'ritual_occurrences_entry'],
  ])('%s.%s is found through an index', async (table, column, index) => {
    expect(await plan(sql`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} = 1`)).toContain(`USING INDEX ${index}`);
  });
});
