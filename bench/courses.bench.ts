import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Harness, type UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../src/clock.js';
import { loadCatalog } from '../src/courses/catalog.js';
import { completeLesson } from '../src/courses/completions.js';
import { loadCourses } from '../src/courses/content.js';
import { memberCourses } from '../src/courses/enrolments.js';
import type { Services } from '../src/courses/services.js';
import { createCoursesFeature } from '../src/courses/discord/feature.js';
import { progressOf } from '../src/courses/progress.js';
import { openDatabase, type Db } from '../src/db/connection.js';
import { migrate } from '../src/db/migrator.js';
import type { DatabaseTarget } from '../src/db/target.js';
import { sql } from 'kysely';
import { createLogger } from '../src/logger.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { NO_POSTGRES, postgresBenchTarget } from './postgres.js';
import { defineBench, now, percentile, round, type Figures } from './support.js';

const MEMBERS = 10_000;
/** 3 lessons of one course and 2 sessions of the other each: 50,000 completions. */
const COMPLETIONS_PER_MEMBER = { 'root-causes-to-grassroots-action': 3, 'leading-equitable-schools': 2 } as const;
/** Members who exist in the emulated server and run `/course progress`; the rest exist only in the database. */
const ACTING_MEMBERS = 50;
const WARMUP = 100;
const SAMPLES = 500;
const WRITES = 3_000;
const BATCH = 500;

const syntheticId = (index: number) => String(300_000_000_000_000_000n + BigInt(index));

async function seed(db: Db, guildId: string, userIds: readonly string[], clock: ManualClock): Promise<number> {
  const courses = await loadCourses();
  if (!courses.ok) throw courses.error;
  const at = clock.now().toISOString();
  let completions = 0;
  for (let start = 0; start < userIds.length; start += BATCH) {
    const users = userIds.slice(start, start + BATCH);
    await db.transaction().execute(async (trx) => {
      const enrolments = users.flatMap((user_id) => Object.keys(COMPLETIONS_PER_MEMBER).map((course_id) => ({ guild_id: guildId, user_id, course_id, enrolled_at: at, last_activity_at: at })));
      await trx.insertInto('course_enrolments').values(enrolments).execute();
      const done = users.flatMap((user_id) =>
        Object.entries(COMPLETIONS_PER_MEMBER).flatMap(([course_id, count]) =>
          (courses.value.get(course_id)?.lessons.slice(0, count) ?? []).map((lesson) => ({ guild_id: guildId, user_id, course_id, lesson_id: lesson.id, completed_at: at })),
        ),
      );
      // SQLite caps bound parameters per statement; 500 rows of 5 columns stays well under it.
      for (let i = 0; i < done.length; i += BATCH) await trx.insertInto('course_completions').values(done.slice(i, i + BATCH)).execute();
      completions += done.length;
    });
  }
  return completions;
}

/** `/course progress` from a member's command to the embed they see, through the emulator. */
async function progressLatency(harness: Harness, members: readonly UserRecord[], channelId: string): Promise<number[]> {
  const run = async (index: number) => {
    const member = members[index % members.length];
    if (member === undefined) throw new Error('no member');
    const started = now();
    const response = await harness.as(member).run(channelId, 'course progress');
    if (response.kind !== 'message' || response.message.embeds[0]?.fields?.length !== 2) throw new Error('unexpected /course progress answer');
    return now() - started;
  };
  for (let i = 0; i < WARMUP; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await run(i));
  return samples;
}

/** The same read without Discord: the two indexed queries and the progress arithmetic. */
async function serviceReadLatency(db: Db, guildId: string, userIds: readonly string[]): Promise<number[]> {
  const courses = await loadCourses();
  if (!courses.ok) throw courses.error;
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const started = now();
    const catalog = await loadCatalog(db, courses.value, guildId);
    const mine = await memberCourses(db, guildId, userIds[(i * 7919) % userIds.length] ?? '');
    for (const enrolment of mine.enrolments) {
      const entry = catalog.entries.get(enrolment.courseId);
      if (entry) progressOf(entry.course, mine.completions.get(enrolment.courseId) ?? []);
    }
    if (i >= WARMUP) samples.push(now() - started);
  }
  return samples;
}

/** Completions through the service, one transaction each (checks, completion, reflection, activity). */
async function completionsPerSecond(db: Db, guildId: string, clock: ManualClock): Promise<number> {
  const courses = await loadCourses();
  if (!courses.ok) throw courses.error;
  const course = courses.value.get('leading-equitable-schools');
  const lesson = course?.lessons[2];
  if (course === undefined || lesson === undefined) throw new Error('the shipped course changed');
  const services: Services = { db, clock };
  const started = now();
  for (let i = 0; i < WRITES; i++) {
    const written = await completeLesson(services, { guildId, userId: syntheticId(ACTING_MEMBERS + i), course, lessonId: lesson.id, reflection: 'We tried a learning walk and noticed who does the talking.' });
    if (!written.ok) throw new Error(`completion refused: ${written.problem.kind}`);
  }
  return WRITES / ((now() - started) / 1000);
}

interface Measured {
  readonly seeded: string;
  readonly endToEnd: readonly number[];
  readonly serviceRead: readonly number[];
  readonly writes: number;
  readonly sizeMb: number;
}

async function sizeMb(db: Db, target: DatabaseTarget): Promise<number> {
  if (target.kind === 'sqlite') return statSync(target.path).size / 1e6;
  const { rows } = await sql<{ bytes: number }>`select pg_database_size(current_database()) as bytes`.execute(db);
  return Number(rows[0]?.bytes ?? 0) / 1e6;
}

/** Everything measured on one database: seeded, read at service level, through the bot, then written to. */
async function measure(target: DatabaseTarget): Promise<Measured> {
  const harness = await Harness.start({ rateLimits: { disabled: true } });
  const guild = harness.guild('Bench', { owner: 'owner' });
  const channelId = harness.channel(guild, 'general').id;
  const acting = Array.from({ length: ACTING_MEMBERS }, (_, i) => harness.member(guild, `teacher${i}`));
  const userIds = [...acting.map((m) => m.id), ...Array.from({ length: MEMBERS - ACTING_MEMBERS }, (_, i) => syntheticId(ACTING_MEMBERS + i))];

  const clock = new ManualClock(new Date('2026-12-01T09:00:00.000Z'));
  const seedDb = openDatabase(target);
  await migrate(seedDb);
  const seedStarted = now();
  const seeded = await seed(seedDb, guild.id, userIds, clock);
  const seedSeconds = (now() - seedStarted) / 1000;
  const serviceRead = await serviceReadLatency(seedDb, guild.id, userIds);
  await seedDb.destroy();

  const bot = await startBotOnEmulator(harness.emulator, { database: target, logger: createLogger({ level: 'silent' }), clock, features: () => [createCoursesFeature()] });
  let endToEnd: number[];
  try {
    endToEnd = await progressLatency(harness, acting, channelId);
  } finally {
    await bot.stop();
    await harness.close();
  }

  const writeDb = openDatabase(target);
  try {
    const writes = await completionsPerSecond(writeDb, guild.id, clock);
    return { seeded: `${userIds.length.toLocaleString('en')} / ${seeded.toLocaleString('en')} (${round(seedSeconds, 1)} s)`, endToEnd, serviceRead, writes, sizeMb: await sizeMb(writeDb, target) };
  } finally {
    await writeDb.destroy();
  }
}

function figuresOf(name: string, m: Measured): Figures {
  return {
    [`${name}: members / completions seeded`]: m.seeded,
    [`${name}: /course progress end to end p50 / p99 (ms)`]: `${round(percentile([...m.endToEnd], 0.5))} / ${round(percentile([...m.endToEnd], 0.99))}`,
    [`${name}: progress read, service level p50 / p99 (ms)`]: `${round(percentile([...m.serviceRead], 0.5), 3)} / ${round(percentile([...m.serviceRead], 0.99), 3)}`,
    [`${name}: completions written per second`]: round(m.writes, 0),
    [`${name}: database size (MB)`]: round(m.sizeMb, 1),
  };
}

export default defineBench({
  name: 'courses: /course progress at scale',
  description: `${MEMBERS.toLocaleString('en')} members and 50,000 completions, on SQLite and on PostgreSQL in the same run: /course progress round trip through the emulator (${SAMPLES} sequential after ${WARMUP} warm-up), the same read at service level, and completions written per second (one transaction each, ${WRITES.toLocaleString('en')} in a row).`,
  async run(): Promise<Figures> {
    const sqlite = await measure({ kind: 'sqlite', path: `${mkdtempSync(`${tmpdir()}/roots-bench-courses-`)}/bench.sqlite` });
    const postgres = await postgresBenchTarget('courses');
    if (!postgres) return { ...figuresOf('SQLite', sqlite), PostgreSQL: NO_POSTGRES };
    try {
      const measured = await measure(postgres.target);
      return { ...figuresOf('SQLite', sqlite), ...figuresOf('PostgreSQL', measured) };
    } finally {
      await postgres.done();
    }
  },
});
