import { sqliteAt } from '../src/db/target.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { Client, Events, MessageFlags } from 'discord.js';
import { Harness, type UserRecord } from '@roots-bot/discord-emulator';
import { BOT_INTENTS } from '../src/bot.js';
import { publishCommands } from '../src/interactions/publish.js';
import { loadCommands } from '../src/interactions/registry.js';
import { createLogger } from '../src/logger.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { defineBench, now, percentile, round, type Figures } from './support.js';

const WARMUP = 300;
const SEQUENTIAL = 400;
const CONCURRENT = 2000;
const IN_FLIGHT = 32;

interface Scene {
  readonly harness: Harness;
  readonly member: UserRecord;
  readonly channel: string;
}

async function scene(): Promise<Scene> {
  // Discord-like rate limits: interaction callbacks are outside the global limit, as on Discord.
  const harness = await Harness.start();
  const guild = harness.guild('Bench', { owner: 'owner' });
  const channel = harness.channel(guild, 'general').id;
  const member = harness.member(guild, 'alice');
  return { harness, member, channel };
}

async function measure({ harness, member, channel }: Scene): Promise<{ p50: number; p99: number; perSecond: number }> {
  const actor = harness.as(member);
  const once_ = async () => {
    const started = now();
    const response = await actor.run(channel, 'about');
    if (response.kind !== 'message') throw new Error('unexpected response');
    return now() - started;
  };
  for (let i = 0; i < WARMUP; i++) await once_();
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) latencies.push(await once_());

  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CONCURRENT) {
        next += 1;
        await once_();
      }
    }),
  );
  const seconds = (now() - started) / 1000;
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), perSecond: CONCURRENT / seconds };
}

/** The library floor: a bare discord.js client that answers every interaction with a constant. */
async function bareClient(): Promise<{ p50: number; p99: number; perSecond: number }> {
  const s = await scene();
  const registry = await loadCommands();
  await publishCommands({ token: s.harness.emulator.token, apiUrl: s.harness.emulator.apiUrl }, registry.definitions);
  const client = new Client({ intents: [...BOT_INTENTS], rest: { api: s.harness.emulator.apiUrl }, allowedMentions: { parse: [] } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ content: 'Roots Bot', flags: MessageFlags.Ephemeral });
  });
  const ready = once(client, Events.ClientReady);
  await client.login(s.harness.emulator.token);
  await ready;
  try {
    return await measure(s);
  } finally {
    await client.destroy();
    await s.harness.close();
  }
}

async function rootsBot(): Promise<{ p50: number; p99: number; perSecond: number }> {
  const s = await scene();
  const bot = await startBotOnEmulator(s.harness.emulator, {
    database: sqliteAt(`${mkdtempSync(`${tmpdir()}/roots-bench-`)}/bench.sqlite`),
    logger: createLogger({ level: 'silent' }),
  });
  try {
    return await measure(s);
  } finally {
    await bot.stop();
    await s.harness.close();
  }
}

export default defineBench({
  name: '/about through the emulator',
  description: `Round trip from a member's /about to the reply they see (${SEQUENTIAL} sequential for latency, ${CONCURRENT} with ${IN_FLIGHT} in flight for throughput), Roots Bot beside a bare discord.js client replying a constant: our overhead over the library floor.`,
  async run(): Promise<Figures> {
    // Each side runs twice and the second pass counts: the first pays for the JIT warming up,
    // which would otherwise favour whichever side runs second.
    await bareClient();
    await rootsBot();
    const bare = await bareClient();
    const ours = await rootsBot();
    return {
      'bare discord.js p50 / p99 (ms)': `${round(bare.p50)} / ${round(bare.p99)}`,
      'Roots Bot p50 / p99 (ms)': `${round(ours.p50)} / ${round(ours.p99)}`,
      'bare discord.js interactions/s': round(bare.perSecond, 0),
      'Roots Bot interactions/s': round(ours.perSecond, 0),
      'overhead ratio, p50 latency (ours / bare)': round(ours.p50 / bare.p50),
      'overhead ratio, throughput (bare / ours)': round(bare.perSecond / ours.perSecond),
    };
  },
});
