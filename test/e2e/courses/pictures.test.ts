import { afterEach, describe, expect, it } from 'vitest';
import { createPictureRenderer, type PictureRenderer } from '../../../src/pictures/index.js';
import { expectLikeReference } from '../../support/pictures.js';
import { completeLessons, DAY_MS, LEADING, message, ROOT_CAUSES, startCourseScene, type CourseScene } from './support.js';

/** Measures text like the real renderer, and fails to draw. */
export function failingRenderer(): PictureRenderer {
  const real = createPictureRenderer();
  return {
    textMeasure: () => real.textMeasure(),
    render: () => Promise.reject(new Error('the renderer broke')),
  };
}

describe('/course progress pictures', () => {
  let scene: CourseScene;
  afterEach(() => scene.bed.close());

  it('shows a course’s progress card in the embed, described for screen readers, with the numbers and the streak still in the embed', async () => {
    scene = await startCourseScene();
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    // A lesson on Tuesday 1 December, one the Tuesday after, and none yet in the week after that.
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil']);
    scene.clock.advance(7 * DAY_MS);
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['change-the-discourse']);
    scene.clock.advance(8 * DAY_MS);

    const progress = message(await alice.run('#general', 'course progress'));
    expect(progress.attachments.map((a) => [a.filename, a.content_type, a.description])).toEqual([
      [
        'course-progress-1.png',
        'image/png',
        'Progress card for From Root Causes to Grassroots Action: 2 of 3 lessons done (67%). Next: Lesson 3 of 3 · Center Student Perspectives. Streak: 2 weeks in a row · a lesson this week keeps it going. Last lesson done 8 days ago.',
      ],
    ]);
    expect(progress.embeds[0]?.image?.url).toBe('attachment://course-progress-1.png');
    expect(progress.embeds[0]?.fields?.[0]?.value).toBe(
      '▰▰▰▰▰▰▰▱▱▱ 2/3\nNext: Lesson 3 of 3 · **Center Student Perspectives**\nStreak: 2 weeks in a row · a lesson this week keeps it going',
    );
    expectLikeReference(scene.bed.harness.world.files.get(progress.attachments[0]?.id ?? '')?.data, 'course-progress.png');
  });

  it('counts the streak’s weeks in the server’s time zone', async () => {
    scene = await startCourseScene();
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    const zoned = await scene.bed.bot.db
      .updateTable('guild_settings')
      .set({ time_zone: 'America/Los_Angeles' })
      .where('guild_id', '=', scene.guild.id)
      .executeTakeFirst();
    expect(zoned.numUpdatedRows).toBe(1n);
    // Tuesday 1 December, then Sunday 6 December at 23:00 in Los Angeles: Monday 07:00 in UTC, a new week there.
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil']);
    scene.clock.advance(5 * DAY_MS + 22 * 60 * 60 * 1000);
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['change-the-discourse']);
    scene.clock.advance(2 * DAY_MS);

    const progress = message(await alice.run('#general', 'course progress'));
    // In UTC this would be two weeks in a row, this one done; in Los Angeles both lessons fell in last week.
    expect(progress.embeds[0]?.fields?.[0]?.value).toBe(
      '▰▰▰▰▰▰▰▱▱▱ 2/3\nNext: Lesson 3 of 3 · **Center Student Perspectives**\nStreak: 1 week · a lesson this week keeps it going',
    );
    expect(progress.attachments[0]?.description).toContain('Streak: 1 week · a lesson this week keeps it going.');
  });

  it('sends a card per course, going ones first, as a gallery beside the embed', async () => {
    scene = await startCourseScene();
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    await alice.run('#general', 'course enroll', { course: LEADING });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil', 'change-the-discourse', 'center-student-perspectives']);

    const progress = message(await alice.run('#general', 'course progress'));
    expect(progress.attachments.map((a) => a.filename)).toEqual(['course-progress-1.png', 'course-progress-2.png']);
    expect(progress.attachments[0]?.description).toMatch(/^Progress card for Leading Equitable Schools: 0 of 5 sessions done \(0%\)\. Next: Session 1 of 5/);
    expect(progress.attachments[1]?.description).toBe(
      'Progress card for From Root Causes to Grassroots Action: 3 of 3 lessons done (100%). Finished: all 3 lessons done. Streak: 1 week. Last lesson done today.',
    );
    expect(progress.embeds[0]?.image).toBeUndefined();
    expectLikeReference(scene.bed.harness.world.files.get(progress.attachments[1]?.id ?? '')?.data, 'course-progress-finished.png');
  });

  it('answers with the numbers and a logged reference when the picture can’t be drawn', async () => {
    scene = await startCourseScene({ pictures: failingRenderer() });
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });

    const progress = message(await alice.run('#general', 'course progress'));
    expect(progress.attachments).toEqual([]);
    expect(progress.embeds[0]?.fields?.[0]?.value).toBe('▱▱▱▱▱▱▱▱▱▱ 0/3\nNext: Lesson 1 of 3 · **Prepare Your Soil**');
    const ref = /Reference for a moderator: `([A-Z2-9]{6})`/.exec(progress.content)?.[1];
    expect(ref).toBeDefined();
    const logged = scene.bed.logs.find((line) => line.ref === ref);
    expect(logged?.msg).toBe('a picture could not be drawn; the reply went out as text');
  });
});
