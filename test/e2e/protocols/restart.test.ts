import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { add, currentStep, description, message, next, seen, startProtocol } from './steps.js';

describe('protocols across a restart', () => {
  let bed: TestBed;
  let general: ChannelRecord;
  let alice: UserRecord;
  let ben: UserRecord;

  beforeEach(async () => {
    bed = await startTestBed((h) => {
      const guild: GuildRecord = h.guild('Roots', { owner: 'owner' });
      general = h.channel(guild, 'general');
      alice = h.member(guild, 'alice');
      ben = h.member(guild, 'ben');
    });
  });
  afterEach(() => bed.close());

  it('resumes every running protocol at its step, with the same buttons working', async () => {
    const h = bed.harness;
    const whys = await startProtocol(h, alice, general, 'five-whys', 'Monday absences');
    const bones = await startProtocol(h, ben, general, 'fishbone', 'Missing homework');
    await add(h, ben, whys.thread, { text: 'Data from the office' }, 'Data from the office');
    const whyStep = await next(h, alice, whys.thread);
    await add(h, alice, whys.thread, { text: 'Siblings to care for' }, 'Siblings to care for');

    await bed.restart();

    // The same messages, clicked after the restart: the protocol carries on where it was.
    expect(currentStep(h, whys.thread).id).toBe(whyStep.id);
    const updated = await add(h, ben, whys.thread, { text: 'Test slot on Mondays' }, 'Test slot on Mondays');
    expect(description(updated)).toContain('Siblings to care for');
    expect(description(updated)).toContain('**Added so far (2)**');
    expect((await next(h, alice, whys.thread)).embeds[0]?.title).toBe('Step 3 of 8 · Why? (2 of 5)');
    expect(currentStep(h, bones.thread).id).toBe(bones.step.id);
    await add(h, alice, bones.thread, { text: 'Nothing yet on the bones' }, 'Nothing yet on the bones');

    const list = message(await h.as(alice).run(general, 'protocol list'));
    expect(list.embeds[0]?.title).toBe('Protocols running here (2)');
    expect(list.embeds[0]?.description).toContain('step 3 of 8');
  });

  it('puts back a step message that a stop between a move and its message left out', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'change-the-discourse', 'Blame in our staff room');
    await next(h, alice, thread);
    // Once the new step's message is recorded (the edit below needs it), forget it, as if the bot
    // had stopped right after moving on and before posting the new step.
    await add(h, ben, thread, { text: 'Our homework routines assume quiet at home' }, 'quiet at home');
    await bed.bot.db.updateTable('protocol_runs').set({ step_message_id: null }).execute();
    const restored = h.nextPost({ channelId: thread.id, where: (m) => m.buttons.length > 0 });

    await bed.restart();

    const step = await restored;
    expect(step.embeds[0]?.title).toBe('Step 2 of 5 · Restate it as a system');
    expect(description(step)).toContain('quiet at home');
    await add(h, alice, thread, { text: 'Our grading counts homework we never taught' }, 'never taught');
    const run = await bed.bot.db.selectFrom('protocol_runs').select(['current_step', 'step_message_id']).executeTakeFirstOrThrow();
    expect(run).toEqual({ current_step: 1, step_message_id: step.id });
  });

  it('posts the summary a stop right after finishing left out', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'prepare-your-soil', 'Getting ready for root-cause work');
    const confirm = message(await h.as(alice).click(currentStep(h, thread), 'Finish early'));
    await h.as(alice).click(confirm, 'Finish now');
    // The notice in the channel comes after the summary is recorded; then forget the summary.
    await seen(h, general.id, (m) => m.content.includes('has finished'));
    await bed.bot.db.updateTable('protocol_runs').set({ summary_message_id: null }).execute();

    await bed.restart();

    // Discord answers the repeated nonce with the summary it already has: no second copy.
    const run = await bed.bot.db.selectFrom('protocol_runs').select('summary_message_id').executeTakeFirstOrThrow();
    const summaries = h.read(thread).filter((m) => m.embeds[0]?.title === 'Summary · Prepare Your Soil');
    expect(summaries).toHaveLength(1);
    expect(h.read(general).filter((m) => m.content.includes('has finished'))).toHaveLength(1);
    expect(run.summary_message_id).toBe(summaries[0]?.id);
  });
});
