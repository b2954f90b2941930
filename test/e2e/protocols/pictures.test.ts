import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { expectLikeReference } from '../../support/pictures.js';
import { add, description, message, next, press, startProtocol } from './steps.js';

describe('a protocol summary’s picture', () => {
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

  async function finishEarly(thread: ChannelRecord) {
    const h = bed.harness;
    const summary = h.nextPost({ channelId: thread.id, where: (m) => m.embeds[0]?.title?.startsWith('Summary') === true });
    await h.as(alice).click(message(await press(h, alice, thread, 'Finish early')), 'Finish now');
    return summary;
  }

  it('draws the Fishbone’s bones with the causes under them', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'fishbone', 'Missing homework <in Year 8> & after');
    await next(h, alice, thread);
    await add(h, ben, thread, { text: 'Homework assumes quiet time at home', category: ['Practices'] }, 'quiet time');
    await add(h, alice, thread, { text: 'Older siblings work weekends', category: ['Community'] }, 'siblings');
    await add(h, ben, thread, { text: 'Late work gets a zero 🙁', category: ['Policies'] }, 'zero');

    const summary = await finishEarly(thread);
    expect(summary.attachments.map((a) => [a.filename, a.description])).toEqual([
      [
        'fishbone.png',
        'Fishbone diagram. Effect: Missing homework <in Year 8> & after. Policies: Late work gets a zero 🙁. Practices: Homework assumes quiet time at home. People: no causes. Place: no causes. Student experience: no causes. Community: Older siblings work weekends.',
      ],
    ]);
    expect(summary.embeds[0]?.image?.url).toBe('attachment://fishbone.png');
    expect(description(summary)).toContain('**Problem:** Missing homework <in Year 8> & after');
    expectLikeReference(h.world.files.get(summary.attachments[0]?.id ?? '')?.data, 'fishbone.png');
  });

  it('draws the 5 Whys as a chain from the problem', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'five-whys', 'Ninth graders miss more school on Mondays');
    await add(h, ben, thread, { text: 'Attendance data, Sept to Nov' }, 'Attendance');
    await next(h, alice, thread);
    await add(h, ben, thread, { text: 'They care for siblings on Monday mornings' }, 'siblings');
    await add(h, alice, thread, { text: 'The bus comes earlier on Mondays' }, 'bus');
    await next(h, alice, thread);
    await add(h, alice, thread, { text: 'Parents start work early after the weekend' }, 'Parents');

    const summary = await finishEarly(thread);
    const [file] = summary.attachments;
    expect(file?.filename).toBe('why-chain.png');
    expect(file?.description).toBe(
      'Why-chain. Problem: Ninth graders miss more school on Mondays. Why? (1 of 5): They care for siblings on Monday mornings; The bus comes earlier on Mondays. Why? (2 of 5): Parents start work early after the weekend. Why? (3 of 5): no answer. Why? (4 of 5): no answer. Why? (5 of 5): no answer.',
    );
    expect(summary.embeds[0]?.image?.url).toBe('attachment://why-chain.png');
    expectLikeReference(h.world.files.get(file?.id ?? '')?.data, 'why-chain.png');
  });
});
