import { sql, type Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's `Database` type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('course_imports')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('course_id', 'text', (col) => col.notNull())
    .addColumn('definition', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('course_imports_pk', ['guild_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('course_retirements')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('course_id', 'text', (col) => col.notNull())
    .addColumn('retired_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('course_retirements_pk', ['guild_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('course_channels')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('course_id', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('course_channels_pk', ['guild_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('course_enrolments')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('course_id', 'text', (col) => col.notNull())
    .addColumn('enrolled_at', 'text', (col) => col.notNull())
    .addColumn('last_activity_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('course_enrolments_pk', ['guild_id', 'user_id', 'course_id'])
    .execute();
  // Reports and nudges read a whole course in a server.
  await db.schema.createIndex('course_enrolments_by_course').on('course_enrolments').columns(['guild_id', 'course_id']).execute();

  await db.schema
    .createTable('course_completions')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('course_id', 'text', (col) => col.notNull())
    .addColumn('lesson_id', 'text', (col) => col.notNull())
    .addColumn('completed_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('course_completions_pk', ['guild_id', 'user_id', 'course_id', 'lesson_id'])
    .execute();
  await db.schema.createIndex('course_completions_by_course').on('course_completions').columns(['guild_id', 'course_id']).execute();

  await db.schema
    .createTable('course_reflections')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('course_id', 'text', (col) => col.notNull())
    .addColumn('lesson_id', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('visibility', 'text', (col) => col.notNull().check(sql`visibility in ('private', 'shared')`))
    .addColumn('written_at', 'text', (col) => col.notNull())
    .addColumn('shared_at', 'text')
    .addColumn('shared_channel_id', 'text')
    .addColumn('shared_message_id', 'text')
    .addPrimaryKeyConstraint('course_reflections_pk', ['guild_id', 'user_id', 'course_id', 'lesson_id'])
    .execute();

  await db.schema
    .createTable('course_nudges')
    .addColumn('guild_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('nudged_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('course_nudges_pk', ['guild_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['course_nudges', 'course_reflections', 'course_completions', 'course_enrolments', 'course_channels', 'course_retirements', 'course_imports']) {
    await db.schema.dropTable(table).execute();
  }
}
