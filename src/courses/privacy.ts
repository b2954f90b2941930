import type { Db } from '../db/connection.js';
import type { PrivacyProvider } from '../privacy/provider.js';

/** The tables holding one member's course data in a server; all keyed by (guild_id, user_id). */
const MEMBER_TABLES = ['course_enrolments', 'course_completions', 'course_reflections', 'course_nudges'] as const;

async function exportCourses(db: Db, guildId: string, userId: string) {
  const [enrolments, completions, reflections, nudge] = await Promise.all([
    db
      .selectFrom('course_enrolments')
      .select(['course_id', 'enrolled_at', 'last_activity_at'])
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .orderBy('enrolled_at')
      .execute(),
    db
      .selectFrom('course_completions')
      .select(['course_id', 'lesson_id', 'completed_at'])
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .orderBy('completed_at')
      .execute(),
    db
      .selectFrom('course_reflections')
      .select(['course_id', 'lesson_id', 'body', 'visibility', 'written_at', 'shared_at', 'shared_channel_id', 'shared_message_id'])
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .orderBy('written_at')
      .execute(),
    db.selectFrom('course_nudges').select('nudged_at').where('guild_id', '=', guildId).where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return {
    enrolments: enrolments.map((row) => ({ course: row.course_id, enrolledAt: row.enrolled_at, lastActivityAt: row.last_activity_at })),
    completions: completions.map((row) => ({ course: row.course_id, lesson: row.lesson_id, completedAt: row.completed_at })),
    reflections: reflections.map((row) => ({
      course: row.course_id,
      lesson: row.lesson_id,
      text: row.body,
      visibility: row.visibility,
      writtenAt: row.written_at,
      sharedAt: row.shared_at,
      sharedIn: row.shared_channel_id === null ? null : { channelId: row.shared_channel_id, messageId: row.shared_message_id },
    })),
    lastNudgedAt: nudge?.nudged_at ?? null,
  };
}

async function forgetCourses(trx: Db, guildId: string, userId: string): Promise<number> {
  let removed = 0;
  for (const table of MEMBER_TABLES) {
    const result = await trx.deleteFrom(table).where('guild_id', '=', guildId).where('user_id', '=', userId).executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}

/**
 * What `/privacy` sees of courses: a member's enrolments, completions, reflections and when they
 * were last nudged. Courses themselves (imports, retirements, channels) belong to the server.
 */
export const coursePrivacy: PrivacyProvider = { export: exportCourses, forget: forgetCourses };
