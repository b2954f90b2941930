import type { Db } from '../db/connection.js';
import type { PrivacyProvider } from '../privacy/provider.js';
import { describeStep } from './steps.js';
import { tenetsAt } from './tenets.js';
import { findWalk } from './walk-store.js';

/** What onboarding keeps about a member: their walk, commitments and introduction. */
export const onboardingPrivacy: PrivacyProvider = {
  async export(db: Db, guildId: string, userId: string) {
    const walk = await findWalk(db, guildId, userId);
    const tenets = walk ? await tenetsAt(db, guildId, walk.tenetVersion) : undefined;
    const commitments = await db
      .selectFrom('onboarding_commitments')
      .select(['tenet_name', 'tenet_version', 'reflection', 'committed_at'])
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .orderBy('committed_at')
      .execute();
    const intro = await db
      .selectFrom('onboarding_intros')
      .select(['name', 'role', 'school_region', 'reasons', 'note', 'created_at'])
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return {
      walk: walk && {
        step: describeStep(walk.step, tenets?.tenets.length ?? 0),
        startedAt: walk.startedAt.toISOString(),
        finishedAt: walk.finishedAt?.toISOString() ?? null,
        where: walk.lastChannel?.via ?? null,
      },
      commitments: commitments.map((c) => ({ tenet: c.tenet_name, tenetsVersion: c.tenet_version, reflection: c.reflection, committedAt: c.committed_at })),
      introduction: intro && {
        name: intro.name,
        role: intro.role,
        schoolOrRegion: intro.school_region,
        reasons: JSON.parse(intro.reasons) as unknown,
        note: intro.note,
        postedAt: intro.created_at,
      },
    };
  },

  async forget(trx: Db, guildId: string, userId: string) {
    let removed = 0;
    for (const table of ['onboarding_walks', 'onboarding_commitments', 'onboarding_intros'] as const) {
      const result = await trx.deleteFrom(table).where('guild_id', '=', guildId).where('user_id', '=', userId).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  },
};
