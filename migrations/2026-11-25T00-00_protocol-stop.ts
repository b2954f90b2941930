import { sql, type Kysely } from 'kysely';

/**
 * A run can now be stopped (`/protocol stop`): `protocol_runs.state` takes `stopped`. The allowed
 * states are a CHECK constraint, which SQLite can only change by rebuilding the table: copy it into
 * one with the new check, then swap. Foreign keys are paused meanwhile so dropping the old table
 * doesn't cascade into what members added; the copy keeps every id, so those rows still match.
 */

// Migrations see the schema as it was when they were written, not today's `Database` type.
async function rebuildRuns(db: Kysely<unknown>, states: readonly string[], copyState: ReturnType<typeof sql>): Promise<void> {
  const allowed = sql.join(states.map((state) => sql.lit(state)));
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('protocol_runs_rebuilt')
        .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
        .addColumn('guild_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('thread_id', 'text', (col) => col.notNull().unique())
        .addColumn('protocol_id', 'text', (col) => col.notNull())
        .addColumn('topic', 'text', (col) => col.notNull())
        .addColumn('facilitator_id', 'text')
        .addColumn('current_step', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('state', 'text', (col) => col.notNull().check(sql`state in (${allowed})`))
        .addColumn('step_message_id', 'text')
        .addColumn('summary_message_id', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await sql`insert into protocol_runs_rebuilt
        select id, guild_id, channel_id, thread_id, protocol_id, topic, facilitator_id, current_step, ${copyState},
               step_message_id, summary_message_id, created_at, updated_at, finished_at
        from protocol_runs`.execute(trx);
      await trx.schema.dropTable('protocol_runs').execute();
      await trx.schema.alterTable('protocol_runs_rebuilt').renameTo('protocol_runs').execute();
      await trx.schema.createIndex('protocol_runs_by_guild_state').on('protocol_runs').columns(['guild_id', 'state']).execute();
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildRuns(db, ['running', 'paused', 'finished', 'stopped'], sql`state`);
}

/** Stopped runs become finished ones: they keep what was said, and an older bot posts their summary. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuildRuns(db, ['running', 'paused', 'finished'], sql`case when state = 'stopped' then 'finished' else state end`);
}
