import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { Harness, type ChannelRecord } from '@roots-bot/discord-emulator';
import type { RunningBot } from '../src/bot.js';
import { ManualClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { createRitualsFeature, RITUALS } from '../src/rituals/discord/feature.js';
import { createSchedule } from '../src/rituals/schedules.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { sqliteAt } from '../src/db/target.js';
import type { ShardPlan } from '../src/sharding/plan.js';
import { shardOfGuild, shardsOf } from '../src/sharding/shards.js';
import { START_NODE_FLAGS } from '../test/support/entry-process.js';
import { defineBench, now, round, type Figures } from './support.js';

/**
 * The weekly fan-out with the bot split into shards. Every shard process is a bot of its own here
 * (its own discord.js client and REST queue, as separate processes have), in this one process so
 * one clock moves them all; they share one SQLite database and one token, so one global limit.
 *
 * `SHARD_BENCH_GUILDS` sets the number of servers (2,000 by default: at 50 requests/s the floor is
 * already 40 s per run; 10,000 makes it 200 s per run). `SHARD_BENCH_MEMBERS` the members each
 * server of the memory figure has cached (100).
 */
const GUILDS = Number(process.env.SHARD_BENCH_GUILDS ?? 2_000);
const MEMBERS = Number(process.env.SHARD_BENCH_MEMBERS ?? 100);
/** One shard's worth of servers at Discord's hard ceiling. */
const GUILDS_PER_SHARD = 2_500;
const DUE = Date.parse('2026-03-02T09:00:00Z');
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * A server made as if at `at` (ms since the epoch): a snowflake's shard comes from its
 * millisecond, so servers a millisecond apart fall on the shards in turn, evenly, as real servers
 * made over years spread. (Made all at once they would crowd one shard past 2,500: 4011.)
 */
function guildMadeAt(harness: Harness, at: number, name: string): ChannelRecord {
  return harness.world.snowflakes.pinned(at, () => harness.channel(harness.guild(name, { owner: 'owner' }), 'poems'));
}

/**
 * The fan-out over `SHARDS` shards, all in one process (`npm start`) or one process each (`npm run
 * start:shards`). One shard for all of them isn't a choice past 2,500 servers: Discord (and the
 * emulator) close its connection with 4011.
 */
const SHARDS = 4;

async function fanOut(processes: 1 | typeof SHARDS): Promise<Figures> {
  const shardCount = SHARDS;
  // max_concurrency 16: the shards may identify together (the bench measures posting, not starting).
  const harness = await Harness.start({ sessionStarts: { maxConcurrency: 16 } });
  const channels: ChannelRecord[] = [];
  const since = Date.now() - GUILDS - 60_000;
  harness.user('owner');
  for (let i = 0; i < GUILDS; i += 1) channels.push(guildMadeAt(harness, since + i, `School ${i + 1}`));
  const clock = new ManualClock(DUE - 60_000);
  const databasePath = `${mkdtempSync(`${tmpdir()}/roots-bench-shards-`)}/bot.sqlite`;
  const bots: RunningBot[] = [];
  for (let shard = 0; shard < processes; shard += 1) {
    const shards: ShardPlan = processes === 1 ? { kind: 'all', count: shardCount } : { kind: 'some', shards: shardsOf(shardCount, [shard]) };
    bots.push(await startBotOnEmulator(harness.emulator, { database: sqliteAt(databasePath), logger: createLogger({ level: 'silent' }), clock, shards, features: () => [createRitualsFeature()] }));
  }
  const [first] = bots;
  if (!first) throw new Error('no shard started');
  const content = first.ctx.content.rituals;
  for (const channel of channels) {
    const created = await createSchedule({ db: first.db, clock, content }, channel.guildId ?? '', 'bench', { kind: 'poem', channelId: channel.id, cron: '0 9 * * 1', timeZone: 'UTC', openThread: false });
    if (!created.ok) throw new Error(`could not create a schedule: ${created.problem.kind}`);
  }
  const settled = () => Promise.all(bots.map((bot) => bot.ctx.features.get(RITUALS)?.running()?.settled()));
  await settled();
  const statsBefore = harness.emulator.limiter.stats();

  const started = now();
  clock.set(DUE);
  await settled();
  const elapsedMs = now() - started;

  const statsAfter = harness.emulator.limiter.stats();
  const allowed = statsAfter.allowed - statsBefore.allowed;
  const floorMs = (allowed / 50) * 1000;
  const botId = harness.emulator.bot.id;
  const postsPer = channels.map((channel) => harness.world.messagesIn(channel.id).filter((r) => r.message.author.id === botId).length);
  const perShard = Array.from({ length: shardCount }, (_, shard) => channels.filter((channel) => shardOfGuild(channel.guildId ?? '', shardCount) === shard).length);
  for (const bot of bots) await bot.stop();
  await harness.close();
  const label = processes === 1 ? `${shardCount} shards in 1 process` : `${shardCount} shards in ${processes} processes`;
  return {
    [`${label}: servers per shard`]: perShard.join(' / '),
    [`${label}: requests sent (allowed)`]: allowed,
    [`${label}: floor, requests ÷ 50/s (s)`]: round(floorMs / 1000, 1),
    [`${label}: time until all posted (s)`]: round(elapsedMs / 1000, 1),
    [`${label}: time ÷ floor`]: round(elapsedMs / floorMs, 2),
    [`${label}: duplicates`]: postsPer.filter((n) => n > 1).length,
    [`${label}: lost`]: postsPer.filter((n) => n === 0).length,
    [`${label}: 429 global`]: statsAfter.rejected.global - statsBefore.rejected.global,
    [`${label}: 429 per-route`]: statsAfter.rejected.user - statsBefore.rejected.user,
  };
}

/**
 * One shard's process at Discord's ceiling: 2,500 servers, each with `MEMBERS` members the cache
 * keeps (members with a role are in GUILD_CREATE even in large servers). The process is
 * `src/main.ts` as `npm start` runs it; its RSS is read from /proc once it is online and settled.
 */
async function shardMemory(): Promise<Figures> {
  const harness = await Harness.start({ rateLimits: { disabled: true } });
  const { world } = harness;
  for (let i = 0; i < GUILDS_PER_SHARD; i += 1) {
    const guild = harness.guild(`School ${i + 1}`, { owner: 'owner' });
    harness.channel(guild, 'poems');
    const role = world.createRole(guild.id, { name: 'Members', permissions: PermissionFlagsBits.ViewChannel });
    for (let m = 0; m < MEMBERS; m += 1) world.seatMember(guild.id, world.createUser({ username: `m${i}-${m}` }).id, [role.id]);
  }
  const child = spawn(process.execPath, [...START_NODE_FLAGS, 'scripts/launch.mjs', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DOTENV_CONFIG_PATH: '/nonexistent/.env',
      DISCORD_TOKEN: harness.emulator.token,
      DISCORD_API_URL: harness.emulator.apiUrl,
      DATABASE_PATH: `${mkdtempSync(`${tmpdir()}/roots-bench-rss-`)}/bot.sqlite`,
      SHARD_COUNT: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = now();
  while (!output.includes('Roots Bot is online')) {
    if (child.exitCode !== null) throw new Error(`the shard process exited with ${child.exitCode}`);
    if (now() - started > 300_000) throw new Error('the shard process did not come online in 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const readyS = (now() - started) / 1000;
  // Let start-up garbage go; the figure is what the shard holds while serving.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  const hwmKb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  child.kill('SIGTERM');
  await once(child, 'exit');
  await harness.close();
  return {
    'one shard: servers × cached members each': `${GUILDS_PER_SHARD} × ${MEMBERS}`,
    'one shard: time to online (s)': round(readyS, 1),
    'one shard: RSS once online (MiB)': round(rssKb / 1024, 0),
    'one shard: peak RSS (MiB)': round(hwmKb / 1024, 0),
  };
}

export default defineBench({
  name: `shards: the weekly fan-out for ${GUILDS.toLocaleString('en')} servers over 4 shards in 1 process and in 4, and one shard's memory`,
  description:
    "Every server's poem is due at 9:00. The shards share one token and so Discord's 50 requests/s: each shard process paces itself to its share (src/sharding/plan.ts), so 4 processes can't beat the floor that limit sets, only avoid global 429s. (One shard for 10,000 servers isn't possible: Discord closes it with 4011.) Duplicates and losses must be 0. Then one shard process with 2,500 servers × 100 cached members: its RSS.",
  async run() {
    return { servers: GUILDS, ...(await fanOut(1)), ...(await fanOut(SHARDS)), ...(await shardMemory()) };
  },
});
