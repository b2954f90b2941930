import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { finishNowButton, keepGoingButton } from '../../../src/protocols/discord/custom-ids.js';
import { add, currentStep, description, message, next, press, privateNote, seen, startProtocol, startProtocolScene, type ProtocolScene } from './steps.js';

describe('only the facilitator or a moderator moves a protocol along', () => {
  let scene: ProtocolScene;
  beforeAll(async () => {
    scene = await startProtocolScene();
  });
  afterAll(() => scene.bed.close());

  it('refuses other members kindly, lets a moderator step in, and pauses and resumes', async () => {
    const { h, general, alice, ben, morgan } = scene;
    const { thread, step } = await startProtocol(h, alice, general, 'five-whys', 'Late arrivals after lunch');

    for (const control of ['Next', 'Pause', 'Finish early']) {
      const note = privateNote(await press(h, ben, thread, control));
      expect(note).toBe(`Only the facilitator (<@${alice.id}>) or a moderator can move the protocol along. You can still add your thoughts with **Add**.`);
    }
    expect(currentStep(h, thread).id).toBe(step.id);

    // A moderator may move it on when the facilitator is away.
    const second = await next(h, morgan, thread);
    expect(second.embeds[0]?.title).toBe('Step 2 of 8 · Why? (1 of 5)');
    expect((await press(h, alice, thread, 'Back')).kind).toBe('update');
    const back = await seen(h, thread.id, (m) => m.buttons.length > 0 && m.embeds[0]?.title === 'Step 1 of 8 · Name the problem' && m.id !== step.id);
    expect(back.buttons.find((b) => b.label === 'Back')?.disabled).toBe(true);

    // Pause: nobody can add or move on; only Resume and Finish remain.
    const paused = h.nextPost({ channelId: thread.id, where: (m) => m.id === back.id && description(m).includes('Paused') });
    expect((await press(h, alice, thread, 'Pause')).kind).toBe('update');
    const pausedView = await paused;
    expect(pausedView.buttons.map((b) => b.label)).toEqual(['Resume', 'Finish early']);
    expect(privateNote(await press(h, ben, thread, 'Resume'))).toContain('Only the facilitator');
    const resumed = h.nextPost({ channelId: thread.id, where: (m) => m.id === back.id && m.buttons.some((b) => b.label === 'Add') });
    expect((await press(h, alice, thread, 'Resume')).kind).toBe('update');
    await resumed;
    await add(h, ben, thread, { text: 'After lunch the doors are locked' }, 'doors are locked');

    // Finishing early asks first; "Keep going" changes nothing.
    const confirm = message(await press(h, alice, thread, 'Finish early'));
    expect(confirm.ephemeral).toBe(true);
    const kept = await h.as(alice).click(confirm, 'Keep going');
    expect(kept.kind === 'update' && kept.message?.content).toBe('Carrying on; nothing changed.');
    expect(currentStep(h, thread).id).toBe(back.id);
  });

  it('finishes a paused protocol whose thread archived itself meanwhile: the summary is posted, then the thread archived again', async () => {
    const { h, general, alice, ben } = scene;
    const { thread } = await startProtocol(h, alice, general, 'five-whys', 'Hallway noise between periods');
    await add(h, ben, thread, { text: 'Three classes change rooms at once' }, 'change rooms at once');
    const paused = h.nextPost({ channelId: thread.id, where: (m) => description(m).includes('Paused') });
    expect((await press(h, alice, thread, 'Pause')).kind).toBe('update');
    const step = await paused;

    // A quiet week: Discord archives the thread, and refuses edits in it until it is reopened.
    h.advance(7 * 24 * 60 * 60_000);
    expect(thread.thread?.archived).toBe(true);
    const summary = h.nextPost({ channelId: thread.id, where: (m) => m.embeds[0]?.title === 'Summary · 5 Whys' });
    const confirm = message(await press(h, alice, thread, 'Finish early'));
    expect((await h.as(alice).click(confirm, 'Finish now')).kind).toBe('update');
    expect(description(await summary)).toContain('**Problem:** Hallway noise between periods');
    await seen(h, general.id, (m) => m.content.includes('has finished') && m.content.includes('Hallway noise'));
    // The paused step's message is closed, and the thread is archived once the summary is in.
    expect(h.read(thread).find((m) => m.id === step.id)?.buttons).toEqual([]);
    await vi.waitFor(() => expect(thread.thread?.archived).toBe(true));
  });

  it('tells a member whose click or form arrives after the group moved on, and stores nothing', async () => {
    const { h, general, alice, ben } = scene;
    const { thread } = await startProtocol(h, alice, general, 'fishbone', 'Empty library at lunch');
    const form = await h.as(ben).click(currentStep(h, thread), 'Add');
    if (form.kind !== 'modal') throw new Error('expected the form');
    const staleConfirm = message(await press(h, alice, thread, 'Finish early'));
    await next(h, alice, thread);

    const late = await h.as(ben).submit(form.modal, { text: 'Lunch is only 25 minutes' });
    expect(privateNote(late)).toBe("The group has moved on to step 2, so I didn't change anything here. Please use the newest step message in the thread.");
    expect(await scene.bed.bot.db.selectFrom('protocol_contributions').selectAll().where('text', '=', 'Lunch is only 25 minutes').execute()).toEqual([]);
    expect(privateNote(await h.as(alice).click(staleConfirm, 'Finish now'))).toContain('moved on to step 2');
  });

  it("answers a finished protocol's buttons and forms kindly", async () => {
    const { h, general, alice, ben } = scene;
    const { thread } = await startProtocol(h, alice, general, 'center-student-perspectives', 'Who speaks in class');
    const form = await h.as(ben).click(currentStep(h, thread), 'Add');
    if (form.kind !== 'modal') throw new Error('expected the form');
    const first = message(await press(h, alice, thread, 'Finish early'));
    const second = message(await press(h, alice, thread, 'Finish early'));
    expect((await h.as(alice).click(second, 'Finish now')).kind).toBe('update');
    await seen(h, thread.id, (m) => m.embeds[0]?.title === 'Summary · Center Student Perspectives');

    const finished = 'This protocol has finished, so its buttons are resting now. The summary is at the end of the thread, and `/protocol export` gives you the full record.';
    expect(privateNote(await h.as(alice).click(first, 'Finish now'))).toBe(finished);
    expect(privateNote(await h.as(ben).submit(form.modal, { text: 'Quiet students' }))).toBe(finished);
  });

  it('"Keep going" only ever closes its own "finish early?" prompt', async () => {
    const { h, general, alice } = scene;
    const { thread, step } = await startProtocol(h, alice, general, 'five-whys', 'Lost library books');
    const { id: runId } = await scene.bed.bot.db.selectFrom('protocol_runs').select('id').where('thread_id', '=', thread.id).executeTakeFirstOrThrow();
    // A public message in the thread carrying the prompt's buttons, as a modified client could click.
    const notice = h.post(h.emulator.bot.id, thread.id, {
      content: 'Welcome! Read this before you start.',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, custom_id: finishNowButton.encode(runId, 0), label: 'Finish now', style: ButtonStyle.Danger },
            { type: ComponentType.Button, custom_id: keepGoingButton.encode(runId, 0), label: 'Keep going', style: ButtonStyle.Secondary },
          ],
        },
      ],
    });
    expect(privateNote(await h.as(alice).click(notice, 'Keep going'))).toContain('I left that message as it is');
    const after = h.read(thread).find((m) => m.id === notice.id);
    expect(after?.content).toBe('Welcome! Read this before you start.');
    expect(after?.buttons.map((b) => b.label)).toEqual(['Finish now', 'Keep going']);

    // Its own prompt still closes, and the step carries on.
    const confirm = message(await h.as(alice).click(step, 'Finish early'));
    const kept = await h.as(alice).click(confirm, 'Keep going');
    expect(kept.kind === 'update' && kept.message?.content).toBe('Carrying on; nothing changed.');
    expect(h.read(thread).find((m) => m.id === step.id)?.buttons.map((b) => b.label)).toContain('Add');
  });
});
