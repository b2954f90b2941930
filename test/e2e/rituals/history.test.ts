import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelRecord, RequestMatcher } from '@roots-bot/discord-emulator';
import { expectLikeReference } from '../../support/pictures.js';
import { postsIn, startRitualBed, type RitualBed } from './support.js';

const MONDAY_8AM = '2026-03-02T08:00:00Z';
const postsTo =
  (channel: ChannelRecord): RequestMatcher =>
  (r) =>
    r.method === 'POST' && r.route === '/channels/:channel_id/messages' && r.params.channel_id === channel.id;

describe('/ritual history', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('shows each ritual’s last runs (posted, skipped, failed, missed) and the podcast club’s "I listened" counts, as a picture and in numbers', async () => {
    rb = await startRitualBed(MONDAY_8AM);
    expect((await rb.asModerator('ritual history')).content).toBe('No rituals here yet, so there is no history to show. `/ritual create` sets one up.');
    await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * *', timezone: 'Europe/London' });
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#general', cron: '0 9 * * *', timezone: 'Europe/London', thread: false });

    await rb.at('2026-03-02T09:00:00Z');
    const listen = async (n: number) => {
      for (const member of [rb.alice, rb.morgan].slice(0, n)) {
        // The button counts aloud ("I listened · 1"), so the latest post is read again each time.
        const post = postsIn(rb, rb.general).at(-1);
        if (post === undefined) throw new Error('expected the podcast post');
        await rb.bed.harness.as(member).click(post, 1);
      }
    };
    await listen(2);
    await rb.asModerator('ritual skip-next', { ritual: 1 });
    await rb.at('2026-03-03T09:00:00Z');
    await listen(1);
    const outage = rb.bed.harness.emulator.faults.fail(postsTo(rb.poems), { status: 503, body: { message: 'Service Unavailable', code: 0 } });
    await rb.at('2026-03-04T09:00:00Z');
    await rb.at('2026-03-04T09:01:00Z');
    await rb.at('2026-03-04T09:06:00Z');
    outage.dispose();
    // The computer slept for two days: those runs are passed over, and only the latest posts.
    await rb.at('2026-03-07T09:00:00Z');

    const reply = await rb.asModerator('ritual history');
    const [embed] = reply.embeds;
    expect(embed?.title).toBe('Rituals · the last 12 runs');
    expect(embed?.fields?.map((f) => [f.name, f.value])).toEqual([
      ['Ritual #1 · Poem', `Last 6 runs: 2 posted · 2 missed · 1 failed · 1 skipped\nLatest: <t:${Date.parse('2026-03-07T09:00:00Z') / 1000}:R>, posted.`],
      [
        'Ritual #2 · Podcast club',
        `Last 6 runs: 4 posted · 2 missed\n“I listened”, oldest to newest: 2, 1, 0, 0\nLatest: <t:${Date.parse('2026-03-07T09:00:00Z') / 1000}:R>, posted.`,
      ],
    ]);
    expect(embed?.image?.url).toBe('attachment://ritual-history.png');
    expect(reply.attachments.map((a) => [a.filename, a.description])).toEqual([
      [
        'ritual-history.png',
        'Rituals · the last 12 runs. #1 Poem (#poems): 2 posted, 2 missed, 1 failed, 1 skipped. #2 Podcast club (#general): 4 posted, 2 missed. "I listened", oldest to newest: 2, 1, 0, 0.',
      ],
    ]);
    expectLikeReference(rb.bed.harness.world.files.get(reply.attachments[0]?.id ?? '')?.data, 'ritual-history.png');

    const one = await rb.asModerator('ritual history', { ritual: 2 });
    expect(one.embeds[0]?.fields?.map((f) => f.name)).toEqual(['Ritual #2 · Podcast club']);
    expect(one.attachments[0]?.description).toMatch(/^Rituals · the last 12 runs\. #2 Podcast club \(#general\): 4 posted/);
  });
});
