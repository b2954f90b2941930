import type { Db } from '../db/connection.js';
import type { PrivacyProvider } from '../privacy/provider.js';

/** The runs of one server, as a subquery: every protocol record belongs to a run. */
const runsIn = (db: Db, guildId: string) => db.selectFrom('protocol_runs').select('id').where('guild_id', '=', guildId);

/**
 * What protocols keep about a member: what they added, the actions they own or added, and the
 * runs they facilitate. Forgetting deletes the first two and leaves their runs to moderators, so
 * the rest of the group keeps its record.
 */
export const protocolPrivacy: PrivacyProvider = {
  async export(db, guildId, userId) {
    const [facilitated, contributions, actions] = await Promise.all([
      db.selectFrom('protocol_runs').select(['protocol_id', 'topic', 'state', 'created_at']).where('guild_id', '=', guildId).where('facilitator_id', '=', userId).orderBy('id').execute(),
      db
        .selectFrom('protocol_contributions')
        .innerJoin('protocol_runs', 'protocol_runs.id', 'protocol_contributions.run_id')
        .select(['protocol_runs.protocol_id', 'protocol_runs.topic', 'protocol_contributions.step', 'protocol_contributions.text', 'protocol_contributions.category', 'protocol_contributions.created_at'])
        .where('protocol_runs.guild_id', '=', guildId)
        .where('protocol_contributions.author_id', '=', userId)
        .orderBy('protocol_contributions.id')
        .execute(),
      db
        .selectFrom('protocol_actions')
        .innerJoin('protocol_runs', 'protocol_runs.id', 'protocol_actions.run_id')
        .select(['protocol_runs.protocol_id', 'protocol_runs.topic', 'protocol_actions.text', 'protocol_actions.owner_id', 'protocol_actions.added_by', 'protocol_actions.due_date', 'protocol_actions.created_at'])
        .where('protocol_runs.guild_id', '=', guildId)
        .where((eb) => eb.or([eb('protocol_actions.owner_id', '=', userId), eb('protocol_actions.added_by', '=', userId)]))
        .orderBy('protocol_actions.id')
        .execute(),
    ]);
    return {
      facilitated,
      contributions: contributions.map((c) => ({ ...c, step: c.step + 1 })),
      actions: actions.map(({ owner_id, added_by, ...action }) => ({ ...action, youOwnIt: owner_id === userId, youAddedIt: added_by === userId })),
    };
  },
  async forget(trx, guildId, userId) {
    const contributions = await trx.deleteFrom('protocol_contributions').where('author_id', '=', userId).where('run_id', 'in', runsIn(trx, guildId)).executeTakeFirst();
    const actions = await trx
      .deleteFrom('protocol_actions')
      .where((eb) => eb.or([eb('owner_id', '=', userId), eb('added_by', '=', userId)]))
      .where('run_id', 'in', runsIn(trx, guildId))
      .executeTakeFirst();
    const runs = await trx.updateTable('protocol_runs').set({ facilitator_id: null }).where('guild_id', '=', guildId).where('facilitator_id', '=', userId).executeTakeFirst();
    return Number(contributions.numDeletedRows) + Number(actions.numDeletedRows) + Number(runs.numUpdatedRows);
  },
};
