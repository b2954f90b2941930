import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stepToken } from '../../src/onboarding/steps.js';
import { findWalk } from '../../src/onboarding/walk-store.js';
import {
  admitMember,
  claimPendingDeliveries,
  commitToTenet,
  DELIVERY_CLAIM_MS,
  finishWalk,
  markLeft,
  passScreening,
  recordDelivered,
  releaseUndeliverable,
  restartWalk,
} from '../../src/onboarding/walks.js';
import { EVERY_SHARD } from '../../src/sharding/shards.js';
import { GUILD, member, services, TENETS } from './support.js';

const INTRO = { name: 'Dave', role: 'coach', schoolRegion: null, reasons: ['siloed'], note: null } as const;
const dave = member(1);
const admit = (s: Awaited<ReturnType<typeof services>>, pending = false) =>
  admitMember(s, { guildId: GUILD, userId: dave, displayName: 'Dave', pending, defaults: TENETS });
const tenet = (index: number) => ({ kind: 'tenet', version: 1, index }) as const;

describe('the walk', () => {
  let s: Awaited<ReturnType<typeof services>>;
  beforeEach(async () => {
    s = await services();
  });
  afterEach(() => s.close());

  it('starts at the first tenet of the server’s current version, claimed for delivery', async () => {
    const admitted = await admit(s);
    expect(admitted.kind).toBe('deliver');
    if (admitted.kind !== 'deliver') return;
    expect(admitted.greeting).toBe('welcome');
    expect(admitted.walk.step).toEqual(tenet(0));
    expect(admitted.walk.reach).toEqual({ kind: 'pending' });
    // Claimed by the process that admitted it: the ticker leaves it alone for a while.
    expect(await claimPendingDeliveries(s, 10, EVERY_SHARD)).toEqual([]);
    s.clock.advance(DELIVERY_CLAIM_MS + 1);
    expect((await claimPendingDeliveries(s, 10, EVERY_SHARD)).map((p) => p.walk.userId)).toEqual([dave]);
  });

  it('claims several pending deliveries at once, and lets go of one that can\'t be delivered here', async () => {
    const carol = member(2);
    await admit(s);
    await admitMember(s, { guildId: GUILD, userId: carol, displayName: 'Carol', pending: false, defaults: TENETS });
    s.clock.advance(DELIVERY_CLAIM_MS + 1);
    expect((await claimPendingDeliveries(s, 10, EVERY_SHARD)).map((p) => p.walk.userId).sort()).toEqual([dave, carol].sort());
    // Both claimed in that one go: nothing for the next tick.
    expect(await claimPendingDeliveries(s, 10, EVERY_SHARD)).toEqual([]);

    // The bot left Carol's server: her walk stops being claimed over and over.
    await releaseUndeliverable(s, GUILD, carol);
    expect((await findWalk(s.db, GUILD, carol))?.reach).toEqual({ kind: 'unreachable' });
    s.clock.advance(DELIVERY_CLAIM_MS + 1);
    expect((await claimPendingDeliveries(s, 10, EVERY_SHARD)).map((p) => p.walk.userId)).toEqual([dave]);

    // A walk already delivered keeps its state (a nudge that couldn't go out changes nothing).
    await recordDelivered(s, GUILD, dave, { via: 'dm', channelId: '300000000000000001' });
    await releaseUndeliverable(s, GUILD, dave);
    expect((await findWalk(s.db, GUILD, dave))?.reach.kind).toBe('delivered');
  });

  it('moves one step per commitment, and a repeated click on the same step changes nothing', async () => {
    await admit(s);
    const first = await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(0), reflection: null });
    expect(first.kind === 'advanced' && first.walk.step).toEqual(tenet(1));
    const again = await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(0), reflection: null });
    expect(again.kind).toBe('stale');
    expect((await findWalk(s.db, GUILD, dave))?.step).toEqual(tenet(1));

    await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(1), reflection: 'Be kind to yourself too.' });
    const last = await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(2), reflection: null });
    expect(last.kind === 'advanced' && last.walk.step).toEqual({ kind: 'introduce' });
    const done = await finishWalk(s, { guildId: GUILD, userId: dave, intro: INTRO });
    expect(done.kind === 'done' && done.walk.finishedAt).toEqual(s.clock.now());
    expect((await finishWalk(s, { guildId: GUILD, userId: dave, intro: INTRO })).kind).toBe('finished');
    expect((await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(2), reflection: null })).kind).toBe('finished');
  });

  it('waits for rules screening, then starts once', async () => {
    expect((await admit(s, true)).kind).toBe('awaiting-screening');
    const passed = await passScreening(s, GUILD, dave);
    expect(passed?.greeting).toBe('welcome');
    expect(await passScreening(s, GUILD, dave)).toBeUndefined();
  });

  it('waits while a member is away, and welcomes them back where they stopped', async () => {
    await admit(s);
    await recordDelivered(s, GUILD, dave, { via: 'dm', channelId: '300000000000000001' });
    await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(0), reflection: null });
    await markLeft(s, GUILD, dave);
    expect((await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(1), reflection: null })).kind).toBe('away');

    const back = await admit(s);
    expect(back.kind === 'deliver' && back.greeting).toBe('welcome-back');
    expect(back.walk.step).toEqual(tenet(1));
    expect(back.walk.lastChannel).toEqual({ via: 'dm', channelId: '300000000000000001' });
  });

  it('gives a member who finished and came back nothing to walk, only their role', async () => {
    await admit(s);
    for (const index of [0, 1, 2]) await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(index), reflection: null });
    await finishWalk(s, { guildId: GUILD, userId: dave, intro: INTRO });
    await markLeft(s, GUILD, dave);
    expect((await admit(s)).kind).toBe('already-finished');
  });

  it('starts over from the first tenet on /onboarding start, even after finishing', async () => {
    await admit(s);
    await commitToTenet(s, { guildId: GUILD, userId: dave, at: tenet(0), reflection: null });
    const restarted = await restartWalk(s, { guildId: GUILD, userId: dave, displayName: 'Dave', defaults: TENETS });
    expect(restarted.step).toEqual(tenet(0));
    expect(stepToken({ kind: 'tenet', version: 1, index: 0 })).toBe('t1.0');
  });
});
