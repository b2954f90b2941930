import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { add, description, message, press, seen, startProtocol } from './steps.js';

/**
 * Names and topics people choose are shown as typed inside the bot's own Markdown: a topic that
 * looks like a link or a heading is neither, and a note's newlines never break a list line.
 */
describe("what members name doesn't reshape the bot's protocol posts", () => {
  let bed: TestBed;
  let general: ChannelRecord;
  let dana: UserRecord;
  let ben: UserRecord;
  const topic = '[Claim your grant](https://evil.example) **now**';
  const shownTopic = '\\[Claim your grant](https://evil.example) \\*\\*now\\*\\*';

  beforeAll(async () => {
    bed = await startTestBed((h) => {
      const guild: GuildRecord = h.guild('Roots', { owner: 'owner' });
      general = h.channel(guild, 'general');
      h.user('dana', { globalName: '# Dana [home](https://x.example)' });
      dana = h.member(guild, 'dana');
      ben = h.member(guild, 'ben');
    });
  });
  afterAll(() => bed.close());

  it('escapes topics and names in the step, the summary, the notice and the export', async () => {
    const h = bed.harness;
    const { thread, reply, step } = await startProtocol(h, dana, general, 'five-whys', topic);
    expect(reply.content).toContain(`on “${shownTopic}”`);
    expect(description(step)).toContain(`**Topic:** ${shownTopic}`);
    await add(h, ben, thread, { text: 'First line\n# Second line' }, 'First line');

    const summary = h.nextPost({ channelId: thread.id, where: (m) => m.embeds[0]?.title === 'Summary · 5 Whys' });
    const confirm = message(await press(h, dana, thread, 'Finish early'));
    expect((await h.as(dana).click(confirm, 'Finish now')).kind).toBe('update');
    expect(description(await summary)).toContain(`**Problem:** ${shownTopic}`);
    const notice = await seen(h, general.id, (m) => m.content.includes('has finished'));
    expect(notice.content).toContain(`on “${shownTopic}”`);

    const exported = message(await h.as(ben).run(thread, 'protocol export'));
    expect(exported.content).toContain(`on “${shownTopic}”`);
    const markdown = h.world.files.get(exported.attachments[0]?.id ?? '')?.data.toString('utf8') ?? '';
    expect(markdown).toContain(`# 5 Whys: ${shownTopic}\n`);
    expect(markdown).toContain('- Facilitator: \\# Dana \\[home](https://x.example)\n');
    expect(markdown).toContain('- First line / # Second line (ben)\n');
  });
});
