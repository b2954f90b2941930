import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routerSays } from '../../support/i18n.js';
import type { MessageView } from '@roots-bot/discord-emulator';
import { completeLessons, DAY_MS, LEADING, message, modal, rawClick, ROOT_CAUSES, startCourseScene, type CourseScene } from './support.js';

describe('moderators and courses', () => {
  let scene: CourseScene;
  beforeEach(async () => {
    scene = await startCourseScene();
  });
  afterEach(() => scene.bed.close());

  const as = (user: CourseScene['alice']) => scene.bed.harness.as(user);

  it('reports a course as a CSV with one row per member, and sums it up in the message', async () => {
    await as(scene.alice).run('#general', 'course enroll', { course: ROOT_CAUSES });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil']);
    scene.clock.advance(DAY_MS);
    await as(scene.ben).run('#general', 'course enroll', { course: ROOT_CAUSES });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['change-the-discourse']);
    await completeLessons(scene, scene.ben, ROOT_CAUSES, ['prepare-your-soil']);
    scene.clock.advance(DAY_MS);
    await as(scene.chloe).run('#general', 'course enroll', { course: ROOT_CAUSES });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['center-student-perspectives']);
    await as(scene.ben).run('#general', 'course enroll', { course: LEADING });
    scene.clock.advance(20 * DAY_MS);

    const report = message(await as(scene.morgan).run('#general', 'course report', { course: ROOT_CAUSES }));
    expect(report.ephemeral).toBe(true);
    expect(report.content).toBe(
      [
        '**From Root Causes to Grassroots Action**: 3 members enrolled. 1 finished, 1 on their way, 1 not started yet.',
        '2 members have not been active for over 14 days; `/course nudge` can send them a gentle hello.',
        'The file has one row per member.',
      ].join('\n'),
    );
    const [file] = report.attachments;
    expect(file?.filename).toBe('course-report-root-causes-to-grassroots-action-2026-12-23.csv');
    const csv = scene.bed.harness.world.files.get(file?.id ?? '')?.data.toString('utf8');
    expect(csv).toBe(
      [
        'member,member_id,enrolled_at,lessons_done,lessons_total,last_activity,finished_at',
        `alice,${scene.alice.id},2026-12-01T09:00:00.000Z,3,3,2026-12-03T09:00:00.000Z,2026-12-03T09:00:00.000Z`,
        `ben,${scene.ben.id},2026-12-02T09:00:00.000Z,1,3,2026-12-02T09:00:00.000Z,`,
        `chloe,${scene.chloe.id},2026-12-03T09:00:00.000Z,0,3,2026-12-03T09:00:00.000Z,`,
        '',
      ].join('\n'),
    );

    const empty = message(await as(scene.morgan).run('#general', 'course report', { course: 'Leading Equitable Schools', idle_days: 30 }));
    expect(empty.content).toBe('**Leading Equitable Schools**: 1 member enrolled. 0 finished, 0 on their way, 1 not started yet.\nEveryone still working through it has been active in the last 30 days.\nThe file has one row per member.');
    expect(message(await as(scene.alice).run('#general', 'course report', { course: ROOT_CAUSES })).content).toMatch(/^Only moderators/);
  });

  it('nudges idle members by DM at most once a week, and tells the moderator who was reached', async () => {
    const dana = scene.bed.harness.member(scene.guild, 'dana');
    for (const user of [scene.alice, scene.ben, scene.chloe, dana]) await as(user).run('#general', 'course enroll', { course: ROOT_CAUSES });
    await completeLessons(scene, scene.alice, ROOT_CAUSES, ['prepare-your-soil']);
    // Dana finished: never nudged, however long ago that was.
    await completeLessons(scene, dana, ROOT_CAUSES, ['prepare-your-soil', 'change-the-discourse', 'center-student-perspectives']);
    scene.clock.advance(3 * DAY_MS);
    await as(scene.ben).run('#general', 'course lesson'); // Reading a lesson counts as activity.
    scene.clock.advance(7 * DAY_MS);

    // Day 10: Alice and Chloe have been idle 10 days, Ben 7.
    const first = message(await as(scene.morgan).run('#general', 'course nudge', { days: 9 }));
    expect(first.content).toBe(
      "I sent a gentle hello to 1 member idle for over 9 days. 1 member couldn't receive a DM from me (their DMs are off, or they left the server).",
    );
    const dm = scene.bed.harness.read(scene.bed.harness.dmOf(scene.alice) ?? '', scene.alice);
    expect(dm.map((m) => m.content)).toEqual([
      [
        "Hello from Roots 🌱 Just a gentle note that your course is waiting for you whenever you're ready:",
        '• **From Root Causes to Grassroots Action**: 1 of 3 lessons done; next up: *Change the Discourse*',
        '',
        '`/course lesson` in Roots picks up right where you left off. No rush: every step counts, at your own pace.',
      ].join('\n'),
    ]);
    expect(dm[0]?.pinged).toEqual({ users: [], roles: [], everyone: false });
    expect(scene.bed.harness.dmOf(scene.ben)).toBeUndefined();
    expect(scene.bed.harness.dmOf(dana)).toBeUndefined();

    // Day 13: Ben is idle now too; Alice and Chloe heard from us three days ago.
    scene.clock.advance(3 * DAY_MS);
    const second = message(await as(scene.morgan).run('#general', 'course nudge', { days: 9, course: ROOT_CAUSES }));
    expect(second.content).toBe('I sent a gentle hello to 1 member idle for over 9 days. 2 members were nudged in the past week, so I left them be.');
    const third = message(await as(scene.morgan).run('#general', 'course nudge', { days: 9 }));
    expect(third.content).toBe(
      'Nobody needed a nudge: no one still working through a course has been idle for over 9 days without hearing from me this week. 3 members were nudged in the past week, so I left them be.',
    );

    // Day 18: a week after the first nudge, Alice and Chloe may hear from us again; Ben may not.
    scene.clock.advance(5 * DAY_MS);
    const weekLater = message(await as(scene.morgan).run('#general', 'course nudge', { days: 9 }));
    expect(weekLater.content).toBe(
      "I sent a gentle hello to 1 member idle for over 9 days. 1 member was nudged in the past week, so I left them be. 1 member couldn't receive a DM from me (their DMs are off, or they left the server).",
    );
    expect(scene.bed.harness.read(scene.bed.harness.dmOf(scene.alice) ?? '', scene.alice)).toHaveLength(2);
    expect(message(await as(scene.alice).run('#general', 'course nudge', { days: 1 })).content).toMatch(/^Only moderators/);
  });

  it('retires a course after confirming: it leaves the list, and members in it can still finish', async () => {
    await as(scene.alice).run('#general', 'course enroll', { course: LEADING });
    const ask = message(await as(scene.morgan).run('#general', 'course retire', { course: LEADING }));
    expect(ask.content).toBe(
      'Retire **Leading Equitable Schools**? It leaves `/course list` and nobody new can join. The 1 member already in it can still finish, and their progress stays.',
    );
    const kept = message(await as(scene.morgan).click(ask, 'Keep it'));
    expect(kept.content).toBe('Nothing changed.');
    const confirm = message(await as(scene.morgan).run('#general', 'course retire', { course: LEADING }));
    const retired = message(await as(scene.morgan).click(confirm, 'Retire it'));
    expect(retired.content).toBe('**Leading Equitable Schools** is retired. Members already in it can still finish.');

    expect(message(await as(scene.ben).run('#general', 'course list')).embeds[0]?.fields?.map((f) => f.name)).toEqual(['From Root Causes to Grassroots Action']);
    expect(message(await as(scene.ben).run('#general', 'course enroll', { course: LEADING })).content).toBe(
      "**Leading Equitable Schools** isn't taking new members anymore. `/course list` shows the courses that are open.",
    );
    await completeLessons(scene, scene.alice, LEADING, ['leading-from-who-you-are']);
    expect(message(await as(scene.alice).run('#general', 'course progress')).embeds[0]?.fields?.[0]?.name).toBe('Leading Equitable Schools (retired)');
    expect(message(await as(scene.morgan).run('#general', 'course retire', { course: LEADING })).content).toBe('**Leading Equitable Schools** is already retired.');
    expect(message(await as(scene.alice).run('#general', 'course retire', { course: ROOT_CAUSES })).content).toMatch(/^Only moderators/);
  });

  it('lets each Keep button answer only the prompt it belongs to', async () => {
    const morgan = as(scene.morgan);
    await morgan.run('#general', 'course enroll', { course: ROOT_CAUSES });
    const done = message(await morgan.submit(modal(await morgan.run('#general', 'course complete', { course: ROOT_CAUSES })), { reflection: 'Soil first.' }));
    const ask = message(await morgan.run('#general', 'course retire', { course: LEADING }));
    const customIdOf = (view: MessageView, label: string) => view.buttons.find((button) => button.label === label)?.customId ?? '';
    const current = (view: MessageView) => scene.bed.harness.read('#general', scene.morgan).find((m) => m.id === view.id);

    // Each prompt's Keep button sent from the other prompt, as a modified client could: refused, and both stay.
    expect((await rawClick(scene, scene.morgan, done, customIdOf(ask, 'Keep it'))).content).toBe(routerSays('stale-component'));
    expect((await rawClick(scene, scene.morgan, ask, customIdOf(done, 'Keep it private'))).content).toBe(routerSays('stale-component'));
    // Nor does a Keep button for another course's question clear this one.
    expect((await rawClick(scene, scene.morgan, ask, customIdOf(ask, 'Keep it').replace(LEADING, ROOT_CAUSES))).content).toBe(routerSays('stale-component'));
    expect(current(done)?.content).toBe(done.content);
    expect(current(ask)?.content).toBe(ask.content);
    expect(current(ask)?.buttons.map((button) => button.label)).toEqual(['Retire it', 'Keep it']);

    // On its own prompt, each does what it says.
    expect(message(await morgan.click(ask, 'Keep it')).content).toBe('Nothing changed.');
    expect(message(await morgan.click(done, 'Keep it private')).content).toMatch(/^Your reflection stays private/);
  });
});

describe('nudges as Discord answers them', () => {
  let scene: CourseScene;
  afterEach(() => scene.bed.close());

  it('counts members who left as left, and leaves those Discord asked to wait for to a later run', async () => {
    // Discord lets a bot open only so many new DM channels at a time (40003 past that): two a minute here.
    scene = await startCourseScene({ emulator: { dmOpenings: { limit: 2, windowMs: 60_000 } } });
    const h = scene.bed.harness;
    const [dana, eve, frank] = [h.member(scene.guild, 'dana'), h.member(scene.guild, 'eve'), h.member(scene.guild, 'frank')];
    for (const user of [scene.alice, scene.ben, dana, eve, frank]) await h.as(user).run('#general', 'course enroll', { course: ROOT_CAUSES });
    scene.clock.advance(10 * DAY_MS);
    // Alice and Ben have left Roots, the only server they shared with the bot: Discord answers 50278.
    h.leave(scene.guild, scene.alice);
    h.leave(scene.guild, scene.ben);

    // In the order the nudges go out (by member id): the two who left take the minute's two openings, then "too fast".
    const first = message(await h.as(scene.morgan).run('#general', 'course nudge', { days: 9 }));
    expect(first.content).toBe(
      "I couldn't reach anyone idle for over 9 days this time. 2 members have left the server, so I didn't write to them. 3 members will hear from me next time: Discord asked me to slow down, so please run `/course nudge` again later.",
    );

    // A minute later: two more are reached, the last waits again; another minute, and everyone has been.
    scene.clock.advance(60_000);
    const second = message(await h.as(scene.morgan).run('#general', 'course nudge', { days: 9 }));
    expect(second.content).toBe(
      'I sent a gentle hello to 2 members idle for over 9 days. 2 members were nudged in the past week, so I left them be. 1 member will hear from me next time: Discord asked me to slow down, so please run `/course nudge` again later.',
    );
    scene.clock.advance(60_000);
    const third = message(await h.as(scene.morgan).run('#general', 'course nudge', { days: 9 }));
    expect(third.content).toBe('I sent a gentle hello to 1 member idle for over 9 days. 4 members were nudged in the past week, so I left them be.');
    for (const user of [dana, eve, frank]) expect(h.read(h.dmOf(user) ?? '', user)).toHaveLength(1);
  });
});
