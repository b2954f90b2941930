import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChannelRecord } from '@roots-bot/discord-emulator';
import { add, message, privateNote, seen, startProtocol, startProtocolScene, type ProtocolScene } from './steps.js';

/** A group that can't finish a protocol can stop it: what was said stays, the thread rests. */
describe('/protocol stop', () => {
  let scene: ProtocolScene;
  beforeAll(async () => {
    scene = await startProtocolScene();
  });
  afterAll(() => scene.bed.close());

  const runOf = (thread: ChannelRecord) => scene.bed.bot.db.selectFrom('protocol_runs').selectAll().where('thread_id', '=', thread.id).executeTakeFirstOrThrow();

  it('asks first, then stops the run in its thread, keeping what was said and archiving the thread', async () => {
    const { h, general, alice, ben } = scene;
    const { thread, step } = await startProtocol(h, alice, general, 'five-whys', 'Broken printers');
    await add(h, ben, thread, { text: 'Toner runs out on Fridays' }, 'Toner runs out');

    // Only the facilitator or a moderator may stop it.
    expect(privateNote(await h.as(ben).run(thread, 'protocol stop'))).toContain('Only the facilitator');

    // "Keep going" changes nothing.
    const first = message(await h.as(alice).run(thread, 'protocol stop'));
    expect(first.ephemeral).toBe(true);
    expect(first.content).toContain('Stop **5 Whys** on “Broken printers”?');
    expect(first.buttons.map((b) => b.label)).toEqual(['Yes, stop', 'Keep going']);
    const kept = await h.as(alice).click(first, 'Keep going');
    expect(kept.kind === 'update' && kept.message?.content).toBe('Carrying on; nothing changed.');
    expect((await runOf(thread)).state).toBe('running');

    const prompt = message(await h.as(alice).run(thread, 'protocol stop'));
    const note = h.nextPost({ channelId: thread.id, where: (m) => m.content.includes('stopped this protocol') });
    const stopped = await h.as(alice).click(prompt, 'Yes, stop');
    expect(stopped.kind === 'update' && stopped.message?.content).toContain('Stopped.');
    expect((await note).content).toBe(`⏹️ <@${alice.id}> stopped this protocol at step 1 of 8. Everything said here stays, and \`/protocol export\` gives the full record.`);
    await vi.waitFor(() => expect(thread.thread?.archived).toBe(true));

    const row = await runOf(thread);
    expect(row.state).toBe('stopped');
    expect(await scene.bed.bot.db.selectFrom('protocol_contributions').select('text').where('run_id', '=', row.id).execute()).toEqual([{ text: 'Toner runs out on Fridays' }]);
    // The step's message keeps what was added, with no buttons left to press.
    const quiet = await seen(h, thread.id, (m) => m.id === step.id && m.buttons.length === 0);
    expect(quiet.embeds[0]?.description).toContain('Toner runs out on Fridays');
    expect(quiet.embeds[0]?.description).toContain('stopped');

    // It no longer shows as running, and its record is still there.
    expect(privateNote(await h.as(ben).run(general, 'protocol list'))).toBe('No protocols are running in this server right now. Start one with `/protocol start`.');
    const exported = message(await h.as(ben).run(general, 'protocol export', { which: String(row.id) }));
    const markdown = h.world.files.get(exported.attachments[0]?.id ?? '')?.data.toString('utf8') ?? '';
    expect(markdown).toContain('- Stopped: ');
    expect(markdown).toContain('Toner runs out on Fridays');
    // The steps the group never reached say so, rather than that nobody spoke.
    expect(markdown).toContain('### 2. Why? (1 of 5)\n\nNot reached.');

    // Stopping it again is answered kindly.
    expect(privateNote(await h.as(alice).run(general, 'protocol stop', { which: String(row.id) }))).toBe(
      'This protocol has already been stopped. Everything the group said is still in the thread, and `/protocol export` gives you the record.',
    );
  });

  it('lets a moderator stop a run from another channel, picked as they type', async () => {
    const { h, general, alice, morgan } = scene;
    const { thread } = await startProtocol(h, alice, general, 'fishbone', 'Late buses');
    const row = await runOf(thread);
    const choices = await h.as(morgan).autocomplete(general, 'protocol stop', { which: '' }, 'which');
    expect(choices.map((c) => c.value)).toEqual([String(row.id)]);
    const prompt = message(await h.as(morgan).run(general, 'protocol stop', { which: String(row.id) }));
    expect((await h.as(morgan).click(prompt, 'Yes, stop')).kind).toBe('update');
    await seen(h, thread.id, (m) => m.content.includes(`<@${morgan.id}> stopped this protocol`));
    expect((await runOf(thread)).state).toBe('stopped');
  });
});
