import { sql, type Kysely } from 'kysely';
import { isPostgres, withAutoId } from '../src/db/portable.js';

/**
 * A run can now be stopped (`/protocol stop`): `protocol_runs.state` takes `stopped`. The allowed
 * states are a CHECK constraint, which SQLite can only change by rebuilding the table: copy it into
 * one with the new check, then swap. Foreign keys are paused meanwhile so dropping the old table
 * doesn't cascade into what members added; the copy keeps every id, so those rows still match.
 * PostgreSQL changes a CHECK constraint in place.
 */

// Migrations see the schema as it was when they were written, not today's `Database` type.
async function rebuildRuns(db: Kysely<unknown>, states: readonly string[], copyState: ReturnType<typeof sql>): Promise<void> {
  const allowed = sql.join(states.map((state) => sql.lit(state)));
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('protocol_runs_rebuilt')
        .$call(withAutoId(trx))
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

// PostgreSQL's own name for the column's CHECK constraint (<table>_<column>_check).
const STATE_CHECK = 'protocol_runs_state_check';

async function replaceCheck(db: Kysely<unknown>, states: readonly string[]): Promise<void> {
  const allowed = sql.join(states.map((state) => sql.lit(state)));
  // Migrations already run in a transaction on PostgreSQL, DDL included.
  await db.schema.alterTable('protocol_runs').dropConstraint(STATE_CHECK).execute();
  await db.schema.alterTable('protocol_runs').addCheckConstraint(STATE_CHECK, sql`state in (${allowed})`).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return replaceCheck(db, ['running', 'paused', 'finished', 'stopped']);
  await rebuildRuns(db, ['running', 'paused', 'finished', 'stopped'], sql`state`);
}

/** Stopped runs become finished ones: they keep what was said, and an older bot posts their summary. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`update protocol_runs set state = 'finished' where state = 'stopped'`.execute(db);
    return replaceCheck(db, ['running', 'paused', 'finished']);
  }
  await rebuildRuns(db, ['running', 'paused', 'finished'], sql`case when state = 'stopped' then 'finished' else state end`);
}
