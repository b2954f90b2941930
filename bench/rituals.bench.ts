import { sqliteAt } from '../src/db/target.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Harness, type ChannelRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { createRitualsFeature, RITUALS } from '../src/rituals/discord/feature.js';
import { createSchedule } from '../src/rituals/schedules.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { defineBench, now, round } from './support.js';

const GUILDS = 1000;
/** Each post opens a thread with its questions: three requests per server, as a poem club's post does. */
const THREADS = true;
const DUE = Date.parse('2026-03-02T09:00:00Z');

export default defineBench({
  name: 'rituals: 1,000 servers due in the same minute',
  description:
    "Every server's poem ritual falls due at 9:00. Discord-like limits in the emulator (50 requests/s global, 5 messages per 5 s per channel). Time until all are posted, against the floor Discord's global limit sets (requests ÷ 50/s); duplicates and losses must be 0; 429s by scope.",
  async run() {
    const harness = await Harness.start();
    const channels: ChannelRecord[] = [];
    for (let i = 0; i < GUILDS; i += 1) channels.push(harness.channel(harness.guild(`School ${i + 1}`, { owner: 'owner' }), 'poems'));

    const clock = new ManualClock(DUE - 60_000);
    const bot = await startBotOnEmulator(harness.emulator, {
      database: sqliteAt(`${mkdtempSync(`${tmpdir()}/roots-bench-`)}/bot.sqlite`),
      logger: createLogger({ level: 'silent' }),
      clock,
      features: () => [createRitualsFeature()],
    });
    const content = bot.ctx.content.rituals;
    for (const channel of channels) {
      const created = await createSchedule({ db: bot.db, clock, content }, channel.guildId ?? '', 'bench', {
        kind: 'poem',
        channelId: channel.id,
        cron: '0 9 * * 1',
        timeZone: 'UTC',
        openThread: THREADS,
      });
      if (!created.ok) throw new Error(`could not create a schedule: ${created.problem.kind}`);
    }

    const rituals = bot.ctx.features.get(RITUALS)?.running();
    if (rituals === undefined) throw new Error('the rituals feature is not running');
    await rituals.settled();
    const statsBefore = harness.emulator.limiter.stats();
    const requestsBefore = harness.emulator.requests.length;

    const started = now();
    clock.set(DUE);
    await rituals.settled();
    const elapsedMs = now() - started;

    const statsAfter = harness.emulator.limiter.stats();
    const requests = harness.emulator.requests.slice(requestsBefore);
    const allowed = statsAfter.allowed - statsBefore.allowed;
    const floorMs = (allowed / 50) * 1000;
    const botId = harness.emulator.bot.id;
    const postsPer = channels.map((channel) => harness.world.messagesIn(channel.id).filter((r) => r.message.author.id === botId).length);
    const threadsOk = channels.filter((channel) => harness.threadsOf(channel).length === 1 && harness.world.messagesIn(harness.threadsOf(channel)[0]?.id ?? '').length === 1).length;
    const posted = await bot.db.selectFrom('ritual_occurrences').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'posted').executeTakeFirstOrThrow();

    await bot.stop();
    await harness.close();

    return {
      servers: GUILDS,
      'requests sent (allowed)': allowed,
      'floor: requests ÷ 50/s (s)': round(floorMs / 1000, 1),
      'time until all posted (s)': round(elapsedMs / 1000, 1),
      'time ÷ floor': round(elapsedMs / floorMs, 2),
      'posts per second': round((GUILDS * 1000) / elapsedMs, 1),
      'ledger rows posted': Number(posted.n),
      'threads with their questions': THREADS ? threadsOk : 'n/a',
      duplicates: postsPer.filter((n) => n > 1).length,
      lost: postsPer.filter((n) => n === 0).length,
      '429 global': statsAfter.rejected.global - statsBefore.rejected.global,
      '429 per-route (user)': statsAfter.rejected.user - statsBefore.rejected.user,
      '429 shared': statsAfter.rejected.shared - statsBefore.rejected.shared,
      'HTTP responses other than 2xx/429': requests.filter((r) => r.status >= 300 && r.status !== 429).length,
    };
  },
});
