import { ChannelType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { clickAndWait, DAY_MS, message, modal, ROOT_CAUSES, startCourseScene, type CourseScene } from './support.js';

describe('a course in a week-old thread', () => {
  let scene: CourseScene;
  afterEach(() => scene.bed.close());

  it('goes on where the member left it: the lesson button, the reflection and sharing it there, after Discord archived the thread', async () => {
    scene = await startCourseScene();
    const { harness } = scene.bed;
    const group = harness.world.createThread({ parentId: scene.general.id, name: 'Book group', ownerId: scene.alice.id, type: ChannelType.PublicThread, autoArchiveDuration: 10080 });
    const alice = harness.as(scene.alice);
    const enrolled = message(await alice.run(group, 'course enroll', { course: ROOT_CAUSES }));
    expect(enrolled.channelId).toBe(group.id);

    // A week and a day on the bot's clock is as long in Discord: the quiet thread has archived.
    scene.clock.advance(8 * DAY_MS);
    expect(group.thread?.archived).toBe(true);

    const done = message(await alice.submit(modal(await alice.click(enrolled, 'Complete & reflect')), { reflection: 'Protected time, every Tuesday.' }));
    expect(done.content).toContain('**Prepare Your Soil** is complete.');
    // And the member comes back to share it a week later still, the thread archived again.
    scene.clock.advance(8 * DAY_MS);
    expect(group.thread?.archived).toBe(true);
    // No course channel is set, so a shared reflection goes where the member is: into the thread.
    const shared = await clickAndWait(scene, scene.alice, done, 'Share with the course channel');
    expect(shared.content).toContain(`Shared in <#${group.id}>`);
    expect(harness.read(group.id).at(-1)?.content).toContain('Protected time, every Tuesday.');
    expect(group.thread?.archived).toBe(false);
  });
});
