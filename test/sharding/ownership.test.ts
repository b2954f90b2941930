import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { ensureGuildSettings } from '../../src/guilds/guild-settings.js';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrator.js';
import { claimRecommitPrompts, claimStalledWalks } from '../../src/onboarding/outreach.js';
import { updateOnboardingSettings } from '../../src/onboarding/settings.js';
import { admitMember, claimPendingDeliveries, DELIVERY_CLAIM_MS, recordDelivered } from '../../src/onboarding/walks.js';
import { countOpenRuns, runsNeedingMessages } from '../../src/protocols/runs.js';
import { claimDue, readyToDeliver, rewindToClock } from '../../src/rituals/ledger.js';
import { globalRequestShare } from '../../src/sharding/plan.js';
import { EVERY_SHARD, InvalidShardsError, inServedGuilds, servesDirectMessages, servesGuild, shardOfGuild, shardsOf, type Shards } from '../../src/sharding/shards.js';

/** A server ID whose shard among `count` is `shard`: the shard is in the timestamp bits (>> 22). */
const guildOn = (shard: number, count: number, n = 0) => String((BigInt(1_000_000_000 + n * count + shard) << 22n) + 1234n);
const HALVES: readonly Shards[] = [shardsOf(2, [0]), shardsOf(2, [1])];
const GUILDS = [guildOn(0, 2), guildOn(1, 2), guildOn(0, 2, 1), guildOn(1, 2, 1)];
const START = new Date('2026-03-02T08:00:00.000Z');
const TENETS = [{ name: 'Be Kind', text: 'Kindness brings out the best in all of us.' }];

describe('the shards one process serves', () => {
  it("follows Discord's formula (guild_id >> 22) % count", () => {
    expect(shardOfGuild('41771983423143937', 1)).toBe(0);
    // 5 << 22 = 20971520: its timestamp part is 5, and 5 % 3 = 2; the low 22 bits never count.
    expect(shardOfGuild('20971520', 3)).toBe(2);
    expect(shardOfGuild(String(20_971_520 + 4_194_303), 3)).toBe(2);
    expect(GUILDS.map((id) => shardOfGuild(id, 2))).toEqual([0, 1, 0, 1]);
  });

  it('gives every server to exactly one of the processes, and DMs to the one with shard 0', () => {
    const thirds = [shardsOf(3, [0]), shardsOf(3, [1, 2])];
    for (let n = 0; n < 30; n += 1) {
      const guild = guildOn(n % 3, 3, n);
      expect(thirds.filter((shards) => servesGuild(shards, guild))).toHaveLength(1);
    }
    expect(thirds.map(servesDirectMessages)).toEqual([true, false]);
    expect(servesGuild(EVERY_SHARD, GUILDS[1] ?? '')).toBe(true);
    expect(servesDirectMessages(EVERY_SHARD)).toBe(true);
  });

  it('refuses shard sets that cannot exist', () => {
    expect(() => shardsOf(0, [0])).toThrow(InvalidShardsError);
    expect(() => shardsOf(2, [])).toThrow(InvalidShardsError);
    expect(() => shardsOf(2, [2])).toThrow('shard 2 does not exist among 2 shards');
    expect(shardsOf(4, [3, 1, 1])).toEqual({ count: 4, ids: [1, 3] });
  });
});

describe('background work claimed by the shards that hold each server', () => {
  let db: Db;
  let clock: ManualClock;
  beforeEach(async () => {
    db = openDatabase({ kind: 'sqlite', path: ':memory:' });
    await migrate(db);
    clock = new ManualClock(START);
  });
  afterEach(() => db.destroy());

  it('selects in SQL the same servers servesGuild picks', async () => {
    // Large IDs near 2^63 too: the cast must stay a 64-bit integer in SQLite and PostgreSQL alike.
    const ids = [...GUILDS, '9223372036854775807', '1152921504606846976'];
    for (const id of ids) await ensureGuildSettings(db, clock, id);
    for (const shards of [...HALVES, shardsOf(3, [2]), EVERY_SHARD]) {
      const rows = await db.selectFrom('guild_settings').select('guild_id').where(inServedGuilds(shards, 'guild_id')).execute();
      expect(rows.map((row) => row.guild_id).sort()).toEqual(ids.filter((id) => servesGuild(shards, id)).sort());
    }
  });

  it("claims each server's due rituals in the process that holds it, once", async () => {
    for (const guild of GUILDS) {
      await db
        .insertInto('ritual_schedules')
        .values({
          guild_id: guild,
          kind: 'prompt',
          channel_id: '300000000000000001',
          cron: '0 9 * * 1',
          time_zone: 'UTC',
          open_thread: 0,
          prompt_text: 'Hello',
          catch_up_minutes: 360,
          status: 'active',
          pause_reason: null,
          next_due_at: '2026-03-02T09:00:00.000Z',
          created_by: null,
          created_at: START.toISOString(),
          updated_at: START.toISOString(),
        })
        .execute();
    }
    const now = new Date('2026-03-02T09:00:00.000Z');
    expect(await rewindToClock({ db, clock }, now, HALVES[0] ?? EVERY_SHARD)).toEqual([]);
    const [first, second] = HALVES as [Shards, Shards];
    expect(await claimDue({ db, clock }, now, START, first)).toEqual({ claimed: 2, missed: 0 });
    expect(await claimDue({ db, clock }, now, START, second)).toEqual({ claimed: 2, missed: 0 });
    expect(await claimDue({ db, clock }, now, START, first)).toEqual({ claimed: 0, missed: 0 });
    const guildsOf = async (shards: Shards) => {
      const ids = await readyToDeliver(db, now, shards);
      const rows = await db.selectFrom('ritual_occurrences').select('guild_id').where('id', 'in', ids.length > 0 ? ids : [-1]).execute();
      return rows.map((row) => row.guild_id).sort();
    };
    expect(await guildsOf(first)).toEqual([GUILDS[0], GUILDS[2]].sort());
    expect(await guildsOf(second)).toEqual([GUILDS[1], GUILDS[3]].sort());
    expect((await guildsOf(EVERY_SHARD)).length).toBe(4);
  });

  it("claims each server's onboarding outreach in the process that holds it", async () => {
    const deps = { db, clock };
    const users = ['200000000000000001', '200000000000000002'];
    for (const guild of GUILDS) {
      await updateOnboardingSettings(deps, guild, { nudgeAfterDays: 1 });
      for (const userId of users) await admitMember(deps, { guildId: guild, userId, displayName: 'Dana', pending: false, defaults: TENETS });
    }
    // Admitting claims the first delivery; a claim older than DELIVERY_CLAIM_MS is up for the ticker.
    clock.advance(DELIVERY_CLAIM_MS + 1);
    const [first, second] = HALVES as [Shards, Shards];
    const served = (walks: readonly { guildId: string }[]) => [...new Set(walks.map((walk) => walk.guildId))].sort();
    expect(served((await claimPendingDeliveries(deps, 100, first)).map((p) => p.walk))).toEqual([GUILDS[0], GUILDS[2]].sort());
    expect(served((await claimPendingDeliveries(deps, 100, second)).map((p) => p.walk))).toEqual([GUILDS[1], GUILDS[3]].sort());
    for (const guild of GUILDS) for (const userId of users) await recordDelivered(deps, guild, userId, { via: 'dm', channelId: '300000000000000009' });

    clock.advance(2 * 86_400_000);
    expect(served(await claimStalledWalks(deps, 100, second))).toEqual([GUILDS[1], GUILDS[3]].sort());
    expect(served(await claimStalledWalks(deps, 100, first))).toEqual([GUILDS[0], GUILDS[2]].sort());
    expect(await claimStalledWalks(deps, 100, EVERY_SHARD)).toEqual([]);

    for (const guild of GUILDS) await db.updateTable('onboarding_walks').set({ recommit_version: 2 }).where('guild_id', '=', guild).execute();
    expect(served(await claimRecommitPrompts(deps, 100, first))).toEqual([GUILDS[0], GUILDS[2]].sort());
    expect(served(await claimRecommitPrompts(deps, 100, EVERY_SHARD))).toEqual([GUILDS[1], GUILDS[3]].sort());
  });

  it('restores the protocol messages of the servers the process holds', async () => {
    for (const [n, guild] of GUILDS.entries()) {
      await db
        .insertInto('protocol_runs')
        .values({
          guild_id: guild,
          channel_id: '300000000000000001',
          thread_id: `30000000000000010${n}`,
          protocol_id: 'five-whys',
          topic: 'Homework',
          facilitator_id: '200000000000000001',
          current_step: 0,
          state: 'running',
          step_message_id: null,
          summary_message_id: null,
          created_at: START.toISOString(),
          updated_at: START.toISOString(),
          finished_at: null,
        })
        .execute();
    }
    const [first, second] = HALVES as [Shards, Shards];
    expect((await runsNeedingMessages(db, first)).map((run) => run.guildId).sort()).toEqual([GUILDS[0], GUILDS[2]].sort());
    expect((await runsNeedingMessages(db, second)).map((run) => run.guildId).sort()).toEqual([GUILDS[1], GUILDS[3]].sort());
    expect(await countOpenRuns(db, first)).toBe(2);
    expect(await countOpenRuns(db, EVERY_SHARD)).toBe(4);
  });
});

describe("each process's share of Discord's global limit", () => {
  it('is all 50 requests a second in one process, and its shards’ part of them in one of several', () => {
    expect(globalRequestShare(undefined)).toBe(50);
    expect(globalRequestShare({ kind: 'auto' })).toBe(50);
    expect(globalRequestShare({ kind: 'all', count: 4 })).toBe(50);
    expect(globalRequestShare({ kind: 'some', shards: shardsOf(4, [2]) })).toBe(12);
    expect(globalRequestShare({ kind: 'some', shards: shardsOf(4, [0, 1]) })).toBe(25);
    expect(globalRequestShare({ kind: 'some', shards: shardsOf(100, [7]) })).toBe(1);
  });
});
