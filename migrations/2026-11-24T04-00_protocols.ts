import { sql, type Kysely } from 'kysely';
import { withAutoId } from '../src/db/portable.js';

// Migrations see the schema as it was when they were written, not today's `Database` type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('protocol_runs')
    .$call(withAutoId(db))
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('thread_id', 'text', (col) => col.notNull().unique())
    .addColumn('protocol_id', 'text', (col) => col.notNull())
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('facilitator_id', 'text')
    .addColumn('current_step', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('running', 'paused', 'finished')`))
    .addColumn('step_message_id', 'text')
    .addColumn('summary_message_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('protocol_runs_by_guild_state').on('protocol_runs').columns(['guild_id', 'state']).execute();

  await db.schema
    .createTable('protocol_contributions')
    .$call(withAutoId(db))
    .addColumn('run_id', 'integer', (col) => col.notNull().references('protocol_runs.id').onDelete('cascade'))
    .addColumn('step', 'integer', (col) => col.notNull())
    .addColumn('author_id', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('category', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('protocol_contributions_by_run_step').on('protocol_contributions').columns(['run_id', 'step']).execute();
  await db.schema.createIndex('protocol_contributions_by_author').on('protocol_contributions').column('author_id').execute();

  await db.schema
    .createTable('protocol_choices')
    .addColumn('run_id', 'integer', (col) => col.notNull().references('protocol_runs.id').onDelete('cascade'))
    .addColumn('step', 'integer', (col) => col.notNull())
    .addColumn('contribution_id', 'integer', (col) => col.notNull().references('protocol_contributions.id').onDelete('cascade'))
    .addColumn('chosen_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('protocol_choices_pk', ['run_id', 'step', 'contribution_id'])
    .execute();

  await db.schema
    .createTable('protocol_actions')
    .$call(withAutoId(db))
    .addColumn('run_id', 'integer', (col) => col.notNull().references('protocol_runs.id').onDelete('cascade'))
    .addColumn('step', 'integer', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text')
    .addColumn('added_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('protocol_actions_by_run').on('protocol_actions').column('run_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('protocol_actions').execute();
  await db.schema.dropTable('protocol_choices').execute();
  await db.schema.dropTable('protocol_contributions').execute();
  await db.schema.dropTable('protocol_runs').execute();
}
