import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadCatalog, retireCourse, type Catalog } from '../../src/courses/catalog.js';
import { completeLesson, REFLECTION_LIMIT } from '../../src/courses/completions.js';
import { loadCourses, type ShippedCourses } from '../../src/courses/content.js';
import { enrol } from '../../src/courses/enrolments.js';
import type { Services } from '../../src/courses/services.js';
import { saveImportedCourse } from '../../src/courses/imports.js';
import { claimNudge, planNudges } from '../../src/courses/nudges.js';
import { claimShare, releaseShare } from '../../src/courses/reflections.js';
import type { Db } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/database.js';
import { migrate } from '../../src/db/migrator.js';

const GUILD = '100000000000000001';
const ALICE = '200000000000000001';
const DAY = 86_400_000;
const ROOT = 'root-causes-to-grassroots-action';

describe('course services', () => {
  let db: Db;
  let clock: ManualClock;
  let services: Services;
  let shipped: ShippedCourses;
  let catalog: Catalog;

  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db);
    clock = new ManualClock(new Date('2026-12-01T00:00:00.000Z'));
    services = { db, clock };
    const loaded = await loadCourses();
    if (!loaded.ok) throw loaded.error;
    shipped = loaded.value;
    catalog = await loadCatalog(db, shipped, GUILD);
  });
  afterEach(() => db.destroy());

  const entry = (id = ROOT) => {
    const found = catalog.entries.get(id);
    if (!found) throw new Error(`no course ${id}`);
    return found;
  };
  const complete = (lessonId: string, reflection = 'A thought.') => completeLesson(services, { guildId: GUILD, userId: ALICE, course: entry().course, lessonId, reflection });

  it('enrols once and completes a lesson once, even when asked twice', async () => {
    expect((await enrol(services, GUILD, ALICE, entry())).ok).toBe(true);
    const again = await enrol(services, GUILD, ALICE, entry());
    expect(!again.ok && again.problem.kind).toBe('already-enrolled');

    // Either request may win the race (PostgreSQL does not promise the order): exactly one does.
    const both = await Promise.all([complete('prepare-your-soil'), complete('prepare-your-soil')]);
    expect(both.filter((outcome) => outcome.ok)).toHaveLength(1);
    const refused = both.find((outcome) => !outcome.ok);
    expect(refused && !refused.ok && refused.problem.kind).toBe('already-completed');
    expect(await db.selectFrom('course_completions').selectAll().execute()).toHaveLength(1);
    // And the database itself refuses a second row for the same lesson.
    await expect(
      db.insertInto('course_completions').values({ guild_id: GUILD, user_id: ALICE, course_id: ROOT, lesson_id: 'prepare-your-soil', completed_at: clock.now().toISOString() }).execute(),
    ).rejects.toThrow(/UNIQUE|duplicate key/);
  });

  it('writes nothing for a reflection over the limit, out of order, or from someone not enrolled', async () => {
    const notEnrolled = await complete('prepare-your-soil');
    expect(!notEnrolled.ok && notEnrolled.problem.kind).toBe('not-enrolled');
    await enrol(services, GUILD, ALICE, entry());
    const tooLong = await complete('prepare-your-soil', 'x'.repeat(REFLECTION_LIMIT + 1));
    expect(!tooLong.ok && tooLong.problem).toEqual({ kind: 'reflection-too-long', length: REFLECTION_LIMIT + 1, limit: REFLECTION_LIMIT });
    expect((await complete('prepare-your-soil', `  ${'x'.repeat(REFLECTION_LIMIT)}  `)).ok).toBe(true);
    const skipped = await complete('center-student-perspectives');
    expect(!skipped.ok && skipped.problem.kind).toBe('out-of-order');
    expect(await db.selectFrom('course_completions').select('lesson_id').execute()).toEqual([{ lesson_id: 'prepare-your-soil' }]);
    expect(await db.selectFrom('course_reflections').select('lesson_id').execute()).toEqual([{ lesson_id: 'prepare-your-soil' }]);
  });

  it('shares a reflection once; a failed post leaves it private to share again', async () => {
    await enrol(services, GUILD, ALICE, entry());
    await complete('prepare-your-soil', 'Time.');
    const lesson = entry().course.lessons[0];
    if (!lesson) throw new Error('no lesson');
    const key = { guildId: GUILD, userId: ALICE, course: entry().course, lesson };
    // Two at once: exactly one wins (which one is up to the database: on PostgreSQL, either).
    const both = await Promise.all([claimShare(services, key), claimShare(services, key)]);
    expect(both.filter((claim) => claim.ok)).toEqual([{ ok: true, value: 'Time.' }]);
    expect(both.filter((claim) => !claim.ok).map((claim) => !claim.ok && claim.problem.kind)).toEqual(['already-shared']);
    await releaseShare(db, key);
    expect((await claimShare(services, key)).ok).toBe(true);
  });

  it('nudges a member at most once a week and never about a finished course', async () => {
    await enrol(services, GUILD, ALICE, entry());
    clock.advance(10 * DAY);
    expect([...(await planNudges(services, GUILD, catalog, { idleDays: 7 })).due.keys()]).toEqual([ALICE]);
    expect([...(await planNudges(services, GUILD, catalog, { idleDays: 11 })).due.keys()]).toEqual([]);
    expect(await claimNudge(services, GUILD, ALICE)).toBe(true);
    expect(await claimNudge(services, GUILD, ALICE)).toBe(false);
    expect(await planNudges(services, GUILD, catalog, { idleDays: 7 })).toEqual({ due: new Map(), recentlyNudged: 1 });
    clock.advance(7 * DAY);
    expect(await claimNudge(services, GUILD, ALICE)).toBe(true);

    clock.advance(7 * DAY);
    for (const lesson of entry().course.lessons) await complete(lesson.id);
    clock.advance(30 * DAY);
    expect((await planNudges(services, GUILD, catalog, { idleDays: 7 })).due.size).toBe(0);
  });

  it('stores an import per server, reports removed lessons on update, and retires idempotently', async () => {
    const course = { ...entry().course, id: 'our-version', lessons: entry().course.lessons.slice(0, 2) };
    expect(await saveImportedCourse(services, GUILD, course)).toMatchObject({ previous: undefined, removedLessonIds: [] });
    const shorter = { ...course, lessons: course.lessons.slice(1) };
    expect(await saveImportedCourse(services, GUILD, shorter)).toMatchObject({ removedLessonIds: ['prepare-your-soil'] });
    expect((await loadCatalog(db, shipped, GUILD)).entries.get('our-version')?.course.lessons).toHaveLength(1);
    expect((await loadCatalog(db, shipped, '100000000000000002')).entries.has('our-version')).toBe(false);
    expect(await retireCourse(services, GUILD, 'our-version')).toBe(true);
    expect(await retireCourse(services, GUILD, 'our-version')).toBe(false);
    expect((await loadCatalog(db, shipped, GUILD)).entries.get('our-version')?.retired).toBe(true);
  });

  it('hides a stored import that no longer validates, and says so', async () => {
    const now = clock.now().toISOString();
    await db.insertInto('course_imports').values({ guild_id: GUILD, course_id: 'old', definition: '{"id":"old"}', imported_at: now, updated_at: now }).execute();
    const loaded = await loadCatalog(db, shipped, GUILD);
    expect(loaded.unreadable).toEqual(['old']);
    expect(loaded.entries.has('old')).toBe(false);
  });
});
