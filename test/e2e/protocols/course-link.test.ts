import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { description, message, modal, seen } from './steps.js';

/** The seam with courses: a lesson names a protocol, and its button starts it in a thread. */
describe('practising a protocol from a course lesson', () => {
  let bed: TestBed;
  let general: ChannelRecord;
  let alice: UserRecord;

  beforeAll(async () => {
    bed = await startTestBed((h) => {
      const guild: GuildRecord = h.guild('Roots', { owner: 'owner' });
      general = h.channel(guild, 'general');
      alice = h.member(guild, 'alice');
    });
  });
  afterAll(() => bed.close());

  it('starts the lesson’s protocol in the channel where the lesson was opened', async () => {
    const h = bed.harness;
    const lesson = message(await h.as(alice).run(general, 'course enroll', { course: 'From Root Causes to Grassroots Action' }));
    expect(lesson.ephemeral).toBe(true);
    const form = modal(await h.as(alice).click(lesson, 'Practise Prepare Your Soil'));
    const reply = message(await h.as(alice).submit(form, { topic: 'Getting our team ready to talk about attendance' }));
    expect(reply.ephemeral).toBe(false);
    expect(reply.content).toContain('opened **Prepare Your Soil**');
    const [thread] = h.threadsOf(general);
    expect(thread?.name).toBe('Getting our team ready to talk about attendance');
    const step = await seen(h, thread?.id ?? '', (m) => m.buttons.length > 0);
    expect(step.embeds[0]?.title).toBe('Step 1 of 6 · Time and place');
    expect(description(step)).toContain(`Facilitated by <@${alice.id}>`);
  });
});
