import type { Kysely } from 'kysely';
import { withAutoId } from '../src/db/portable.js';

// Migrations see the schema as it was when they were written, not today's `Database` type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ritual_schedules')
    .$call(withAutoId(db))
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('cron', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('open_thread', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('prompt_text', 'text')
    .addColumn('catch_up_minutes', 'integer', (col) => col.notNull().defaultTo(360))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('pause_reason', 'text')
    .addColumn('next_due_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('ritual_schedules_due').on('ritual_schedules').columns(['status', 'next_due_at']).execute();
  await db.schema.createIndex('ritual_schedules_guild').on('ritual_schedules').column('guild_id').execute();

  await db.schema
    .createTable('ritual_entries')
    .$call(withAutoId(db))
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('starter_key', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('author', 'text')
    .addColumn('year', 'integer')
    .addColumn('source', 'text')
    .addColumn('body', 'text')
    .addColumn('show', 'text')
    .addColumn('link', 'text')
    .addColumn('about', 'text')
    .addColumn('questions', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('added_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('removed_at', 'text')
    .addUniqueConstraint('ritual_entries_starter', ['guild_id', 'kind', 'starter_key'])
    .execute();

  await db.schema
    .createTable('ritual_occurrences')
    .$call(withAutoId(db))
    .addColumn('schedule_id', 'integer', (col) => col.notNull().references('ritual_schedules.id').onDelete('cascade'))
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('occurrence_at', 'text', (col) => col.notNull())
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('entry_id', 'integer', (col) => col.references('ritual_entries.id').onDelete('set null'))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('thread_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // The ledger's whole point: an occurrence can be claimed once.
    .addUniqueConstraint('ritual_occurrences_once', ['schedule_id', 'occurrence_at'])
    .execute();
  await db.schema.createIndex('ritual_occurrences_pending').on('ritual_occurrences').columns(['state', 'next_attempt_at']).execute();

  await db.schema
    .createTable('ritual_rotation')
    .addColumn('schedule_id', 'integer', (col) => col.notNull().references('ritual_schedules.id').onDelete('cascade'))
    .addColumn('cycle', 'integer', (col) => col.notNull())
    .addColumn('entry_id', 'integer', (col) => col.notNull().references('ritual_entries.id').onDelete('cascade'))
    .addColumn('occurrence_id', 'integer', (col) => col.notNull().references('ritual_occurrences.id').onDelete('cascade'))
    .addColumn('picked_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('ritual_rotation_pk', ['schedule_id', 'cycle', 'entry_id'])
    .execute();

  await db.schema
    .createTable('ritual_listens')
    .addColumn('occurrence_id', 'integer', (col) => col.notNull().references('ritual_occurrences.id').onDelete('cascade'))
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('listened_at', 'text', (col) => col.notNull())
    // A member counts once per post, however often they click.
    .addPrimaryKeyConstraint('ritual_listens_pk', ['occurrence_id', 'user_id'])
    .execute();
  await db.schema.createIndex('ritual_listens_member').on('ritual_listens').columns(['guild_id', 'user_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ritual_listens').execute();
  await db.schema.dropTable('ritual_rotation').execute();
  await db.schema.dropTable('ritual_occurrences').execute();
  await db.schema.dropTable('ritual_entries').execute();
  await db.schema.dropTable('ritual_schedules').execute();
}
