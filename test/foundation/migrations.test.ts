import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { createMigrator, migrate } from '../../src/db/migrator.js';

async function tableNames(db: ReturnType<typeof openDatabase>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

describe('migrations', () => {
  it('run up from an empty database, then down all the way and up again', async () => {
    const db = openDatabase({ kind: 'sqlite', path: ':memory:' });
    try {
      const applied = await migrate(db);
      const all = await (await createMigrator(db)).getMigrations();
      expect(applied.map((r) => r.migrationName)).toEqual(all.map((m) => m.name));
      const upTables = await tableNames(db);
      expect(upTables).toContain('guild_settings');

      for (let step = 0; step < all.length; step++) await migrate(db, 'down');
      expect((await (await createMigrator(db)).getMigrations()).every((m) => m.executedAt === undefined)).toBe(true);
      expect(await tableNames(db)).toEqual([]);

      await migrate(db);
      expect(await tableNames(db)).toEqual(upTables);
    } finally {
      await db.destroy();
    }
  });

  it('every migration can be undone', async () => {
    const db = openDatabase({ kind: 'sqlite', path: ':memory:' });
    try {
      const migrations = await (await createMigrator(db)).getMigrations();
      expect(migrations.length).toBeGreaterThan(0);
      for (const m of migrations) expect(typeof m.migration.down, m.name).toBe('function');
    } finally {
      await db.destroy();
    }
  });

  it('turns on foreign keys and WAL for file databases', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { sql } = await import('kysely');
    const db = openDatabase({ kind: 'sqlite', path: `${mkdtempSync(`${tmpdir()}/roots-`)}/test.sqlite` });
    try {
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
    } finally {
      await db.destroy();
    }
  });
});
