import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
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
import { seedRun, signedIn } from '../test/e2e/dashboard/support.js';
import { defineBench, now, percentile, round, type Figures } from './support.js';

const MEMBERS = 10_000;
const RITUALS = 25;
const PROTOCOL_RUNS = 120;
/** The shipped courses and their lessons: every member enrolled in both, a few lessons in. */
const COURSES = [
  { id: 'leading-equitable-schools', lessons: ['leading-from-who-you-are', 'seeing-school-through-students-eyes', 'listening-to-students', 'the-culture-we-build', 'designing-for-equity'] },
  { id: 'root-causes-to-grassroots-action', lessons: ['prepare-your-soil', 'change-the-discourse', 'center-student-perspectives'] },
];
const REQUESTS = 300;
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'];

/**
 * Each dashboard page rendered by the server for a moderator of a server with 10,000 members
 * (the bot caches none but those with Manage Server, as it runs; each with an onboarding walk, each
 * enrolled in both shipped courses with some lessons done), 25 rituals, the starter libraries and
 * 120 protocol runs: GET through the real HTTP server, sign-in and the per-request Manage Server
 * check included, and the two downloads (the course CSV of all 10,000, a run's Markdown).
 * Target: p99 < 50 ms.
 *
 * The emulator, the client and the bot share this process, so each page has two figures: the round
 * trip as the client sees it, and the server's own time (Node's http diagnostics channel, from the
 * request's headers read to the response's last byte handed over), which is the bot's render.
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
    const served = serverTimes();
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
      const members = rows.map((row) => row.user_id);
      for (const course of COURSES) {
        const enrolments = members.map((userId) => ({ guild_id: guild.id, user_id: userId, course_id: course.id, enrolled_at: iso, last_activity_at: iso }));
        for (let i = 0; i < enrolments.length; i += 500) await bot.db.insertInto('course_enrolments').values(enrolments.slice(i, i + 500)).execute();
        // Member i has done the first i % (lessons + 1) lessons: some none, some all.
        const completions = members.flatMap((userId, i) => course.lessons.slice(0, i % (course.lessons.length + 1)).map((lessonId) => ({ guild_id: guild.id, user_id: userId, course_id: course.id, lesson_id: lessonId, completed_at: iso })));
        for (let i = 0; i < completions.length; i += 500) await bot.db.insertInto('course_completions').values(completions.slice(i, i + 500)).execute();
      }
      for (let i = 0; i < PROTOCOL_RUNS; i += 1) {
        await seedRun(bot.db, guild.id, { facilitator: moderator.id, member: members[i] ?? moderator.id }, { topic: `Problem ${i}`, state: i % 4 === 0 ? 'running' : 'finished', step: i % 4 === 0 ? 2 : 7, thread: String(1000 + i) });
      }

      const visitor = await signedIn({ dashboard }, moderator);
      const preview = new URLSearchParams({ builder: 'weekly', days: '1', time: '09:00', zone: 'America/New_York' }).toString();
      const pages: Record<string, string> = {
        rituals: `/g/${guild.id}/rituals`,
        'new ritual (builder)': `/g/${guild.id}/rituals/new`,
        'builder preview': `/g/${guild.id}/rituals/preview?${preview}`,
        'ritual history': `/g/${guild.id}/rituals/1/history`,
        onboarding: `/g/${guild.id}/onboarding?period=all`,
        'libraries: poems': `/g/${guild.id}/libraries/poem`,
        'libraries: podcasts': `/g/${guild.id}/libraries/podcast`,
        'library entry edit': `/g/${guild.id}/libraries/poem/1/edit`,
        courses: `/g/${guild.id}/courses`,
        'course report page': `/g/${guild.id}/courses/${COURSES[0]?.id}`,
        'course report CSV (10,000 rows)': `/g/${guild.id}/courses/${COURSES[0]?.id}/report.csv`,
        protocols: `/g/${guild.id}/protocols`,
        'protocol summary': `/g/${guild.id}/protocols/2`,
        'protocol Markdown': `/g/${guild.id}/protocols/2/export.md`,
        servers: '/',
      };
      const figures: Record<string, number> = { 'members in the server': guild.members.size };
      process.stderr.write('  (set up; measuring)\n');
      // DASHBOARD_BENCH_PAGES=courses,protocols measures only the pages whose names contain one of those words.
      const only = process.env['DASHBOARD_BENCH_PAGES']?.split(',').filter((word) => word.length > 0);
      for (const [name, path] of Object.entries(pages).filter(([name]) => only === undefined || only.some((word) => name.includes(word)))) {
        for (let i = 0; i < 20; i += 1) await (await visitor.request(path)).text(); // warm up
        const samples: number[] = [];
        served.clear();
        for (let i = 0; i < REQUESTS; i += 1) {
          const started = now();
          const answer = await visitor.request(path);
          await answer.text();
          samples.push(now() - started);
          if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
        }
        const server = served.take(dashboard.url);
        figures[`${name}: p50 ms`] = round(percentile(samples, 0.5));
        figures[`${name}: p99 ms`] = round(percentile(samples, 0.99));
        figures[`${name}: server p50 ms`] = round(percentile(server, 0.5));
        figures[`${name}: server p99 ms`] = round(percentile(server, 0.99));
        // As it goes: the whole run takes minutes on a busy machine.
        process.stderr.write(`  ${name}: p50 ${figures[`${name}: p50 ms`]} ms, p99 ${figures[`${name}: p99 ms`]} ms (server ${figures[`${name}: server p50 ms`]} / ${figures[`${name}: server p99 ms`]} ms)\n`);
      }
      return figures;
    } finally {
      served.close();
      await dashboard.close();
      await bot.stop();
      await harness.close();
    }
  },
});

/**
 * Time spent by this process's HTTP servers on each request, from its headers read to the
 * response's end; `take` keeps those for one server (the emulator answers on another port).
 */
function serverTimes() {
  const started = new WeakMap<IncomingMessage, number>();
  let times: { readonly host: string | undefined; readonly ms: number }[] = [];
  const onStart = (message: unknown) => started.set((message as { request: IncomingMessage }).request, now());
  const onFinish = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    const at = started.get(request);
    if (at !== undefined) times.push({ host: request.headers.host, ms: now() - at });
  };
  subscribe('http.server.request.start', onStart);
  subscribe('http.server.response.finish', onFinish);
  return {
    clear: () => (times = []),
    take: (url: string) => times.filter((time) => time.host === new URL(url).host).map((time) => time.ms),
    close() {
      unsubscribe('http.server.request.start', onStart);
      unsubscribe('http.server.response.finish', onFinish);
    },
  };
}
