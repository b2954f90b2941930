import type { Kysely } from 'kysely';

/**
 * A course report counts each member's completions of the current lessons and pages through the
 * members earliest first. Completions in member order (with the lesson, so the count reads only
 * the index) and enrolments in the report's order let the database do both without sorting a whole
 * course; each new index starts with the columns of the one it replaces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('course_completions_by_member').on('course_completions').columns(['guild_id', 'course_id', 'user_id', 'lesson_id']).execute();
  await db.schema.dropIndex('course_completions_by_course').execute();
  await db.schema.createIndex('course_enrolments_in_order').on('course_enrolments').columns(['guild_id', 'course_id', 'enrolled_at', 'user_id']).execute();
  await db.schema.dropIndex('course_enrolments_by_course').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('course_enrolments_by_course').on('course_enrolments').columns(['guild_id', 'course_id']).execute();
  await db.schema.dropIndex('course_enrolments_in_order').execute();
  await db.schema.createIndex('course_completions_by_course').on('course_completions').columns(['guild_id', 'course_id']).execute();
  await db.schema.dropIndex('course_completions_by_member').execute();
}
