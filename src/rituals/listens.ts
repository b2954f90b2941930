import type { BotContext } from '../context.js';
import { fail, succeed } from '../outcome.js';
import type { PrivacyProvider } from '../privacy/provider.js';
import type { RitualOutcome } from './problems.js';

/** "I listened" on podcast-club posts: each member counts once per post. */

export interface Listen {
  /** False when this member was already counted for this post. */
  readonly counted: boolean;
  readonly total: number;
}

/** Counts a member's listen; a post that is not this server's podcast-club post (deleted since, or a forged click) is a problem. */
export async function recordListen({ db, clock }: Pick<BotContext, 'db' | 'clock'>, occurrenceId: number, guildId: string, userId: string): Promise<RitualOutcome<Listen>> {
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const post = await trx
      .selectFrom('ritual_occurrences')
      .innerJoin('ritual_schedules', 'ritual_schedules.id', 'ritual_occurrences.schedule_id')
      .select('ritual_occurrences.id')
      .where('ritual_occurrences.id', '=', occurrenceId)
      .where('ritual_occurrences.guild_id', '=', guildId)
      .where('ritual_schedules.kind', '=', 'podcast')
      .executeTakeFirst();
    if (post === undefined) return fail({ kind: 'not-a-listen-post' });
    const inserted = await trx
      .insertInto('ritual_listens')
      .values({ occurrence_id: occurrenceId, guild_id: guildId, user_id: userId, listened_at: now })
      .onConflict((conflict) => conflict.columns(['occurrence_id', 'user_id']).doNothing())
      .executeTakeFirst();
    const { total } = await trx
      .selectFrom('ritual_listens')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('occurrence_id', '=', occurrenceId)
      .executeTakeFirstOrThrow();
    return succeed({ counted: Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0, total: Number(total) });
  });
}

/**
 * What rituals keep about a member: their "I listened" clicks, and their name on the rituals and
 * library entries they created as a moderator (forgetting removes the name, not the ritual).
 */
export const ritualPrivacy: PrivacyProvider = {
  async export(db, guildId, userId) {
    const [listens, rituals, entries] = await Promise.all([
      db
        .selectFrom('ritual_listens')
        .innerJoin('ritual_occurrences', 'ritual_occurrences.id', 'ritual_listens.occurrence_id')
        .select(['ritual_occurrences.schedule_id as ritual', 'ritual_occurrences.occurrence_at as post', 'ritual_listens.listened_at as listenedAt'])
        .where('ritual_listens.guild_id', '=', guildId)
        .where('ritual_listens.user_id', '=', userId)
        .execute(),
      db.selectFrom('ritual_schedules').select(['id', 'kind', 'created_at as createdAt']).where('guild_id', '=', guildId).where('created_by', '=', userId).execute(),
      db.selectFrom('ritual_entries').select(['id', 'kind', 'title', 'created_at as addedAt']).where('guild_id', '=', guildId).where('added_by', '=', userId).execute(),
    ]);
    return { podcastListens: listens, ritualsCreated: rituals, libraryEntriesAdded: entries };
  },
  async forget(trx, guildId, userId) {
    const listens = await trx.deleteFrom('ritual_listens').where('guild_id', '=', guildId).where('user_id', '=', userId).executeTakeFirst();
    const rituals = await trx.updateTable('ritual_schedules').set({ created_by: null }).where('guild_id', '=', guildId).where('created_by', '=', userId).executeTakeFirst();
    const entries = await trx.updateTable('ritual_entries').set({ added_by: null }).where('guild_id', '=', guildId).where('added_by', '=', userId).executeTakeFirst();
    return Number(listens.numDeletedRows) + Number(rituals.numUpdatedRows) + Number(entries.numUpdatedRows);
  },
};
