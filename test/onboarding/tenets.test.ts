import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countCommittedBefore, currentTenets, diffTenets, recommit, requestRecommit, saveTenets } from '../../src/onboarding/tenets.js';
import { admitMember, commitToTenet, finishWalk } from '../../src/onboarding/walks.js';
import { GUILD, member, services, TENETS } from './support.js';

describe('tenet versions', () => {
  let s: Awaited<ReturnType<typeof services>>;
  beforeEach(async () => {
    s = await services();
  });
  afterEach(() => s.close());

  const edited = [TENETS[0], { name: 'Be Kind', text: 'Kindness lasts.' }, { name: 'Listen and Learn', text: 'Listen first.' }].filter((t) => t !== undefined);

  it('starts from the shipped tenets as version 1, and writes a new version for each change', async () => {
    expect((await currentTenets(s, GUILD, TENETS)).version).toBe(1);
    const saved = await saveTenets(s, { guildId: GUILD, tenets: edited, origin: 'moderator', by: member(9), basedOn: 1, defaults: TENETS });
    expect(saved.kind).toBe('saved');
    if (saved.kind !== 'saved') return;
    expect(saved.set.version).toBe(2);
    expect(saved.changes).toEqual({ changed: [edited[1], edited[2]], removed: ['Hold Hope'] });
    expect((await saveTenets(s, { guildId: GUILD, tenets: edited, origin: 'moderator', by: member(9), defaults: TENETS })).kind).toBe('unchanged');
    // An edit begun on version 1 would undo version 2 unseen.
    expect((await saveTenets(s, { guildId: GUILD, tenets: TENETS, origin: 'moderator', by: member(9), basedOn: 1, defaults: TENETS })).kind).toBe('conflict');
  });

  it('matches tenets by name, whatever the case', () => {
    expect(diffTenets(TENETS, [{ name: 'share generously', text: TENETS[0]?.text ?? '' }])).toEqual({ changed: [], removed: ['Be Kind', 'Hold Hope'] });
  });

  it('asks members who committed earlier to re-commit to what changed, and records it at the new version', async () => {
    const dave = member(1);
    await admitMember(s, { guildId: GUILD, userId: dave, displayName: 'Dave', pending: false, defaults: TENETS });
    for (const index of [0, 1, 2]) await commitToTenet(s, { guildId: GUILD, userId: dave, at: { kind: 'tenet', version: 1, index }, reflection: null });
    await finishWalk(s, { guildId: GUILD, userId: dave, intro: { name: 'Dave', role: 'teacher', schoolRegion: null, reasons: ['innovate'], note: null } });

    await saveTenets(s, { guildId: GUILD, tenets: edited, origin: 'moderator', by: member(9), defaults: TENETS });
    expect(await countCommittedBefore(s.db, GUILD, 2)).toBe(1);
    expect(await requestRecommit(s, GUILD, 2)).toBe(1);
    expect((await recommit(s, { guildId: GUILD, userId: dave, version: 3 })).kind).toBe('outdated');
    const done = await recommit(s, { guildId: GUILD, userId: dave, version: 2 });
    expect(done).toEqual({ kind: 'recommitted', version: 2, tenets: [edited[1], edited[2]] });
    expect((await recommit(s, { guildId: GUILD, userId: dave, version: 2 })).kind).toBe('not-asked');
    expect(await countCommittedBefore(s.db, GUILD, 2)).toBe(0);
    const rows = await s.db.selectFrom('onboarding_commitments').select(['tenet_version', 'tenet_name']).where('tenet_version', '=', 2).execute();
    expect(rows.map((r) => r.tenet_name).sort()).toEqual(['Be Kind', 'Listen and Learn']);
  });
});
