import { HTTPError, REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestMatcher } from '../src/faults.js';
import type { ChannelRecord } from '../src/world.js';
import { Harness } from '../src/harness.js';

describe('emulator request faults (test hooks)', () => {
  let harness: Harness;
  let rest: REST;
  let general: ChannelRecord;
  const postsTo = (channel: ChannelRecord): RequestMatcher => (r) => r.method === 'POST' && r.route === '/channels/:channel_id/messages' && r.params.channel_id === channel.id;
  const messages = () => harness.world.messagesIn(general.id).length;

  beforeEach(async () => {
    harness = await Harness.start({ rateLimits: { disabled: true } });
    rest = new REST({ api: harness.emulator.apiUrl, retries: 0, timeout: 5000 }).setToken(harness.emulator.token);
    general = harness.channel(harness.guild('Roots', { owner: 'morgan' }), 'general');
  });
  afterEach(() => harness.close());

  it('holds a request before the world changes, then lets it through', async () => {
    const hold = harness.emulator.faults.hold(postsTo(general));
    const sent = rest.post(Routes.channelMessages(general.id), { body: { content: 'hello' } });
    const held = await hold.next();
    expect(held.request.params.channel_id).toBe(general.id);
    expect(messages()).toBe(0);
    held.release();
    await sent;
    expect(messages()).toBe(1);
    hold.dispose();
  });

  it('drops a held request: Discord never sees it and the client loses the connection', async () => {
    const hold = harness.emulator.faults.hold(postsTo(general));
    const sent = rest.post(Routes.channelMessages(general.id), { body: { content: 'hello' } }).then(
      () => 'answered',
      () => 'connection lost',
    );
    (await hold.next()).drop();
    expect(await sent).toBe('connection lost');
    expect(messages()).toBe(0);
    expect(harness.emulator.requests.at(-1)?.status).toBe(0);
  });

  it('holds after handling: the message exists, the answer never comes', async () => {
    const hold = harness.emulator.faults.hold(postsTo(general), 'after-handling');
    const sent = rest.post(Routes.channelMessages(general.id), { body: { content: 'hello' } }).then(
      () => 'answered',
      () => 'connection lost',
    );
    const held = await hold.next();
    expect(messages()).toBe(1);
    held.drop();
    expect(await sent).toBe('connection lost');
    expect(messages()).toBe(1);
  });

  it('answers a number of requests with a canned failure, then handles them again', async () => {
    const failure = harness.emulator.faults.fail(postsTo(general), { status: 503, body: { message: 'Service Unavailable', code: 0 } }, 2);
    for (let i = 0; i < 2; i += 1) {
      const error = await rest.post(Routes.channelMessages(general.id), { body: { content: 'hello' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HTTPError);
      expect((error as HTTPError).status).toBe(503);
    }
    await rest.post(Routes.channelMessages(general.id), { body: { content: 'hello' } });
    expect(failure.count).toBe(2);
    expect(messages()).toBe(1);
  });
});
