import { REST } from '@discordjs/rest';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes, Routes, type RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { Client, Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { shardOfGuild } from '../src/gateway/sharding.js';
import { Harness } from '../src/harness.js';
import type { GuildRecord } from '../src/world.js';
import { rawClient, type RawGatewayClient } from './gateway-harness.js';

/**
 * Sharding as discord-api-docs describes it (docs/events/gateway.mdx "Sharding", "Max Concurrency",
 * "Get Gateway Bot"; docs/topics/opcodes-and-status-codes.md 4010/4011). Rules in src/gateway/sharding.ts.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `count` servers with the bot. A snowflake's shard comes from its millisecond, so servers made a
 * millisecond apart spread over the shards as real ones do.
 */
async function guilds(harness: Harness, count: number): Promise<GuildRecord[]> {
  const made: GuildRecord[] = [];
  for (let n = 0; n < count; n += 1) {
    made.push(harness.guild(`Server ${n}`, { owner: 'owner' }));
    const at = Date.now();
    while (Date.now() === at) await sleep(0);
  }
  return made;
}

/** Many servers at once: cheap, all in one or a few milliseconds (so mostly on one shard). */
function manyGuilds(harness: Harness, count: number): void {
  for (let n = 0; n < count; n += 1) harness.guild(`Server ${n}`, { owner: 'owner' });
}

const identify = (token: string, shard?: [number, number]) => ({
  op: GatewayOpcodes.Identify,
  d: { token, intents: GatewayIntentBits.Guilds, properties: { os: 'linux', browser: 'test', device: 'test' }, ...(shard ? { shard } : {}) },
});

describe('the emulator serves shards the way Discord does', () => {
  let harness: Harness | undefined;
  const raws: RawGatewayClient[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.close();
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
    await harness?.close();
    harness = undefined;
  });

  async function start(options: Parameters<typeof Harness.start>[0] = {}): Promise<Harness> {
    harness = await Harness.start({ rateLimits: { disabled: true }, ...options });
    return harness;
  }
  async function connect(h: Harness): Promise<RawGatewayClient> {
    const raw = await rawClient(Number(new URL(h.emulator.httpUrl).port));
    raws.push(raw);
    await raw.next((p) => p.op === GatewayOpcodes.Hello);
    return raw;
  }
  const gatewayBot = (h: Harness) => new REST({ api: h.emulator.apiUrl, retries: 0 }).setToken(h.emulator.token).get(Routes.gatewayBot()) as Promise<RESTGetAPIGatewayBotResult>;

  it('recommends about one shard per 1,000 servers in GET /gateway/bot, with the session start limit', async () => {
    const h = await start({ sessionStarts: { maxConcurrency: 4 } });
    expect(await gatewayBot(h)).toMatchObject({ url: h.emulator.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, max_concurrency: 4 } });
    manyGuilds(h, 1_000);
    expect((await gatewayBot(h)).shards).toBe(1);
    manyGuilds(h, 1);
    expect((await gatewayBot(h)).shards).toBe(2);
    // Every IDENTIFY uses one of the day's session starts.
    const raw = await connect(h);
    raw.send(identify(h.emulator.token, [0, 2]));
    await raw.next((p) => p.t === GatewayDispatchEvents.Ready, 10_000);
    const { session_start_limit: limit } = await gatewayBot(h);
    expect(limit.remaining).toBe(999);
    expect(limit.reset_after).toBeGreaterThan(86_000_000);
  });

  it("sends each shard its own servers only, by (guild_id >> 22) % num_shards", async () => {
    const h = await start({ sessionStarts: { maxConcurrency: 2 } });
    const made = await guilds(h, 6);
    const owned = (shard: number) => made.filter((guild) => shardOfGuild(guild.id, 2) === shard).map((guild) => guild.id).sort();
    expect(owned(0).length).toBeGreaterThan(0);
    expect(owned(1).length).toBeGreaterThan(0);
    for (const shard of [0, 1]) {
      const raw = await connect(h);
      raw.send(identify(h.emulator.token, [shard, 2]));
      const ready = await raw.next((p) => p.t === GatewayDispatchEvents.Ready);
      expect((ready.d as { guilds: { id: string }[]; shard: number[] }).shard).toEqual([shard, 2]);
      expect((ready.d as { guilds: { id: string }[] }).guilds.map((g) => g.id).sort()).toEqual(owned(shard));
    }
  });

  it('closes an IDENTIFY for a shard that does not exist with 4010 (Invalid shard)', async () => {
    const h = await start();
    const raw = await connect(h);
    raw.send(identify(h.emulator.token, [2, 2]));
    expect(await raw.closed).toEqual({ code: GatewayCloseCodes.InvalidShard, reason: 'Invalid shard.' });
  });

  it('closes with 4011 (Sharding required) a session that would hold more than 2,500 servers', async () => {
    const h = await start({ sessionStarts: { maxConcurrency: 16 } });
    const made = await guilds(h, 2_501);
    const unsharded = await connect(h);
    unsharded.send(identify(h.emulator.token));
    expect(await unsharded.closed).toEqual({ code: GatewayCloseCodes.ShardingRequired, reason: 'Sharding required.' });
    // Spread over two shards, neither holds more than 2,500.
    expect(made.filter((guild) => shardOfGuild(guild.id, 2) === 1).length).toBeLessThan(2_500);
    const sharded = await connect(h);
    sharded.send(identify(h.emulator.token, [1, 2]));
    await sharded.next((p) => p.t === GatewayDispatchEvents.Ready, 10_000);
  });

  it('lets one IDENTIFY per rate_limit_key (shard_id % max_concurrency) through per window, and answers others with op 9', async () => {
    const h = await start({ sessionStarts: { maxConcurrency: 2, identifyWindowMs: 400 } });
    const open = async (shard: number) => {
      const raw = await connect(h);
      raw.send(identify(h.emulator.token, [shard, 4]));
      return raw.next((p) => p.t === GatewayDispatchEvents.Ready || p.op === GatewayOpcodes.InvalidSession);
    };
    // Shards 0 and 1 are keys 0 and 1: both start at once.
    expect((await open(0)).t).toBe(GatewayDispatchEvents.Ready);
    expect((await open(1)).t).toBe(GatewayDispatchEvents.Ready);
    // Shard 2 is key 0 again: its bucket is busy until the window has passed.
    expect(await open(2)).toMatchObject({ op: GatewayOpcodes.InvalidSession, d: false });
    await sleep(450);
    expect((await open(2)).t).toBe(GatewayDispatchEvents.Ready);
    expect((await open(3)).t).toBe(GatewayDispatchEvents.Ready);
  });

  it('brings discord.js up on its own with shards: "auto", each shard holding its own servers', async () => {
    const h = await start({ sessionStarts: { maxConcurrency: 16 } });
    const made = await guilds(h, 4);
    manyGuilds(h, 1_000);
    const client = new Client({ intents: [GatewayIntentBits.Guilds], shards: 'auto', rest: { api: h.emulator.apiUrl } });
    clients.push(client);
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(h.emulator.token);
    await ready;
    expect(client.options.shardCount).toBe(2);
    expect(client.ws.shards.size).toBe(2);
    expect(client.guilds.cache.size).toBe(1_004);
    for (const guild of made) expect(client.guilds.cache.get(guild.id)?.shardId).toBe(shardOfGuild(guild.id, 2));
  });
});
