import { InteractionType } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentsFor } from '@roots-bot/discord-emulator';
import { completeLessons, message, modal, ROOT_CAUSES, startCourseScene, type CourseScene } from './support.js';

const lesson = (id: string, title: string) => ({ id, title, text: `What to do for ${title}.`, reflection: `What did ${title} show you?` });

const circles = (lessons: (ReturnType<typeof lesson> & { practice?: { protocol: string } })[]) => ({
  id: 'restorative-circles',
  title: 'Restorative Circles',
  summary: 'Short practices for opening and closing the day in a circle.',
  audience: 'Classroom teachers.',
  order: 'any-order',
  lessons,
});

const file = (course: unknown, filename = 'restorative-circles.json') => ({ filename, data: JSON.stringify(course, null, 2), contentType: 'application/json' });

describe('importing and retiring courses', () => {
  let scene: CourseScene;
  beforeEach(async () => {
    scene = await startCourseScene();
  });
  afterEach(() => scene.bed.close());

  const morgan = () => scene.bed.harness.as(scene.morgan);
  const alice = () => scene.bed.harness.as(scene.alice);

  it('imports a course members can take in any order, and an update keeps their progress by lesson id', async () => {
    const v1 = circles([lesson('opening-circle', 'Opening Circle'), lesson('closing-circle', 'Closing Circle'), lesson('talking-piece', 'The Talking Piece')]);
    const imported = message(await morgan().run('#general', 'course import', { file: file(v1) }));
    expect(imported.content).toBe('Imported **Restorative Circles** (3 lessons). Members can join it with `/course enroll`.');
    expect(imported.ephemeral).toBe(true);

    await alice().run('#general', 'course enroll', { course: 'restorative-circles' });
    // Any order: the last lesson first is fine.
    await completeLessons(scene, scene.alice, 'restorative-circles', ['talking-piece', 'opening-circle']);

    const v2 = circles([lesson('opening-circle', 'Opening a Circle'), lesson('closing-circle', 'Closing Circle'), lesson('circle-keeper', 'Keeping the Circle')]);
    const updated = message(await morgan().run('#general', 'course import', { file: file(v2) }));
    expect(updated.content).toBe(
      'Updated **Restorative Circles** (3 lessons). The 1 member in it keeps their progress on every lesson whose id stayed the same. `talking-piece` is gone from the course; completions of it are kept but no longer count.',
    );
    const progress = message(await alice().run('#general', 'course progress'));
    expect(progress.embeds[0]?.fields?.[0]?.value).toBe('▰▰▰▱▱▱▱▱▱▱ 1/3\nNext: Lesson 2 of 3 · **Closing Circle**\nStreak: 1 week');
    expect(await alice().autocomplete('#general', 'course lesson', { course: 'restorative-circles', lesson: '' }, 'lesson')).toEqual([
      { name: '1. Opening a Circle ✓', value: 'opening-circle' },
      { name: '2. Closing Circle', value: 'closing-circle' },
      { name: '3. Keeping the Circle', value: 'circle-keeper' },
    ]);
  });

  it('lists many long courses in one embed Discord accepts, counting the ones that did not fit', async () => {
    for (let i = 0; i < 28; i++) {
      const id = `long-course-${String(i).padStart(2, '0')}`;
      const long = { ...circles([lesson('one', 'One')]), id, title: `${i} ${'Long title '.repeat(6)}`.trim(), summary: 'A long summary. '.repeat(43).trim(), audience: 'Everyone who teaches. '.repeat(13).trim() };
      expect(message(await morgan().run('#general', 'course import', { file: file(long, `${id}.json`) })).content).toMatch(/^Imported/);
    }
    const response = await alice().run('#general', 'course list');
    expect(response.kind).toBe('message');
    const [embed] = message(response).embeds;
    const fields = embed?.fields ?? [];
    const size = [embed?.title, embed?.description, embed?.footer?.text, ...fields.flatMap((f) => [f.name, f.value])].reduce((sum, text) => sum + (text?.length ?? 0), 0);
    expect(size).toBeLessThanOrEqual(6000);
    expect(fields.length).toBeLessThan(30);
    expect(embed?.footer?.text).toBe(`And ${30 - fields.length} more; type in /course enroll to find them.`);
  });

  it('refuses an invalid course file, pointing at each problem by line, and writes nothing', async () => {
    const text = [
      '{',
      '  "id": "Restorative Circles",',
      '  "title": "Restorative Circles",',
      '  "summary": "",',
      '  "audience": "Teachers.",',
      '  "order": "whenever",',
      '  "lessons": [',
      '    { "id": "one", "title": "One", "text": "Do one.", "reflection": "How was one?" },',
      '    { "id": "one", "title": "Two", "text": "Do two.", "reflection": "How was two?", "practice": { "protocol": "Five Whys!" } }',
      '  ]',
      '}',
    ].join('\n');
    const refused = message(await morgan().run('#general', 'course import', { file: { filename: 'circles.json', data: text } }));
    expect(refused.content).toBe(
      [
        "I couldn't import that course, so nothing was changed. Here are 5 things to fix (file:line:column):",
        '```',
        'circles.json:2:9 (id): must be lowercase letters, digits and dashes, like leading-equitable-schools',
        'circles.json:4:14 (summary): must not be empty',
        'circles.json:6:12 (order): Invalid option: expected one of "in-order"|"any-order"',
        'circles.json:9:13 (lessons[1].id): "one" is already the id of lessons[0]; each lesson needs its own id',
        'circles.json:9:111 (lessons[1].practice.protocol): must be a short id in lowercase letters, digits and dashes, like five-whys',
        '```',
      ].join('\n'),
    );
    const syntax = message(await morgan().run('#general', 'course import', { file: { filename: 'broken.json', data: '{\n  "id": "x",\n  "title": "X"\n  "summary": "y"\n}' } }));
    expect(syntax.content).toContain('broken.json:4:3: this isn\'t valid JSON here (CommaExpected)');
    expect(await scene.bed.bot.db.selectFrom('course_imports').selectAll().execute()).toEqual([]);
  });

  it('refuses a lesson that practises a protocol that does not exist, pointing at it, and writes nothing', async () => {
    const course = circles([lesson('one', 'One'), { ...lesson('two', 'Two'), practice: { protocol: 'five-why' } }]);
    const refused = message(await morgan().run('#general', 'course import', { file: file(course) }));
    expect(refused.content).toBe(
      [
        "I couldn't import that course, so nothing was changed. Here is one thing to fix (file:line:column):",
        '```',
        'restorative-circles.json:20:21 (lessons[1].practice.protocol): there is no protocol "five-why"; the protocols are center-student-perspectives, change-the-discourse, fishbone, five-whys, prepare-your-soil',
        '```',
      ].join('\n'),
    );
    expect(await scene.bed.bot.db.selectFrom('course_imports').selectAll().execute()).toEqual([]);

    const fixed = circles([lesson('one', 'One'), { ...lesson('two', 'Two'), practice: { protocol: 'five-whys' } }]);
    expect(message(await morgan().run('#general', 'course import', { file: file(fixed) })).content).toMatch(/^Imported \*\*Restorative Circles\*\*/);
  });

  it('explains a file that is not JSON, a shipped course id, and moderator-only access', async () => {
    expect(message(await morgan().run('#general', 'course import', { file: { filename: 'circles.docx', data: 'PK…' } })).content).toBe(
      'Please attach the course as a `.json` file; "circles.docx" isn\'t one. Nothing was changed.',
    );
    const shipped = { ...circles([lesson('one', 'One')]), id: ROOT_CAUSES };
    expect(message(await morgan().run('#general', 'course import', { file: file(shipped) })).content).toBe(
      'The id "root-causes-to-grassroots-action" belongs to **From Root Causes to Grassroots Action**, which comes with Roots Bot. Please give your course an id of its own. Nothing was changed.',
    );
    expect(message(await alice().run('#general', 'course import', { file: file(circles([lesson('one', 'One')])) })).content).toMatch(/^Only moderators/);
    expect(await scene.bed.bot.db.selectFrom('course_imports').selectAll().execute()).toEqual([]);
  });

  it('keeps an imported course to its own server, and brings a retired import back when it is imported again', async () => {
    await morgan().run('#general', 'course import', { file: file(circles([lesson('one', 'One')])) });
    const confirm = message(await morgan().run('#general', 'course retire', { course: 'restorative-circles' }));
    await morgan().click(confirm, 'Retire it');
    expect(message(await alice().run('#general', 'course enroll', { course: 'restorative-circles' })).content).toContain("isn't taking new members anymore");
    await morgan().run('#general', 'course import', { file: file(circles([lesson('one', 'One')])) });
    const joined = message(await alice().run('#general', 'course enroll', { course: 'Restorative Circles' }));
    expect(joined.embeds[0]?.title).toBe('Lesson 1 of 1 · One');
    expect(modal(await alice().click(joined, 'Complete & reflect')).texts).toEqual(['**What did One show you?**']);

    const elsewhere = scene.bed.harness.guild('Other school', { owner: 'owner' });
    scene.bed.harness.channel(elsewhere, 'staffroom');
    scene.bed.harness.member(elsewhere, 'alice');
    expect(message(await alice().run('#staffroom', 'course enroll', { course: 'restorative-circles' })).content).toContain("I couldn't find a course called");
  });

  /** `/course import` from a client that declares an attachment size of its choosing. */
  const importDeclaring = async (upload: { filename: string; data: string }, size: number) => {
    const { harness } = scene.bed;
    const channelId = harness.channelId('#general');
    const data = harness.emulator.commands.buildData(
      { command: 'course import', options: { file: { ...upload, contentType: 'application/json' } } },
      { guildId: scene.guild.id, channelId, userId: scene.morgan.id },
      (uploaded) => {
        const [attachment] = attachmentsFor(harness.world, [uploaded], undefined, harness.emulator.httpUrl);
        if (attachment === undefined) throw new Error('no attachment');
        return { ...attachment, size };
      },
    );
    return harness.outcome(harness.emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: scene.morgan.id, channelId, data }));
  };

  it('refuses kindly, saying what is wrong, a file nested 10,000 deep, one not in UTF-8, and one larger than it declared', async () => {
    const deep = { filename: 'deep.json', data: `{"id":"deep","lessons":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, contentType: 'application/json' };
    expect(message(await morgan().run('#general', 'course import', { file: deep })).content).toBe(
      'That file nests its brackets more than 20 levels deep, and a course needs only four, so I stopped reading it. Is it the right file? Nothing was changed.',
    );

    const accented = { ...circles([lesson('opening-circle', 'Opening Circle')]), title: 'Círculos restaurativos' };
    const latin1 = { filename: 'restorative-circles.json', data: Buffer.from(JSON.stringify(accented), 'latin1'), contentType: 'application/json' };
    expect(message(await morgan().run('#general', 'course import', { file: latin1 })).content).toBe(
      '"restorative-circles.json" isn\'t saved as UTF-8 text, so some of its letters would come out garbled. Please save it as UTF-8 (most editors offer it when saving) and attach it again. Nothing was changed.',
    );

    const big = { ...circles([lesson('opening-circle', 'Opening Circle')]), summary: 'x'.repeat(300_000) };
    expect(message(await importDeclaring({ filename: 'restorative-circles.json', data: JSON.stringify(big) }, 1_000)).content).toBe(
      'That file is over 200 kB, and a course file can be at most 200 kB. Is it the right file? Nothing was changed.',
    );
    expect(await scene.bed.bot.db.selectFrom('course_imports').selectAll().execute()).toEqual([]);
  });

  it('shows the titles of an imported course as typed, never as Markdown: no disguised links or headings', async () => {
    const sneaky = { ...circles([lesson('step-one', '# Step one')]), title: '[Free grant](https://example.com) **now**' };
    const shown = '\\[Free grant](https://example.com) \\*\\*now\\*\\*';
    expect(message(await morgan().run('#general', 'course import', { file: file(sneaky) })).content).toBe(
      `Imported **${shown}** (1 lesson). Members can join it with \`/course enroll\`.`,
    );
    const joined = message(await alice().run('#general', 'course enroll', { course: 'restorative-circles' }));
    expect(joined.content).toBe(`Welcome to **${shown}** 🌱 Take it at your own pace; I'll keep your place, and \`/course progress\` shows it any time. Here is where to begin:`);
    expect(joined.embeds[0]?.title).toBe('Lesson 1 of 1 · \\# Step one');
    const done = message(await alice().submit(modal(await alice().click(joined, 'Complete & reflect')), { reflection: 'A **bold** start.' }));
    expect(done.content.split('\n')[0]).toBe(`**\\# Step one** is complete, and that was the last one: you've finished **${shown}** 🎉`);
  });
});
