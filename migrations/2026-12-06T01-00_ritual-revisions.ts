import type { Kysely } from 'kysely';

/**
 * A revision number on rituals and library entries, raised by every edit a moderator makes (never
 * by the ticker moving `next_due_at` along), so a form opened before someone else's edit can tell
 * it is stale instead of silently undoing that edit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ritual_schedules').addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('ritual_entries').addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ritual_entries').dropColumn('revision').execute();
  await db.schema.alterTable('ritual_schedules').dropColumn('revision').execute();
}
