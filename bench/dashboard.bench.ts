import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { Harness } from '@roots-bot/discord-emulator';
import { ManualClock } from '../src/clock.js';
import { startSandboxDashboard } from '../src/dashboard/start.js';
import { sqliteAt } from '../src/db/target.js';
import { createLogger } from '../src/logger.js';
import { ritualServices } from '../src/rituals/library.js';
import { createSchedule } from '../src/rituals/schedules.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { signedIn } from '../test/e2e/dashboard/support.js';
import { defineBench, now, percentile, round, type Figures } from './support.js';

const MEMBERS = 10_000;
const RITUALS = 25;
const REQUESTS = 300;
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'];

/**
 * Each dashboard page rendered by the server for a moderator of a server with 10,000 members
 * (all in the bot's member cache, each with an onboarding walk) and 25 rituals: GET through the
 * real HTTP server, sign-in and the per-request Manage Server check included. Target: p99 < 50 ms.
 */
export default defineBench({
  name: 'dashboard pages',
  description: `Server-side render time per page, ${REQUESTS} sequential GETs each, ${MEMBERS.toLocaleString('en')} members, ${RITUALS} rituals. Target p99 < 50 ms.`,
  async run(): Promise<Figures> {
    const clock = new ManualClock(Date.parse('2026-03-02T08:00:00Z'));
    const harness = await Harness.start({ rateLimits: { disabled: true } });
    const guild = harness.guild('Roots', { owner: 'owner' });
    const poems = harness.channel(guild, 'poems');
    harness.channel(guild, 'general');
    const moderator = harness.member(guild, 'morgan', { roles: [harness.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild)] });
    for (let i = 0; i < MEMBERS; i += 1) harness.member(guild, `teacher${i}`);
    const bot = await startBotOnEmulator(harness.emulator, {
      database: sqliteAt(`${mkdtempSync(`${tmpdir()}/roots-bench-`)}/bench.sqlite`),
      logger: createLogger({ level: 'silent' }),
      clock,
    });
    const dashboard = await startSandboxDashboard(bot, harness.emulator, { port: 0, requestsPerMinute: 100_000 }); // measuring, not rate limiting
    try {
      const services = ritualServices(bot.ctx);
      for (let i = 0; i < RITUALS; i += 1) {
        const made = await createSchedule(services, guild.id, moderator.id, { kind: i % 3 === 2 ? 'prompt' : 'poem', channelId: poems.id, cron: `${i % 60} ${i % 24} * * ${i % 7}`, timeZone: ZONES[i % ZONES.length] ?? 'UTC', promptText: 'What went well this week?' });
        if (!made.ok) throw new Error(`ritual ${i}: ${made.problem.kind}`);
      }
      const iso = clock.now().toISOString();
      const steps = ['tenet', 'tenet', 'tenet', 'introduce', 'done'];
      const rows = [...guild.members.keys()].slice(0, MEMBERS).map((userId, i) => ({
        guild_id: guild.id,
        user_id: userId,
        display_name: `teacher${i}`,
        step: steps[i % steps.length] ?? 'done',
        tenet_index: i % 3,
        tenet_version: 1,
        reach: 'delivered',
        via: 'dm',
        channel_id: null,
        delivery_claimed_at: null,
        started_at: iso,
        joined_at: iso,
        step_changed_at: iso,
        finished_at: null,
        nudged_at: null,
        left_at: null,
        recommit_version: null,
        recommit_sent_at: null,
      }));
      for (let i = 0; i < rows.length; i += 500) await bot.db.insertInto('onboarding_walks').values(rows.slice(i, i + 500)).execute();

      const visitor = await signedIn({ dashboard }, moderator);
      const preview = new URLSearchParams({ builder: 'weekly', days: '1', time: '09:00', zone: 'America/New_York' }).toString();
      const pages: Record<string, string> = {
        rituals: `/g/${guild.id}/rituals`,
        'new ritual (builder)': `/g/${guild.id}/rituals/new`,
        'builder preview': `/g/${guild.id}/rituals/preview?${preview}`,
        'ritual history': `/g/${guild.id}/rituals/1/history`,
        onboarding: `/g/${guild.id}/onboarding?period=all`,
        servers: '/',
      };
      const figures: Record<string, number> = { 'members in the server': guild.members.size };
      for (const [name, path] of Object.entries(pages)) {
        for (let i = 0; i < 20; i += 1) await (await visitor.request(path)).text(); // warm up
        const samples: number[] = [];
        for (let i = 0; i < REQUESTS; i += 1) {
          const started = now();
          const answer = await visitor.request(path);
          await answer.text();
          samples.push(now() - started);
          if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
        }
        figures[`${name}: p50 ms`] = round(percentile(samples, 0.5));
        figures[`${name}: p99 ms`] = round(percentile(samples, 0.99));
      }
      return figures;
    } finally {
      await dashboard.close();
      await bot.stop();
      await harness.close();
    }
  },
});
