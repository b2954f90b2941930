import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../src/courses/course.js';
import { progressOf } from '../../src/courses/progress.js';
import { courseReport, reportSummary, summarizeReport } from '../../src/courses/report.js';
import type { Db } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrator.js';
import { openTestDatabase } from '../support/database.js';

const GUILD = '100000000000000001';
const lesson = (id: string) => ({ id, title: id, text: `${id}.`, reflection: `${id}?` });
const course = { id: 'circles', title: 'Circles', summary: 'S.', audience: 'A.', order: 'any-order', unit: 'lesson', lessons: [lesson('one'), lesson('two'), lesson('three')] } as unknown as Course;

/** `/course report`'s rows agree with `progressOf`, the rule members see in `/course progress`. */
describe('the course report', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db);
  });
  afterEach(() => db.destroy());

  it('counts only the current lessons, and finishes at the latest of them once all are done', async () => {
    const members: Record<string, [string, string][]> = {
      '300000000000000001': [],
      '300000000000000002': [['two', '2026-03-02T10:00:00.000Z'], ['gone', '2026-03-09T10:00:00.000Z']],
      '300000000000000003': [['one', '2026-03-03T10:00:00.000Z'], ['three', '2026-03-05T10:00:00.000Z'], ['two', '2026-03-04T10:00:00.000Z'], ['gone', '2026-03-09T10:00:00.000Z']],
    };
    for (const [userId, done] of Object.entries(members)) {
      await db.insertInto('course_enrolments').values({ guild_id: GUILD, user_id: userId, course_id: 'circles', enrolled_at: '2026-03-01T10:00:00.000Z', last_activity_at: '2026-03-06T10:00:00.000Z' }).execute();
      for (const [lessonId, at] of done) await db.insertInto('course_completions').values({ guild_id: GUILD, user_id: userId, course_id: 'circles', lesson_id: lessonId, completed_at: at }).execute();
    }
    const rows = await courseReport(db, GUILD, course);
    expect(rows.map((row) => row.userId)).toEqual(Object.keys(members));
    for (const row of rows) {
      const progress = progressOf(course, (members[row.userId] ?? []).map(([lessonId, at]) => ({ lessonId, completedAt: new Date(at) })));
      expect(row).toMatchObject({ lessonsDone: progress.done, lessonsTotal: progress.total, finishedAt: progress.finishedAt });
    }
    expect(rows[2]?.finishedAt).toEqual(new Date('2026-03-05T10:00:00.000Z'));
    expect(rows[1]).toMatchObject({ lessonsDone: 1, finishedAt: undefined });
  });

  it('counts in the database what the rows say, and pages through them in the same order', async () => {
    const lessons = ['one', 'two', 'three', 'gone'];
    // Member i: enrolled on day i % 5 (ties broken by id), the first i % 5 lessons done (some of
    // them a lesson no longer in the course), last active on day i % 30 of March.
    for (let i = 0; i < 40; i += 1) {
      const userId = `3000000000000001${String(i).padStart(2, '0')}`;
      const day = (d: number) => `2026-03-${String(d + 1).padStart(2, '0')}T10:00:00.000Z`;
      await db.insertInto('course_enrolments').values({ guild_id: GUILD, user_id: userId, course_id: 'circles', enrolled_at: day(i % 5), last_activity_at: day(i % 30) }).execute();
      for (const lessonId of lessons.slice(0, i % 5)) await db.insertInto('course_completions').values({ guild_id: GUILD, user_id: userId, course_id: 'circles', lesson_id: lessonId, completed_at: day(i % 30) }).execute();
    }
    await db.insertInto('course_enrolments').values({ guild_id: '100000000000000002', user_id: '300000000000000199', course_id: 'circles', enrolled_at: '2026-03-01T10:00:00.000Z', last_activity_at: '2026-03-01T10:00:00.000Z' }).execute();
    const rows = await courseReport(db, GUILD, course);
    const now = new Date('2026-04-01T00:00:00.000Z');
    for (const idleDays of [1, 14, 365]) expect(await reportSummary(db, GUILD, course, now, idleDays)).toEqual(summarizeReport(rows, now, idleDays));
    const summary = await reportSummary(db, GUILD, course, now, 14);
    expect(summary).toMatchObject({ enrolled: 40, finished: 16 });
    expect(summary.inProgress).toBeGreaterThan(0);
    expect(summary.notStarted).toBeGreaterThan(0);
    expect(summary.idle).toBeGreaterThan(0);

    const paged = [];
    for (let offset = 0; offset < 50; offset += 15) paged.push(...(await courseReport(db, GUILD, course, { limit: 15, offset })));
    expect(paged).toEqual(rows);

    const noLessons = { ...course, lessons: [] } as unknown as Course;
    expect(await reportSummary(db, GUILD, noLessons, now, 14)).toEqual(summarizeReport(await courseReport(db, GUILD, noLessons), now, 14));
    expect(await reportSummary(db, GUILD, { ...course, id: 'nobody' } as Course, now, 14)).toEqual(summarizeReport([], now, 14));
  });
});
