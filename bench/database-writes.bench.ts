import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ManualClock } from '../src/clock.js';
import { completeLesson } from '../src/courses/completions.js';
import { loadCourses } from '../src/courses/content.js';
import type { Course } from '../src/courses/course.js';
import { openDatabase, type Db } from '../src/db/connection.js';
import { migrate } from '../src/db/migrator.js';
import type { DatabaseTarget } from '../src/db/target.js';
import { writingForServer } from '../src/db/write-scope.js';
import { NO_POSTGRES, postgresBenchTarget } from './postgres.js';
import { defineBench, now, round, type Figures } from './support.js';

/**
 * Writes at once, as members of many servers act at the same moment: lesson completions (one
 * transaction each: checks, completion, reflection, activity) through the course service, each
 * writer inside `writingForServer` as the router runs an interaction. Four ways: one writer; 8
 * writers in 8 different servers written as work for no one server (the one lock every write took
 * before per-server locks, measured in the same run for comparison); the same with per-server
 * locks; 8 writers in one server. Every completion must be written exactly once (counted afterwards).
 */

const SERVERS = 8;
const WRITERS = 8;
const WRITES_PER_WRITER = 100;
const SEQUENTIAL_WRITES = 400;
const MEMBERS_PER_SERVER = SEQUENTIAL_WRITES + 2 * WRITES_PER_WRITER + WRITERS * WRITES_PER_WRITER;
const COURSE = 'leading-equitable-schools';

const serverId = (index: number) => String(400_000_000_000_000_000n + (BigInt(index) << 22n));
const memberId = (index: number) => String(500_000_000_000_000_000n + BigInt(index));

async function enrolEveryone(db: Db, course: Course, at: string): Promise<void> {
  for (let server = 0; server < SERVERS; server++) {
    for (let start = 0; start < MEMBERS_PER_SERVER; start += 500) {
      const rows = Array.from({ length: Math.min(500, MEMBERS_PER_SERVER - start) }, (_, i) => ({
        guild_id: serverId(server),
        user_id: memberId(start + i),
        course_id: course.id,
        enrolled_at: at,
        last_activity_at: at,
      }));
      await db.insertInto('course_enrolments').values(rows).execute();
    }
  }
}

interface Run {
  readonly server: number;
  readonly members: readonly number[];
  /** Written as work for no one server: the one write lock every write took before per-server locks. */
  readonly asNoServer?: boolean;
}

/** Each run is one writer: its members' completions one after another, all at once with the other runs. */
async function completionsPerSecond(db: Db, course: Course, clock: ManualClock, runs: readonly Run[]): Promise<number> {
  const lesson = course.lessons[0];
  if (lesson === undefined) throw new Error('the shipped course changed');
  const started = now();
  await Promise.all(
    runs.map(({ server, members, asNoServer }) =>
      writingForServer(asNoServer ? null : serverId(server), async () => {
        for (const member of members) {
          const written = await completeLesson({ db, clock }, { guildId: serverId(server), userId: memberId(member), course, lessonId: lesson.id, reflection: 'We listened to students first.' });
          if (!written.ok) throw new Error(`completion refused: ${written.problem.kind}`);
        }
      }),
    ),
  );
  const writes = runs.reduce((sum, run) => sum + run.members.length, 0);
  return writes / ((now() - started) / 1000);
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

async function measure(target: DatabaseTarget, name: string): Promise<Figures> {
  const courses = await loadCourses();
  if (!courses.ok) throw courses.error;
  const course = courses.value.get(COURSE);
  if (course === undefined) throw new Error('the shipped course changed');
  const clock = new ManualClock(new Date('2026-12-01T09:00:00.000Z'));
  const db = openDatabase(target);
  try {
    await migrate(db);
    await enrolEveryone(db, course, clock.now().toISOString());
    const one = await completionsPerSecond(db, course, clock, [{ server: 0, members: range(0, SEQUENTIAL_WRITES) }]);
    // Each completion is a new one: writer w works in server w on members after those already done.
    const first = SEQUENTIAL_WRITES;
    const oneLock = await completionsPerSecond(db, course, clock, range(0, WRITERS).map((w) => ({ server: w % SERVERS, members: range(first, WRITES_PER_WRITER), asNoServer: true })));
    const second = first + WRITES_PER_WRITER;
    const manyServers = await completionsPerSecond(db, course, clock, range(0, WRITERS).map((w) => ({ server: w % SERVERS, members: range(second, WRITES_PER_WRITER) })));
    const third = second + WRITES_PER_WRITER;
    const oneServer = await completionsPerSecond(db, course, clock, range(0, WRITERS).map((w) => ({ server: 0, members: range(third + w * WRITES_PER_WRITER, WRITES_PER_WRITER) })));
    const expected = SEQUENTIAL_WRITES + WRITERS * WRITES_PER_WRITER * 3;
    const written = await db.selectFrom('course_completions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(written.n) !== expected) throw new Error(`${written.n} completions written, ${expected} expected`);
    return {
      [`${name}: completions/s, 1 writer`]: round(one, 0),
      [`${name}: completions/s, ${WRITERS} writers in ${SERVERS} servers, one lock for all`]: round(oneLock, 0),
      [`${name}: completions/s, ${WRITERS} writers in ${SERVERS} servers`]: round(manyServers, 0),
      [`${name}: completions/s, ${WRITERS} writers in 1 server`]: round(oneServer, 0),
      [`${name}: completions written (each once)`]: expected,
    };
  } finally {
    await db.destroy();
  }
}

export default defineBench({
  name: 'database writes: servers writing at once',
  description: `Lesson completions through the course service, one transaction each: 1 writer (${SEQUENTIAL_WRITES} in a row), ${WRITERS} writers in ${SERVERS} different servers under one lock for all (as before) and under per-server locks, and ${WRITERS} in one server (${WRITES_PER_WRITER} each), on SQLite and on PostgreSQL; each written exactly once.`,
  async run(): Promise<Figures> {
    const sqlite = await measure({ kind: 'sqlite', path: `${mkdtempSync(`${tmpdir()}/roots-bench-writes-`)}/bench.sqlite` }, 'SQLite');
    const postgres = await postgresBenchTarget('writes');
    if (!postgres) return { ...sqlite, PostgreSQL: NO_POSTGRES };
    try {
      return { ...sqlite, ...(await measure(postgres.target, 'PostgreSQL')) };
    } finally {
      await postgres.done();
    }
  },
});
