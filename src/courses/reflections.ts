import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import type { Course, Lesson } from './course.js';
import type { Services } from './services.js';
import type { CourseOutcome } from './problems.js';

export interface ReflectionKey {
  readonly guildId: string;
  readonly userId: string;
  readonly course: Course;
  readonly lesson: Lesson;
}

const where = (key: ReflectionKey) =>
  ({ guild_id: key.guildId, user_id: key.userId, course_id: key.course.id, lesson_id: key.lesson.id }) as const;

/**
 * Marks a private reflection as shared before it is posted, so two clicks can't post it twice.
 * Returns its text; `recordShare` or `releaseShare` follows once the post succeeded or failed.
 */
export async function claimShare({ db, clock }: Services, key: ReflectionKey): Promise<CourseOutcome<string>> {
  const k = where(key);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('course_reflections')
      .select(['body', 'visibility'])
      .where('guild_id', '=', k.guild_id)
      .where('user_id', '=', k.user_id)
      .where('course_id', '=', k.course_id)
      .where('lesson_id', '=', k.lesson_id)
      .executeTakeFirst();
    if (row === undefined) return fail({ kind: 'no-reflection', course: key.course, lesson: key.lesson });
    if (row.visibility === 'shared') return fail({ kind: 'already-shared', course: key.course, lesson: key.lesson });
    await trx
      .updateTable('course_reflections')
      .set({ visibility: 'shared', shared_at: clock.now().toISOString() })
      .where('guild_id', '=', k.guild_id)
      .where('user_id', '=', k.user_id)
      .where('course_id', '=', k.course_id)
      .where('lesson_id', '=', k.lesson_id)
      .execute();
    return succeed(row.body);
  });
}

export async function recordShare(db: Db, key: ReflectionKey, channelId: string, messageId: string): Promise<void> {
  await updateShare(db, key, { shared_channel_id: channelId, shared_message_id: messageId });
}

/** The post failed: the reflection stays private. */
export async function releaseShare(db: Db, key: ReflectionKey): Promise<void> {
  await updateShare(db, key, { visibility: 'private', shared_at: null, shared_channel_id: null, shared_message_id: null });
}

async function updateShare(
  db: Db,
  key: ReflectionKey,
  change: { visibility?: 'private'; shared_at?: null; shared_channel_id: string | null; shared_message_id: string | null },
): Promise<void> {
  const k = where(key);
  await db.transaction().execute((trx) =>
    trx
      .updateTable('course_reflections')
      .set(change)
      .where('guild_id', '=', k.guild_id)
      .where('user_id', '=', k.user_id)
      .where('course_id', '=', k.course_id)
      .where('lesson_id', '=', k.lesson_id)
      .execute(),
  );
}
