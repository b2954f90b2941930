import type { Kysely } from 'kysely';

/**
 * Why an occurrence was not posted, so `/ritual list` can say it truly: a missed one fell due while
 * the bot was offline ('offline') or while it was running but held up, the machine asleep or its
 * clock moved ('behind'); a skipped one was skipped by a moderator ('moderator') or by a pause
 * ('paused'). Null on older rows: read as 'offline' and 'moderator', what they were then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ritual_occurrences').addColumn('miss_cause', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ritual_occurrences').dropColumn('miss_cause').execute();
}
