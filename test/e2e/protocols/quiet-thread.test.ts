import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, RequestMatcher, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { add, currentStep, description, message, next, startProtocol } from './steps.js';

const DAY = 24 * 60 * 60_000;

/**
 * A run's thread archives itself after a quiet week (its auto-archive duration), and Discord then
 * refuses every edit in it (50083) until it is open again: the group can still carry on, and a
 * member can still take the record home.
 */
describe('a protocol in a thread that went quiet', () => {
  let bed: TestBed;
  let general: ChannelRecord;
  let alice: UserRecord;
  let ben: UserRecord;

  beforeAll(async () => {
    bed = await startTestBed((h) => {
      const guild: GuildRecord = h.guild('Roots', { owner: 'owner' });
      general = h.channel(guild, 'general');
      alice = h.member(guild, 'alice');
      ben = h.member(guild, 'ben');
    });
  });
  afterAll(() => bed.close());

  it('carries on a week later: Next and Add work in the thread Discord archived', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'five-whys', 'Homework handed in late');
    await add(h, ben, thread, { text: 'The deadline is at midnight' }, 'deadline is at midnight');
    h.advance(7 * DAY);
    expect(thread.thread?.archived).toBe(true);

    const second = await next(h, alice, thread);
    expect(second.embeds[0]?.title).toBe('Step 2 of 8 · Why? (1 of 5)');
    expect(thread.thread?.archived).toBe(false);
    await add(h, ben, thread, { text: 'Families have one laptop' }, 'one laptop');
    expect(description(currentStep(h, thread))).toContain('Families have one laptop');
  });

  it('hands over the export even when the thread archives between "thinking…" and the file', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'five-whys', 'Quiet Fridays');
    const answering: RequestMatcher = (r) => r.method === 'PATCH' && r.route === '/webhooks/:webhook_id/:webhook_token/messages/:message_id';
    const hold = h.emulator.faults.hold(answering, 'before-handling');
    const exported = h.as(ben).run(thread, 'protocol export');
    const held = await hold.next();
    // The day passes while the bot is still working on it: Discord archives the thread.
    h.advance(7 * DAY);
    expect(thread.thread?.archived).toBe(true);
    held.release();
    hold.dispose();
    const file = message(await exported);
    expect(file.content).toBe('Here is **5 Whys** on “Quiet Fridays”, summary first, then every step.');
    expect(file.attachments).toHaveLength(1);
  });
});
