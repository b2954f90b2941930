import { sql, type Kysely } from 'kysely';
import { withAutoId } from '../src/db/portable.js';

/**
 * Rotation becomes the server's, per library kind: two podcast rituals in one server share one
 * cycle through the library, so an entry never repeats in the server before the library has gone
 * round. A pick outlives the ritual that made it (deleting a ritual doesn't restart the server's
 * cycle), so it now keys on (guild_id, kind) and keeps its occurrence only while that exists.
 *
 * Also indexes the foreign keys that had none (issue 15): deleting a ritual's occurrences or an
 * entry no longer scans the tables that point at them.
 */

// Migrations see the schema as it was when they were written, not today's `Database` type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ritual_rotation_by_server')
    .$call(withAutoId(db))
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('cycle', 'integer', (col) => col.notNull())
    .addColumn('entry_id', 'integer', (col) => col.notNull().references('ritual_entries.id').onDelete('cascade'))
    .addColumn('occurrence_id', 'integer', (col) => col.references('ritual_occurrences.id').onDelete('set null'))
    .addColumn('picked_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('ritual_rotation_once_per_cycle', ['guild_id', 'kind', 'cycle', 'entry_id'])
    .execute();
  // Each schedule's picks join the server's cycles in the order they were made; a pick another
  // ritual of the server already made in that cycle is the same pick.
  await sql`
    INSERT INTO ritual_rotation_by_server (guild_id, kind, cycle, entry_id, occurrence_id, picked_at)
    SELECT s.guild_id, s.kind, r.cycle, r.entry_id, r.occurrence_id, r.picked_at
    FROM ritual_rotation r INNER JOIN ritual_schedules s ON s.id = r.schedule_id
    WHERE true
    ORDER BY r.picked_at, r.occurrence_id
    ON CONFLICT DO NOTHING`.execute(db);
  await db.schema.dropTable('ritual_rotation').execute();
  await db.schema.alterTable('ritual_rotation_by_server').renameTo('ritual_rotation').execute();
  await db.schema.createIndex('ritual_rotation_occurrence').on('ritual_rotation').column('occurrence_id').execute();
  await db.schema.createIndex('ritual_rotation_entry').on('ritual_rotation').column('entry_id').execute();
  await db.schema.createIndex('ritual_occurrences_entry').on('ritual_occurrences').column('entry_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('ritual_occurrences_entry').execute();
  await db.schema
    .createTable('ritual_rotation_by_schedule')
    .addColumn('schedule_id', 'integer', (col) => col.notNull().references('ritual_schedules.id').onDelete('cascade'))
    .addColumn('cycle', 'integer', (col) => col.notNull())
    .addColumn('entry_id', 'integer', (col) => col.notNull().references('ritual_entries.id').onDelete('cascade'))
    .addColumn('occurrence_id', 'integer', (col) => col.notNull().references('ritual_occurrences.id').onDelete('cascade'))
    .addColumn('picked_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('ritual_rotation_pk', ['schedule_id', 'cycle', 'entry_id'])
    .execute();
  // Picks whose occurrence is gone belonged to no schedule that still exists.
  await sql`
    INSERT INTO ritual_rotation_by_schedule (schedule_id, cycle, entry_id, occurrence_id, picked_at)
    SELECT o.schedule_id, r.cycle, r.entry_id, r.occurrence_id, r.picked_at
    FROM ritual_rotation r INNER JOIN ritual_occurrences o ON o.id = r.occurrence_id
    WHERE true
    ON CONFLICT DO NOTHING`.execute(db);
  await db.schema.dropTable('ritual_rotation').execute();
  await db.schema.alterTable('ritual_rotation_by_schedule').renameTo('ritual_rotation').execute();
}
