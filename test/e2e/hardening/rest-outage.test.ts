import { HTTPError, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRecord, RequestMatcher } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';

/**
 * Discord answering 503 for a while. The bot's REST client (the one every feature posts through,
 * rituals included) must not turn one post into a burst: it tries again once, at once, and leaves
 * anything longer to the caller's own back-off (rituals retry after 1 and 5 minutes).
 */
describe("the bot's REST client during a Discord outage", () => {
  let bed: TestBed;
  let general: ChannelRecord;
  const postsTo = (channel: ChannelRecord): RequestMatcher => (r) => r.method === 'POST' && r.route === '/channels/:channel_id/messages' && r.params.channel_id === channel.id;
  const unavailable = { status: 503, body: { message: 'Service Unavailable', code: 0 } };
  const post = () => bed.bot.client.rest.post(Routes.channelMessages(general.id), { body: { content: 'This week’s poem' } });

  beforeEach(async () => {
    bed = await startTestBed((h) => {
      general = h.channel(h.guild('Roots', { owner: 'morgan' }), 'general');
    });
  });
  afterEach(() => bed.close());

  it('costs two requests per post while every answer is a 503', async () => {
    const outage = bed.harness.emulator.faults.fail(postsTo(general), unavailable);
    const error: unknown = await post().catch((e: unknown) => e);
    outage.dispose();
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(503);
    expect(outage.count).toBe(2);
    expect(bed.harness.world.messagesIn(general.id)).toHaveLength(0);
  });

  it('still rides out a single 503 with its one retry', async () => {
    const blip = bed.harness.emulator.faults.fail(postsTo(general), unavailable, 1);
    await post();
    expect(blip.count).toBe(1);
    expect(bed.harness.world.messagesIn(general.id)).toHaveLength(1);
  });
});
