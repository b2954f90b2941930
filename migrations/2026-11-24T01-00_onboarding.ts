import type { Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's `Database` type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('onboarding_settings')
    .addColumn('guild_id', 'text', (col) => col.primaryKey())
    .addColumn('member_role_id', 'text')
    .addColumn('welcome_channel_id', 'text')
    .addColumn('introductions_channel_id', 'text')
    .addColumn('first_contact', 'text', (col) => col.notNull().defaultTo('dm'))
    .addColumn('nudge_after_days', 'integer', (col) => col.notNull().defaultTo(3))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('onboarding_tenet_versions')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('tenets', 'text', (col) => col.notNull())
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('onboarding_tenet_versions_pk', ['guild_id', 'version'])
    .execute();

  await db.schema
    .createTable('onboarding_walks')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('tenet_index', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('tenet_version', 'integer', (col) => col.notNull())
    .addColumn('reach', 'text', (col) => col.notNull())
    .addColumn('via', 'text')
    .addColumn('channel_id', 'text')
    .addColumn('delivery_claimed_at', 'text')
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('joined_at', 'text', (col) => col.notNull())
    .addColumn('step_changed_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('nudged_at', 'text')
    .addColumn('left_at', 'text')
    .addColumn('recommit_version', 'integer')
    .addColumn('recommit_sent_at', 'text')
    .addPrimaryKeyConstraint('onboarding_walks_pk', ['guild_id', 'user_id'])
    .execute();
  // The ticker's three questions: whose delivery is pending, who has stalled, who awaits a re-commit prompt.
  await db.schema.createIndex('onboarding_walks_reach').on('onboarding_walks').columns(['reach', 'delivery_claimed_at']).execute();
  await db.schema.createIndex('onboarding_walks_progress').on('onboarding_walks').columns(['guild_id', 'step', 'step_changed_at']).execute();
  await db.schema.createIndex('onboarding_walks_recommit').on('onboarding_walks').columns(['recommit_version', 'recommit_sent_at']).execute();

  await db.schema
    .createTable('onboarding_commitments')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('tenet_version', 'integer', (col) => col.notNull())
    .addColumn('tenet_name', 'text', (col) => col.notNull())
    .addColumn('reflection', 'text')
    .addColumn('committed_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('onboarding_commitments_pk', ['guild_id', 'user_id', 'tenet_version', 'tenet_name'])
    .execute();

  await db.schema
    .createTable('onboarding_intros')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('school_region', 'text')
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('channel_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('onboarding_intros_pk', ['guild_id', 'user_id'])
    .execute();
  await db.schema.createIndex('onboarding_intros_recent').on('onboarding_intros').columns(['guild_id', 'role', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('onboarding_intros').execute();
  await db.schema.dropTable('onboarding_commitments').execute();
  await db.schema.dropTable('onboarding_walks').execute();
  await db.schema.dropTable('onboarding_tenet_versions').execute();
  await db.schema.dropTable('onboarding_settings').execute();
}
