import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../src/courses/course.js';
import { progressOf } from '../../src/courses/progress.js';
import { courseReport } from '../../src/courses/report.js';
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
});
