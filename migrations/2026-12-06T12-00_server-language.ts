import type { Kysely } from 'kysely';

/**
 * The language a server's public posts are written in, as its moderators chose it. Null until they
 * do: the server's own "primary language" on Discord stands in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('guild_settings').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('guild_settings').dropColumn('language').execute();
}
