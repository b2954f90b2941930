import { DiscordAPIError, REST } from '@discordjs/rest';
import { InteractionResponseType, InteractionType, Routes, type APIMessage } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../src/harness.js';
import type { EmulatorOptions } from '../src/emulator.js';

async function setup(options: EmulatorOptions = { rateLimits: { disabled: true } }) {
  const harness = await Harness.start(options);
  const guild = harness.guild('Roots', { owner: 'morgan' });
  const general = harness.channel(guild, 'general');
  const alice = harness.member(guild, 'alice');
  const rest = new REST({ api: harness.emulator.apiUrl, retries: 0 }).setToken(harness.emulator.token);
  return { harness, guild, general, alice, rest };
}

async function refusal(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('emulator limits through HTTP', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('refuses content over 2,000 characters with 50035 and an errors tree, and takes 2,000', async () => {
    const s = await setup();
    harness = s.harness;
    await s.rest.post(Routes.channelMessages(s.general.id), { body: { content: 'a'.repeat(2000) } });
    const error = await refusal(s.rest.post(Routes.channelMessages(s.general.id), { body: { content: 'a'.repeat(2001) } }));
    expect(error.code).toBe(50035);
    expect(error.rawError).toMatchObject({ errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
  });

  it('refuses an embed title over 256, duplicate custom_ids, and a nonce over 25 characters', async () => {
    const s = await setup();
    harness = s.harness;
    const post = (body: unknown) => refusal(s.rest.post(Routes.channelMessages(s.general.id), { body }));
    expect((await post({ embeds: [{ title: 't'.repeat(257) }] })).rawError).toMatchObject({ errors: { embeds: { 0: { title: {} } } } });
    const button = { type: 2, style: 1, label: 'Go', custom_id: 'same' };
    expect((await post({ components: [{ type: 1, components: [button, button] }] })).code).toBe(50035);
    expect((await post({ content: 'x', nonce: 'n'.repeat(26) })).code).toBe(50035);
    expect((await post({})).code).toBe(50006);
  });

  it('refuses more than 25 autocomplete choices and a thread name over 100', async () => {
    const s = await setup();
    harness = s.harness;
    const auto = s.harness.emulator.interactions.create({ type: InteractionType.ApplicationCommandAutocomplete, userId: s.alice.id, channelId: s.general.id, data: {} });
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` }));
    const tooMany = await refusal(
      s.rest.post(Routes.interactionCallback(auto.id, auto.token), { body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, auth: false }),
    );
    expect(tooMany.code).toBe(50035);
    const message = (await s.rest.post(Routes.channelMessages(s.general.id), { body: { content: 'hi' } })) as APIMessage;
    expect((await refusal(s.rest.post(Routes.threads(s.general.id, message.id), { body: { name: 'n'.repeat(101) } }))).code).toBe(50035);
  });

  it('refuses invalid command definitions: bad names and required options after optional ones', async () => {
    const s = await setup();
    harness = s.harness;
    const put = (body: unknown) => refusal(s.rest.put(Routes.applicationCommands(s.harness.emulator.application.id), { body }));
    expect((await put([{ name: 'Bad Name', description: 'x' }])).code).toBe(50035);
    const options = [
      { type: 3, name: 'optional', description: 'o' },
      { type: 3, name: 'required', description: 'r', required: true },
    ];
    expect((await put([{ name: 'order', description: 'x', options }])).code).toBe(50035);
  });

  it('takes files as multipart with payload_json and serves them back', async () => {
    const s = await setup();
    harness = s.harness;
    const message = (await s.rest.post(Routes.channelMessages(s.general.id), {
      body: { content: 'report', attachments: [{ id: 0, description: 'The report' }] },
      files: [{ name: 'report.csv', data: Buffer.from('a,b\n1,2\n'), contentType: 'text/csv' }],
    })) as APIMessage;
    const [attachment] = message.attachments;
    expect(attachment?.filename).toBe('report.csv');
    expect(await (await fetch(attachment?.url ?? '')).text()).toBe('a,b\n1,2\n');
  });

  it('rate-limits per channel with headers @discordjs/rest obeys, losing no request', async () => {
    const s = await setup({ rateLimits: { global: false, buckets: () => ({ limit: 3, windowMs: 400 }) } });
    harness = s.harness;
    const rest = new REST({ api: s.harness.emulator.apiUrl }).setToken(s.harness.emulator.token);
    const started = Date.now();
    await Promise.all(Array.from({ length: 9 }, (_, i) => rest.post(Routes.channelMessages(s.general.id), { body: { content: `message ${i}` } })));
    expect(s.harness.read(s.general).map((m) => m.content).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `message ${i}`).sort());
    // Nine requests at three per 400 ms need at least two full windows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
    const accepted = s.harness.emulator.requests.filter((r) => r.route === '/channels/:channel_id/messages' && r.status === 200);
    expect(accepted).toHaveLength(9);
  });
});
