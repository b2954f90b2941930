import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onboardingPrivacy } from '../../src/onboarding/privacy.js';
import { admitMember, commitToTenet, finishWalk } from '../../src/onboarding/walks.js';
import { GUILD, member, services, START, TENETS } from './support.js';

describe('what onboarding keeps about a member', () => {
  let s: Awaited<ReturnType<typeof services>>;
  beforeEach(async () => {
    s = await services();
  });
  afterEach(() => s.close());

  it('exports the walk, commitments with reflections, and introduction; forgets them all', async () => {
    const dave = member(1);
    const other = member(2);
    for (const userId of [dave, other]) {
      await admitMember(s, { guildId: GUILD, userId, displayName: 'x', pending: false, defaults: TENETS });
      for (const index of [0, 1, 2]) await commitToTenet(s, { guildId: GUILD, userId, at: { kind: 'tenet', version: 1, index }, reflection: index === 1 ? 'Gently.' : null });
      await finishWalk(s, { guildId: GUILD, userId, intro: { name: 'Dave', role: 'teacher', schoolRegion: 'Leeds', reasons: ['innovate'], note: null } });
    }
    const exported = (await onboardingPrivacy.export(s.db, GUILD, dave)) as { walk: unknown; commitments: Array<{ tenet: string }>; introduction: unknown };
    expect(exported.walk).toEqual({ step: 'finished', startedAt: START.toISOString(), finishedAt: START.toISOString(), where: null });
    expect(exported.commitments).toHaveLength(3);
    expect(exported.commitments.find((c) => c.tenet === 'Be Kind')).toMatchObject({ tenet: 'Be Kind', tenetsVersion: 1, reflection: 'Gently.' });
    expect(exported.introduction).toMatchObject({ name: 'Dave', role: 'teacher', schoolOrRegion: 'Leeds', reasons: ['innovate'] });

    expect(await s.db.transaction().execute((trx) => onboardingPrivacy.forget(trx, GUILD, dave))).toBe(5);
    expect(await onboardingPrivacy.export(s.db, GUILD, dave)).toEqual({ walk: undefined, commitments: [], introduction: undefined });
    expect((await onboardingPrivacy.export(s.db, GUILD, other)) as { commitments: unknown[] }).toMatchObject({ commitments: [{}, {}, {}] });
  });
});
