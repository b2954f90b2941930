import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clickAndWait, completeLessons, DAY_MS, message, modal, ROOT_CAUSES, startCourseScene, type CourseScene } from './support.js';

describe('/privacy and courses', () => {
  let scene: CourseScene;
  beforeEach(async () => {
    scene = await startCourseScene();
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    const done = message(await alice.submit(modal(await alice.run('#general', 'course complete', {})), { reflection: 'Protected time first.' }));
    await clickAndWait(scene, scene.alice, done, 'Share with the course channel');
    scene.clock.advance(DAY_MS);
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['change-the-discourse']);
    await scene.bed.harness.as(scene.ben).run('#general', 'course enroll', { course: ROOT_CAUSES });
    await completeLessons(scene, scene.ben, ROOT_CAUSES, ['prepare-your-soil']);
  });
  afterEach(() => scene.bed.close());

  it('exports a member’s own enrolments, completions and reflections as JSON', async () => {
    const response = message(await scene.bed.harness.as(scene.alice).run('#general', 'privacy export'));
    const file = scene.bed.harness.world.files.get(response.attachments[0]?.id ?? '');
    const exported = JSON.parse(file?.data.toString('utf8') ?? '{}') as { data: Record<string, unknown> };
    const [post] = scene.bed.harness.read('#general');
    expect(exported.data.courses).toEqual({
      enrolments: [{ course: ROOT_CAUSES, enrolledAt: '2026-12-01T09:00:00.000Z', lastActivityAt: '2026-12-02T09:00:00.000Z' }],
      completions: [
        { course: ROOT_CAUSES, lesson: 'prepare-your-soil', completedAt: '2026-12-01T09:00:00.000Z' },
        { course: ROOT_CAUSES, lesson: 'change-the-discourse', completedAt: '2026-12-02T09:00:00.000Z' },
      ],
      reflections: [
        {
          course: ROOT_CAUSES,
          lesson: 'prepare-your-soil',
          text: 'Protected time first.',
          visibility: 'shared',
          writtenAt: '2026-12-01T09:00:00.000Z',
          sharedAt: '2026-12-01T09:00:00.000Z',
          sharedIn: { channelId: scene.general.id, messageId: post?.id },
        },
        {
          course: ROOT_CAUSES,
          lesson: 'change-the-discourse',
          text: 'Notes on change-the-discourse.',
          visibility: 'private',
          writtenAt: '2026-12-02T09:00:00.000Z',
          sharedAt: null,
          sharedIn: null,
        },
      ],
      lastNudgedAt: null,
    });
    expect(JSON.stringify(exported)).not.toContain('Notes on prepare-your-soil'); // Ben's reflection
  });

  it('forgets all of a member’s course data, and only theirs', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    const prompt = message(await alice.run('#general', 'privacy forget'));
    const done = message(await alice.click(prompt, 'Yes, forget me'));
    // 1 enrolment, 2 completions, 2 reflections.
    expect(done.content).toBe('Done. I deleted 5 records about you in this server.');

    const db = scene.bed.bot.db;
    const owners = async (table: 'course_enrolments' | 'course_completions' | 'course_reflections') =>
      (await db.selectFrom(table).select('user_id').execute()).map((row) => row.user_id);
    expect(await owners('course_enrolments')).toEqual([scene.ben.id]);
    expect(await owners('course_completions')).toEqual([scene.ben.id]);
    expect(await owners('course_reflections')).toEqual([scene.ben.id]);
    expect(message(await alice.run('#general', 'course progress')).content).toContain("You haven't joined a course yet.");

    // Her export now says plainly that nothing is kept, not that nothing is kept "yet".
    const after = message(await alice.run('#general', 'privacy export'));
    expect(after.content).toBe('I keep nothing about you in this server.');
    const file = scene.bed.harness.world.files.get(after.attachments[0]?.id ?? '');
    expect((JSON.parse(file?.data.toString('utf8') ?? '{}') as { data: unknown }).data).toEqual({});
  });
});
