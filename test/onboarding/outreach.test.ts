import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimRecommitPrompts, claimReminders, claimStalledWalks, REMINDERS_PER_RUN, remindersWaiting } from '../../src/onboarding/outreach.js';
import { updateOnboardingSettings } from '../../src/onboarding/settings.js';
import { onboardingStats, periodStart } from '../../src/onboarding/stats.js';
import { requestRecommit, saveTenets } from '../../src/onboarding/tenets.js';
import { admitMember, commitToTenet, finishWalk, markLeft, recordDelivered, recordUnreachable } from '../../src/onboarding/walks.js';
import { EVERY_SHARD } from '../../src/sharding/shards.js';
import { DAY, GUILD, member, services, TENETS } from './support.js';

type S = Awaited<ReturnType<typeof services>>;

async function delivered(s: S, n: number): Promise<string> {
  const userId = member(n);
  await admitMember(s, { guildId: GUILD, userId, displayName: `m${n}`, pending: false, defaults: TENETS });
  await recordDelivered(s, GUILD, userId, { via: 'dm', channelId: `30000000000000000${n}` });
  return userId;
}

async function finish(s: S, userId: string): Promise<void> {
  for (const index of [0, 1, 2]) await commitToTenet(s, { guildId: GUILD, userId, at: { kind: 'tenet', version: 1, index }, reflection: null });
  await finishWalk(s, { guildId: GUILD, userId, intro: { name: 'x', role: 'other', schoolRegion: null, reasons: ['innovate'], note: null } });
}

describe('outreach', () => {
  let s: S;
  beforeEach(async () => {
    s = await services();
  });
  afterEach(() => s.close());

  it('nudges a walk stalled for the chosen days exactly once', async () => {
    await updateOnboardingSettings(s, GUILD, { nudgeAfterDays: 2 });
    const dave = await delivered(s, 1);
    s.clock.advance(2 * DAY - 1);
    expect(await claimStalledWalks(s, 10, EVERY_SHARD)).toEqual([]);
    s.clock.advance(1);
    expect((await claimStalledWalks(s, 10, EVERY_SHARD)).map((w) => w.userId)).toEqual([dave]);
    s.clock.advance(30 * DAY);
    expect(await claimStalledWalks(s, 10, EVERY_SHARD)).toEqual([]);
  });

  it('never nudges when the server turned nudges off, nor members who left or finished', async () => {
    await updateOnboardingSettings(s, GUILD, { nudgeAfterDays: 0 });
    await delivered(s, 1);
    s.clock.advance(10 * DAY);
    expect(await claimStalledWalks(s, 10, EVERY_SHARD)).toEqual([]);
    await updateOnboardingSettings(s, GUILD, { nudgeAfterDays: 1 });
    const gone = await delivered(s, 2);
    await markLeft(s, GUILD, gone);
    await finish(s, await delivered(s, 3));
    s.clock.advance(2 * DAY);
    expect((await claimStalledWalks(s, 10, EVERY_SHARD)).map((w) => w.userId)).toEqual([member(1)]);
  });

  it("reminds, on a moderator's word, those still for a day, not twice in a day", async () => {
    const dave = await delivered(s, 1);
    expect(await claimReminders(s, GUILD)).toEqual([]);
    s.clock.advance(DAY);
    expect((await claimReminders(s, GUILD)).map((w) => w.userId)).toEqual([dave]);
    expect(await claimReminders(s, GUILD)).toEqual([]);
    // One member by name is reminded whatever the timing.
    expect((await claimReminders(s, GUILD, dave)).map((w) => w.userId)).toEqual([dave]);
  });

  it('reminds at most a run\'s worth at a time, stalled longest first, and counts the rest for next time', async () => {
    const members: string[] = [];
    for (let n = 1; n <= REMINDERS_PER_RUN + 2; n += 1) {
      members.push(await delivered(s, n));
      s.clock.advance(60_000);
    }
    s.clock.advance(DAY);
    const first = await claimReminders(s, GUILD);
    expect(first.map((w) => w.userId)).toEqual(members.slice(0, REMINDERS_PER_RUN));
    expect(first.every((w) => w.nudgedAt?.getTime() === s.clock.now().getTime())).toBe(true);
    expect(await remindersWaiting(s, GUILD)).toBe(2);
    expect((await claimReminders(s, GUILD)).map((w) => w.userId)).toEqual(members.slice(REMINDERS_PER_RUN));
    expect(await remindersWaiting(s, GUILD)).toBe(0);
    expect(await claimReminders(s, GUILD)).toEqual([]);
  });

  it('nudges and prompts several members in one claim, each once', async () => {
    await updateOnboardingSettings(s, GUILD, { nudgeAfterDays: 1 });
    const members = [await delivered(s, 1), await delivered(s, 2), await delivered(s, 3)];
    s.clock.advance(DAY);
    expect(await claimStalledWalks(s, 2, EVERY_SHARD)).toHaveLength(2);
    expect(await claimStalledWalks(s, 10, EVERY_SHARD)).toHaveLength(1);
    expect(await claimStalledWalks(s, 10, EVERY_SHARD)).toEqual([]);

    for (const userId of members) await finish(s, userId);
    await saveTenets(s, { guildId: GUILD, tenets: [{ name: 'Be Kind', text: 'Always.' }], origin: 'moderator', by: member(9), defaults: TENETS });
    await requestRecommit(s, GUILD, 2);
    expect((await claimRecommitPrompts(s, 10, EVERY_SHARD)).map((w) => w.userId).sort()).toEqual([...members].sort());
    expect(await claimRecommitPrompts(s, 10, EVERY_SHARD)).toEqual([]);
  });

  it('sends each re-commit prompt once', async () => {
    const dave = await delivered(s, 1);
    await finish(s, dave);
    await saveTenets(s, { guildId: GUILD, tenets: [{ name: 'Be Kind', text: 'Always.' }], origin: 'moderator', by: member(9), defaults: TENETS });
    await requestRecommit(s, GUILD, 2);
    expect((await claimRecommitPrompts(s, 10, EVERY_SHARD)).map((w) => [w.userId, w.recommitVersion])).toEqual([[dave, 2]]);
    expect(await claimRecommitPrompts(s, 10, EVERY_SHARD)).toEqual([]);
  });
});

describe('stats', () => {
  let s: S;
  beforeEach(async () => {
    s = await services();
  });
  afterEach(() => s.close());

  it('follows the members who joined in the period to where they are now', async () => {
    await delivered(s, 1); // joined a month ago, still at the first tenet
    s.clock.advance(30 * DAY);
    await finish(s, await delivered(s, 2));
    const stuck = await delivered(s, 3);
    await commitToTenet(s, { guildId: GUILD, userId: stuck, at: { kind: 'tenet', version: 1, index: 0 }, reflection: null });
    await markLeft(s, GUILD, stuck);
    await admitMember(s, { guildId: GUILD, userId: member(4), displayName: 'm4', pending: true, defaults: TENETS });
    await admitMember(s, { guildId: GUILD, userId: member(5), displayName: 'm5', pending: false, defaults: TENETS });
    await recordUnreachable(s, GUILD, member(5));

    const week = await onboardingStats(s.db, GUILD, periodStart('week', s.clock.now()));
    expect(week).toMatchObject({ joined: 4, finished: 1, leftBeforeFinishing: 1 });
    expect(week.stopped).toEqual([
      { at: { kind: 'screening' }, count: 1 },
      { at: { kind: 'unreachable' }, count: 1 },
      { at: { kind: 'tenet', index: 1 }, count: 1 },
    ]);
    const all = await onboardingStats(s.db, GUILD, null);
    expect(all.joined).toBe(5);
    expect(all.stopped.find((stop) => stop.at.kind === 'tenet' && stop.at.index === 0)?.count).toBe(1);
  });
});
