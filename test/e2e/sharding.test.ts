import { Writable } from 'node:stream';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type ChannelRecord, type GuildRecord, type UserRecord } from '@roots-bot/discord-emulator';
import { GatewayRefusedError, type RunningBot } from '../../src/bot.js';
import { ManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { RITUALS } from '../../src/rituals/discord/feature.js';
import { startBotOnEmulator } from '../../src/sandbox/sandbox-bot.js';
import type { ShardPlan } from '../../src/sharding/plan.js';
import { shardOfGuild, shardsOf } from '../../src/sharding/shards.js';
import type { LogLine } from '../support/bot.js';
import { freshTarget } from '../support/database.js';
import type { DatabaseTarget } from '../../src/db/target.js';

/**
 * The bot as two processes, one per shard, sharing one database: what `npm run start:shards` runs,
 * here in one test process so the clock can be moved for both. Each server's events reach only the
 * shard that holds it, and each process runs the scheduled work of its own servers only.
 */

// Monday 2 March 2026, 8:00 UTC.
const MONDAY_8AM = '2026-03-02T08:00:00Z';

interface Server {
  readonly guild: GuildRecord;
  readonly general: ChannelRecord;
  readonly poems: ChannelRecord;
  readonly shard: number;
}

/** Waits for the next millisecond: a snowflake's shard comes from its millisecond. */
async function nextMillisecond(): Promise<void> {
  const at = Date.now();
  while (Date.now() === at) await new Promise((resolve) => setTimeout(resolve, 0));
}

interface ShardBot {
  readonly bot: RunningBot;
  readonly logs: LogLine[];
}

async function startShard(harness: Harness, database: DatabaseTarget, clock: ManualClock, shards: ShardPlan): Promise<ShardBot> {
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', secrets: [harness.emulator.token], destination });
  const bot = await startBotOnEmulator(harness.emulator, { database, logger, clock, shards });
  return { bot, logs };
}

describe('the bot in two shards, one process each, on one database', () => {
  let harness: Harness | undefined;
  const bots: RunningBot[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    await harness?.close();
    harness = undefined;
  });

  it("posts each server's ritual exactly once, from the shard that holds the server, and answers commands on both", async () => {
    // max_concurrency 2: shards 0 and 1 are different buckets and may identify together.
    const h = (harness = await Harness.start({ rateLimits: { disabled: true }, sessionStarts: { maxConcurrency: 2 } }));
    const morgan: UserRecord = h.user('morgan');
    const servers: Server[] = [];
    for (let n = 0; n < 6; n += 1) {
      const guild = h.guild(`Roots ${n}`, { owner: 'owner' });
      h.member(guild, 'morgan', { roles: [h.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild)] });
      servers.push({ guild, general: h.channel(guild, 'general'), poems: h.channel(guild, 'poems'), shard: shardOfGuild(guild.id, 2) });
      await nextMillisecond();
    }
    expect(new Set(servers.map((server) => server.shard))).toEqual(new Set([0, 1]));

    const clock = new ManualClock(Date.parse(MONDAY_8AM));
    const database = await freshTarget();
    // One after the other, as the ShardingManager starts them: the first migrates the database.
    const shard0 = await startShard(h, database, clock, { kind: 'some', shards: shardsOf(2, [0]) });
    bots.push(shard0.bot);
    const shard1 = await startShard(h, database, clock, { kind: 'some', shards: shardsOf(2, [1]) });
    bots.push(shard1.bot);
    const shardBots = [shard0, shard1];
    for (const [shard, { bot }] of shardBots.entries()) {
      expect([...bot.client.guilds.cache.keys()].sort()).toEqual(servers.filter((server) => server.shard === shard).map((server) => server.guild.id).sort());
    }

    // A command in every server, answered by whichever process holds it.
    for (const server of servers) {
      const reply = await h.as(morgan).run(server.general, 'ritual create', { kind: 'poem', channel: server.poems.id, cron: '0 9 * * 1', timezone: 'UTC' });
      expect(reply.kind === 'message' && reply.message.content).toMatch(/^All set! Ritual #\d+ will post a poem every Monday at 9:00 am \(UTC\)\.$/);
    }

    const settled = () => Promise.all(shardBots.map(({ bot }) => bot.ctx.features.get(RITUALS)?.running()?.settled()));
    clock.set(Date.parse('2026-03-02T09:00:00Z'));
    await settled();
    // Another tick in the same minute, in both processes: nothing more.
    clock.set(Date.parse('2026-03-02T09:00:30Z'));
    await settled();

    for (const server of servers) {
      const posts = h.read(server.poems).filter((message) => message.authorId === h.emulator.bot.id);
      expect(posts, `the ritual of ${server.guild.name}`).toHaveLength(1);
      const postedBy = shardBots.map(({ logs }) => logs.filter((line) => line.msg === 'a ritual posted' && line.guild === server.guild.id).length);
      expect(postedBy, `the shards that posted in ${server.guild.name} (shard ${server.shard})`).toEqual([0, 1].map((shard) => (shard === server.shard ? 1 : 0)));
    }
    const rows = await shard0.bot.db.selectFrom('ritual_occurrences').select(['guild_id', 'state', 'attempts']).execute();
    expect(rows).toHaveLength(servers.length);
    expect(rows.every((row) => row.state === 'posted' && row.attempts === 1)).toBe(true);
  });
});

describe('a shard count Discord refuses', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('stops the start with 4011 when one connection would hold more than 2,500 servers, and starts with SHARD_COUNT=auto', async () => {
    const h = (harness = await Harness.start({ rateLimits: { disabled: true }, sessionStarts: { maxConcurrency: 16 } }));
    for (let n = 0; n < 2_501; n += 1) {
      h.guild(`Server ${n}`, { owner: 'owner' });
      await nextMillisecond();
    }
    const clock = new ManualClock(Date.parse(MONDAY_8AM));
    const database = await freshTarget();
    const refused = await startShard(h, database, clock, { kind: 'all', count: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(GatewayRefusedError);
    expect((refused as GatewayRefusedError).closeCode).toBe(4011);

    const auto = await startShard(h, database, clock, { kind: 'auto' });
    try {
      expect(auto.bot.client.options.shardCount).toBe(3);
      expect(auto.bot.client.guilds.cache.size).toBe(2_501);
      expect(auto.logs.find((line) => line.msg === 'Roots Bot is online')?.shards).toEqual({ count: 3, ids: [0, 1, 2] });
    } finally {
      await auto.bot.stop();
    }
  }, 120_000);
});
