import { sqliteAt } from '../src/db/target.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ChannelType } from 'discord-api-types/v10';
import { DISCORD_GLOBAL_LIMIT, Harness, type WorldEvent } from '@roots-bot/discord-emulator';
import { createLogger } from '../src/logger.js';
import { createOnboardingFeature } from '../src/onboarding/discord/feature.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { defineBench, now, percentile, round, type Figures } from './support.js';

const JOINS = 500;
const TIMEOUT_MS = 180_000;

interface RaidResult {
  readonly seconds: number;
  readonly recordedSeconds: number;
  readonly latencies: readonly number[];
  readonly requests: number;
  readonly rejected: number;
  readonly viaThread: number;
  readonly duplicates: number;
  readonly lost: number;
}

/**
 * `JOINS` people join at once; `closedEvery` of them (every n-th) has DMs closed and is welcomed in
 * a private thread instead. Measures until every walk's first step is in front of its member.
 */
async function raid(closedEvery: number | null): Promise<RaidResult> {
  // Discord-like rate limits: 50 requests/s globally, 5 messages per 5 s per channel. Discord's brake
  // on opening new DMs (40003) is unpublished and the emulator's is a guess, so it is off here: this
  // measures the bot's own throughput; what the bot does at 40003 is tested end to end (dm-limits).
  const harness = await Harness.start({ dmOpenings: 'unlimited' });
  const guild = harness.guild('Roots', { owner: 'morgan' });
  const general = harness.channel(guild, 'general');
  harness.channel(guild, 'introductions');
  harness.channel(guild, 'welcome');
  harness.role(guild, 'Member');
  const bot = await startBotOnEmulator(harness.emulator, {
    database: sqliteAt(`${mkdtempSync(`${tmpdir()}/roots-bench-`)}/bench.sqlite`),
    logger: createLogger({ level: 'silent' }),
    features: () => [createOnboardingFeature()],
  });
  try {
    const setup = await harness.as(harness.user('morgan')).run(general, 'onboarding setup', { 'member-role': 'Member', introductions: '#introductions', 'welcome-channel': '#welcome' });
    if (setup.kind !== 'message') throw new Error('setup did not answer');
    const people = Array.from({ length: JOINS }, (_, i) => harness.user(`teacher${i}`, { dmsOpen: closedEvery === null || i % closedEvery !== 0 }));
    const byId = new Map(people.map((p) => [p.id, p]));
    const requestsBefore = harness.emulator.requests.length;
    const rejectedBefore = harness.emulator.limiter.stats().rejected;

    const joinedAt = new Map<string, number>();
    const firstStep = new Map<string, number>();
    let duplicates = 0;
    let viaThread = 0;
    const allDelivered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${firstStep.size} of ${JOINS} walks reached their member within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      const listener = (event: WorldEvent) => {
        if (event.type !== 'message' || event.record.message.author.id !== harness.emulator.bot.id) return;
        if (event.record.message.embeds[0]?.title?.startsWith('Tenet 1 of') !== true) return;
        const channel = harness.world.channel(event.record.message.channel_id);
        const recipient = channel.type === ChannelType.DM ? channel.recipients.find((id) => byId.has(id)) : [...(channel.thread?.members ?? [])].find((id) => byId.has(id));
        if (recipient === undefined) return;
        if (firstStep.has(recipient)) {
          duplicates += 1;
          return;
        }
        if (channel.type !== ChannelType.DM) viaThread += 1;
        firstStep.set(recipient, now());
        if (firstStep.size === JOINS) {
          clearTimeout(timer);
          harness.world.events.off('change', listener);
          resolve();
        }
      };
      harness.world.events.on('change', listener);
    });

    const started = now();
    for (const person of people) {
      joinedAt.set(person.id, now());
      harness.join(guild, person.username);
    }
    // Every join written down, whatever Discord's limits do to the messages.
    let recordedSeconds = Number.NaN;
    void (async () => {
      for (;;) {
        const row = await bot.db.selectFrom('onboarding_walks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(row.n) >= JOINS) {
          recordedSeconds = (now() - started) / 1000;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await allDelivered;
    const seconds = (now() - started) / 1000;

    // The message lands a moment before the bot records where it went: give the last writes a moment.
    const countDelivered = async () =>
      Number((await bot.db.selectFrom('onboarding_walks').select((eb) => eb.fn.countAll<number>().as('n')).where('reach', '=', 'delivered').executeTakeFirstOrThrow()).n);
    let delivered = await countDelivered();
    for (const settleBy = now() + 5000; delivered < JOINS && now() < settleBy; delivered = await countDelivered()) await new Promise((resolve) => setTimeout(resolve, 20));
    const rejectedAfter = harness.emulator.limiter.stats().rejected;
    return {
      seconds,
      recordedSeconds,
      latencies: people.map((p) => (firstStep.get(p.id) ?? Number.NaN) - (joinedAt.get(p.id) ?? 0)),
      requests: harness.emulator.requests.length - requestsBefore,
      rejected: rejectedAfter.global + rejectedAfter.user + rejectedAfter.shared - (rejectedBefore.global + rejectedBefore.user + rejectedBefore.shared),
      viaThread,
      duplicates,
      lost: JOINS - delivered,
    };
  } finally {
    await bot.stop();
    await harness.close();
  }
}

function figures(label: string, result: RaidResult): Figures {
  const perJoin = result.requests / JOINS;
  const floor = DISCORD_GLOBAL_LIMIT.limit / perJoin;
  const rate = JOINS / result.seconds;
  if (result.lost > 0 || result.duplicates > 0) throw new Error(`${label}: ${result.lost} walks lost, ${result.duplicates} delivered twice`);
  return {
    [`${label}: joins handled/s (first step delivered)`]: round(rate, 1),
    [`${label}: Discord's ceiling (50 req/s ÷ ${round(perJoin, 2)} req/join)`]: round(floor, 1),
    [`${label}: share of the ceiling reached`]: `${round((rate / floor) * 100, 0)}%`,
    [`${label}: all ${JOINS} walks recorded in the database (s)`]: round(result.recordedSeconds, 2),
    [`${label}: join → first step p50 / p99 (s)`]: `${round(percentile(result.latencies, 0.5) / 1000, 1)} / ${round(percentile(result.latencies, 0.99) / 1000, 1)}`,
    [`${label}: REST requests / 429s met`]: `${result.requests} / ${result.rejected}`,
    [`${label}: welcomed in a thread / lost / twice`]: `${result.viaThread} / ${result.lost} / ${result.duplicates}`,
  };
}

export default defineBench({
  name: 'onboarding: a raid of joins',
  description: `${JOINS} people join at once (a raid, or a class signing up) under Discord-like rate limits. Measured until every walk's first step is in front of its member; the ceiling is Discord's global limit of 50 requests/s divided by the requests each welcome needs (a DM costs two: open the channel, send). No walk may be lost or sent twice.`,
  async run(): Promise<Figures> {
    const open = await raid(null);
    const mixed = await raid(5);
    return { ...figures('DMs open', open), ...figures('1 in 5 DMs closed', mixed) };
  },
});
