import { routerSays } from '../../support/i18n.js';
import { ComponentType, InteractionType } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { practiseProtocol } from '../../../src/protocols/practice-link.js';
import { courseIds } from '../../../src/courses/discord/custom-ids.js';
import { clickAndWait, completeLessons, rawClick, DAY_MS, LEADING, message, modal, ROOT_CAUSES, startCourseScene, type CourseScene } from './support.js';

const NO_PINGS = { users: [], roles: [], everyone: false };

describe('a member taking a course', () => {
  let scene: CourseScene;
  beforeEach(async () => {
    scene = await startCourseScene();
  });
  afterEach(() => scene.bed.close());

  const rows = (table: 'course_completions' | 'course_reflections' | 'course_enrolments') => scene.bed.bot.db.selectFrom(table).selectAll().execute();

  it('lists the courses, enrols, opens the first lesson and completes it with a reflection', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    const list = message(await alice.run('#general', 'course list'));
    expect(list.ephemeral).toBe(true);
    expect(list.embeds[0]?.fields?.map((f) => f.name)).toEqual(['From Root Causes to Grassroots Action', 'Leading Equitable Schools']);
    expect(list.embeds[0]?.fields?.[1]?.value).toContain('**Shape:** 5 sessions, taken in order');

    const enrolled = message(await alice.run('#general', 'course enroll', { course: ROOT_CAUSES }));
    expect(enrolled.content).toContain('Welcome to **From Root Causes to Grassroots Action**');
    expect(enrolled.embeds[0]?.title).toBe('Lesson 1 of 3 · Prepare Your Soil');
    expect(enrolled.embeds[0]?.footer?.text).toBe('About 15 minutes');
    expect(enrolled.buttons.map((b) => b.label)).toEqual(['Complete & reflect', 'Practise Prepare Your Soil']);
    expect(enrolled.buttons[1]?.customId).toBe(practiseProtocol.encode('prepare-your-soil'));

    const form = modal(await alice.click(enrolled, 'Complete & reflect'));
    expect(form.title).toBe('Reflect: Prepare Your Soil');
    expect(form.texts).toEqual([
      '**Which of the three conditions (evidence, time and place, the right people) is most missing for your team right now, and what is one step you can take this week to put it in place?**',
    ]);
    expect(form.fields.map((f) => [f.customId, f.maxLength, f.required])).toEqual([['reflection', 1000, true]]);
    const done = message(await alice.submit(form, { reflection: '  We need protected time.  ' }));
    expect(done.ephemeral).toBe(true);
    expect(done.content).toContain('**Prepare Your Soil** is complete. Next up: **Change the Discourse**.');
    expect(done.content).toContain('▰▰▰▱▱▱▱▱▱▱ 1/3');
    expect(done.buttons.map((b) => b.label)).toEqual(['Share with the course channel', 'Keep it private', 'Open the next lesson']);

    const [completion] = await rows('course_completions');
    expect(completion).toMatchObject({ user_id: scene.alice.id, course_id: ROOT_CAUSES, lesson_id: 'prepare-your-soil', completed_at: '2026-12-01T09:00:00.000Z' });
    const [reflection] = await rows('course_reflections');
    expect(reflection).toMatchObject({ body: 'We need protected time.', visibility: 'private', shared_at: null });
  });

  it('shares a reflection in the course channel without pinging anyone, once', async () => {
    const morgan = scene.bed.harness.as(scene.morgan);
    const set = message(await morgan.run('#general', 'course channel', { course: ROOT_CAUSES, channel: '#reflections' }));
    expect(set.content).toContain('will be posted in <#');

    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    const form = modal(await alice.run('#general', 'course complete', { course: ROOT_CAUSES }));
    const reflection = `Talked with <@${scene.ben.id}> and @everyone on the team about protected time.`;
    const done = message(await alice.submit(form, { reflection }));
    const shared = await clickAndWait(scene, scene.alice, done, 'Share with the course channel');

    const [post] = scene.bed.harness.read('#reflections');
    expect(post?.content).toBe(
      `<@${scene.alice.id}> shared a reflection on **Prepare Your Soil** from *From Root Causes to Grassroots Action*:\n>>> *Which of the three conditions (evidence, time and place, the right people) is most missing for your team right now, and what is one step you can take this week to put it in place?*\n\n${reflection}`,
    );
    expect(post?.pinged).toEqual(NO_PINGS);
    expect(post?.raw.mentions).toEqual([]);
    expect(shared.content).toContain(`Shared in <#${post?.channelId}>`);
    // Reads well rendered and as plain text: no link inside parentheses.
    expect(shared.content).toBe(
      `Shared in <#${post?.channelId}>: [see your post](https://discord.com/channels/${scene.guild.id}/${post?.channelId}/${post?.id}). Thank you for learning out loud 🌱`,
    );
    expect(shared.buttons.map((b) => b.label)).toEqual(['Open the next lesson']);
    expect(scene.bed.harness.read('#general')).toEqual([]);

    const [stored] = await rows('course_reflections');
    expect(stored).toMatchObject({ visibility: 'shared', shared_at: '2026-12-01T09:00:00.000Z', shared_channel_id: post?.channelId, shared_message_id: post?.id });

    // The same button again (a stale copy of the message): the message no longer carries it, so
    // the router answers before the handler runs, and nothing is posted twice.
    const again = await rawClick(scene, scene.alice, done, courseIds.share.encode(ROOT_CAUSES, 'prepare-your-soil'));
    expect(again.content).toBe(routerSays('stale-component'));
    expect(scene.bed.harness.read('#reflections')).toHaveLength(1);
  });

  it('keeps a reflection private, and says why, when the course channel won’t take the bot’s post', async () => {
    const set = message(await scene.bed.harness.as(scene.morgan).run('#general', 'course channel', { course: ROOT_CAUSES, channel: '#announcements' }));
    const channelId = scene.bed.harness.channelId('#announcements');
    expect(set.content).toBe(
      `Reflections members share on **From Root Causes to Grassroots Action** will be posted in <#${channelId}>, without pinging anyone.\nHeads up: I can't post in <#${channelId}> yet. Please let me **View Channel** and **Send Messages** there.`,
    );
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    const done = message(await alice.submit(modal(await alice.run('#general', 'course complete', {})), { reflection: 'Soil ready.' }));
    const failed = await clickAndWait(scene, scene.alice, done, 'Share with the course channel');
    expect(failed.content).toBe(
      `I couldn't post in <#${channelId}>; a moderator may need to let me write there (or choose another channel with \`/course channel\`). Your reflection is safe and stays private for now.`,
    );
    expect(scene.bed.harness.read('#announcements')).toEqual([]);
    expect(await rows('course_reflections')).toMatchObject([{ visibility: 'private', shared_at: null }]);
  });

  it('posts where the member is when no course channel is set, and can keep a reflection private instead', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    const first = message(await alice.submit(modal(await alice.run('#general', 'course complete', {})), { reflection: 'Soil ready.' }));
    await clickAndWait(scene, scene.alice, first, 'Share with the course channel');
    expect(scene.bed.harness.read('#general').map((m) => m.pinged)).toEqual([NO_PINGS]);

    const second = message(await alice.submit(modal(await alice.run('#general', 'course complete', {})), { reflection: 'Just for me.' }));
    const kept = message(await alice.click(second, 'Keep it private'));
    expect(kept.content).toContain('Your reflection stays private');
    expect(kept.buttons.map((b) => b.label)).toEqual(['Open the next lesson']);
    const third = message(await alice.click(kept, 'Open the next lesson'));
    expect(third.embeds[0]?.title).toBe('Lesson 3 of 3 · Center Student Perspectives');
    expect(scene.bed.harness.read('#general')).toHaveLength(1);
  });

  it('opens the next lesson or a chosen one, suggests courses and lessons, and refuses to complete out of order', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    expect(message(await alice.run('#general', 'course lesson', { course: ROOT_CAUSES })).content).toBe(
      "You haven't joined **From Root Causes to Grassroots Action** yet. `/course enroll` gets you started.",
    );
    expect(await alice.autocomplete('#general', 'course enroll', { course: 'equit' }, 'course')).toEqual([{ name: 'Leading Equitable Schools', value: LEADING }]);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil']);

    // Without a course: the only one she is in. Without a lesson: the next open one.
    expect(message(await alice.run('#general', 'course lesson')).embeds[0]?.title).toBe('Lesson 2 of 3 · Change the Discourse');
    expect(await alice.autocomplete('#general', 'course lesson', { course: ROOT_CAUSES, lesson: '' }, 'lesson')).toEqual([
      { name: '1. Prepare Your Soil ✓', value: 'prepare-your-soil' },
      { name: '2. Change the Discourse', value: 'change-the-discourse' },
      { name: '3. Center Student Perspectives', value: 'center-student-perspectives' },
    ]);
    expect(await alice.autocomplete('#general', 'course lesson', { course: '' }, 'course')).toEqual([{ name: 'From Root Causes to Grassroots Action', value: ROOT_CAUSES }]);

    const ahead = message(await alice.run('#general', 'course lesson', { lesson: 'center-student-perspectives' }));
    expect(ahead.embeds[0]?.title).toBe('Lesson 3 of 3 · Center Student Perspectives');
    expect(ahead.embeds[0]?.fields?.find((f) => f.name === 'Your progress')?.value).toContain('complete **Change the Discourse** first');
    expect(ahead.buttons.map((b) => b.label)).toEqual(['Practise Center Student Perspectives']);

    const refused = message(await alice.run('#general', 'course complete', { lesson: 'center-student-perspectives' }));
    expect(refused.content).toBe(
      '**From Root Causes to Grassroots Action** is taken in order, so **Change the Discourse** comes before **Center Student Perspectives**. `/course lesson` opens it for you.',
    );
    const again = message(await alice.run('#general', 'course complete', { lesson: 'prepare-your-soil' }));
    expect(again.content).toBe(`You already completed **Prepare Your Soil** on <t:${Date.parse('2026-12-01T09:00:00.000Z') / 1000}:D>. Nice work! \`/course lesson\` shows what's next.`);
    expect(await rows('course_completions')).toHaveLength(1);
  });

  it('explains unknown courses and lessons kindly', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    expect(message(await alice.run('#general', 'course enroll', { course: 'underwater basket weaving' })).content).toBe(
      'I couldn\'t find a course called "underwater basket weaving". `/course list` shows the courses here.',
    );
    await alice.run('#general', 'course enroll', { course: 'Leading Equitable Schools' });
    expect(message(await alice.run('#general', 'course lesson', { course: LEADING, lesson: 'learning-walks' })).content).toBe(
      '**Leading Equitable Schools** has no session called "learning-walks". Start typing in the `lesson` option and I\'ll suggest them.',
    );
    expect(message(await alice.run('#general', 'course enroll', { course: LEADING })).content).toBe(
      "You're already in **Leading Equitable Schools**. `/course lesson` picks up where you left off.",
    );
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    expect(message(await alice.run('#general', 'course lesson')).content).toBe(
      "You're in 2 courses (**Leading Equitable Schools**, **From Root Causes to Grassroots Action**). Please pick one in the `course` option.",
    );
  });

  it('checks a reflection on the server too: over the limit or blank, it says so and writes nothing', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    // A modified client can skip the modal's max_length; the bot must still refuse.
    const submitRaw = async (value: string) => {
      const record = scene.bed.harness.emulator.interactions.create({
        type: InteractionType.ModalSubmit,
        userId: scene.alice.id,
        channelId: scene.general.id,
        data: {
          custom_id: courseIds.reflection.encode(ROOT_CAUSES, 'prepare-your-soil'),
          components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: 'reflection', value }] }],
        },
      });
      return message(await scene.bed.harness.outcome(record));
    };
    const tooLong = await submitRaw('x'.repeat(1200));
    expect(tooLong.content).toBe('That reflection is 1,200 characters, a little over the 1,000 I can keep. Could you shorten it and send it again? Nothing was saved yet.');
    expect(tooLong.ephemeral).toBe(true);
    expect((await submitRaw('x'.repeat(4001))).content).toBe(
      'That reflection is 4,001 characters, and I can keep up to 1,000. Could you shorten it and send it again? Nothing was saved yet.',
    );
    expect((await submitRaw('\u200B\u2060\u200D')).content).toBe('Your reflection looks empty. Write a line or two about what you noticed, then try again.');
    expect((await submitRaw('   \n  ')).content).toBe('Your reflection looks empty. Write a line or two about what you noticed, then try again.');
    expect(await rows('course_completions')).toEqual([]);
    expect(await rows('course_reflections')).toEqual([]);
  });

  it('shows progress across courses with a bar each and what is next, and finishes a course', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    expect(message(await alice.run('#general', 'course progress')).content).toContain("You haven't joined a course yet.");
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    await alice.run('#general', 'course enroll', { course: LEADING });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil', 'change-the-discourse']);
    scene.clock.advance(DAY_MS);
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['center-student-perspectives']);
    await completeLessons(scene, scene.alice, LEADING, ['leading-from-who-you-are']);

    const progress = message(await alice.run('#general', 'course progress'));
    expect(progress.embeds[0]?.fields).toEqual([
      { name: 'Leading Equitable Schools', value: "▰▰▱▱▱▱▱▱▱▱ 1/5\nNext: Session 2 of 5 · **Seeing School Through Students' Eyes**\nStreak: 1 week" },
      { name: 'From Root Causes to Grassroots Action', value: `▰▰▰▰▰▰▰▰▰▰ 3/3\nFinished on <t:${Date.parse('2026-12-02T09:00:00.000Z') / 1000}:D> 🎉\nStreak: 1 week` },
    ]);
    expect(message(await alice.run('#general', 'course complete', { course: ROOT_CAUSES })).content).toBe(
      "You've already completed every lesson of **From Root Causes to Grassroots Action** 🎉 To revisit one, open it with `/course lesson`.",
    );
    const finished = message(await alice.run('#general', 'course lesson', { course: ROOT_CAUSES }));
    expect(finished.content).toContain("You've finished **From Root Causes to Grassroots Action**: all 3 lessons done 🎉");
    // With one course finished, an empty course option means the one still going.
    expect(message(await alice.run('#general', 'course lesson')).embeds[0]?.title).toBe("Session 2 of 5 · Seeing School Through Students' Eyes");
  });

  it('drops a course and picks up where the member stopped when they come back', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil']);
    const dropped = message(await alice.run('#general', 'course drop', { course: ROOT_CAUSES }));
    expect(dropped.content).toBe(
      "You've left **From Root Causes to Grassroots Action**. I've kept your 1 completed lesson and reflections, so if you come back with `/course enroll` you'll pick up where you stopped. (`/privacy forget` deletes them for good.) Thank you for the time you gave it.",
    );
    expect(await rows('course_enrolments')).toEqual([]);
    expect(message(await alice.run('#general', 'course drop', { course: ROOT_CAUSES })).content).toContain("You haven't joined **From Root Causes");

    const back = message(await alice.run('#general', 'course enroll', { course: ROOT_CAUSES }));
    expect(back.content).toContain('Welcome back to **From Root Causes to Grassroots Action** 🌱 You had already done 1 of 3 lessons');
    expect(back.embeds[0]?.title).toBe('Lesson 2 of 3 · Change the Discourse');
  });

  it('counts a reflection of only invisible characters as empty, and saves nothing', async () => {
    const alice = scene.bed.harness.as(scene.alice);
    await alice.run('#general', 'course enroll', { course: ROOT_CAUSES });
    const form = modal(await alice.run('#general', 'course complete', {}));
    const answer = message(await alice.submit(form, { reflection: '\u200B\u200D\u2060\uFEFF \u3164' }));
    expect(answer.content).toBe('Your reflection looks empty. Write a line or two about what you noticed, then try again.');
    expect(await rows('course_completions')).toEqual([]);
    expect(await rows('course_reflections')).toEqual([]);
  });
});
