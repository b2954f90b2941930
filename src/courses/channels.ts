import type { Db } from '../db/connection.js';
import type { Services } from './services.js';

/** Where reflections shared on a course are posted; unset means the channel the member is in. */
export async function courseChannel(db: Db, guildId: string, courseId: string): Promise<string | undefined> {
  const row = await db.selectFrom('course_channels').select('channel_id').where('guild_id', '=', guildId).where('course_id', '=', courseId).executeTakeFirst();
  return row?.channel_id;
}

export async function setCourseChannel({ db, clock }: Services, guildId: string, courseId: string, channelId: string): Promise<void> {
  const now = clock.now().toISOString();
  await db.transaction().execute((trx) =>
    trx
      .insertInto('course_channels')
      .values({ guild_id: guildId, course_id: courseId, channel_id: channelId, updated_at: now })
      .onConflict((conflict) => conflict.columns(['guild_id', 'course_id']).doUpdateSet({ channel_id: channelId, updated_at: now }))
      .execute(),
  );
}
