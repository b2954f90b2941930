import { ComponentType, InteractionResponseType, InteractionType, type APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractionRecord } from '../src/interactions.js';
import type { GuildRecord, UserRecord } from '../src/world.js';
import { Harness, HarnessError, type ModalView } from '../src/harness.js';

/**
 * Selects inside a modal's Labels (Component Reference, "Label"; Receiving and Responding, "Modal
 * Submit Data Structure"): Discord's client shows them, and submits each one's `values` in its
 * Label, with the users and members picked in a user select under `resolved`.
 */
describe('the harness filling selects in a modal', () => {
  let harness: Harness;
  let guild: GuildRecord;
  let alice: UserRecord;
  let ben: UserRecord;
  let channelId: string;

  beforeEach(async () => {
    harness = await Harness.start({ rateLimits: { disabled: true } });
    guild = harness.guild('Roots', { owner: 'owner' });
    channelId = harness.channel(guild, 'general').id;
    alice = harness.member(guild, 'alice');
    ben = harness.member(guild, 'ben');
  });
  afterEach(() => harness.close());

  const form: APIModalInteractionResponseCallbackData = {
    custom_id: 'form',
    title: 'An action',
    components: [
      { type: ComponentType.Label, label: 'What', component: { type: ComponentType.TextInput, custom_id: 'what', style: 2 } },
      { type: ComponentType.Label, label: 'Who owns it?', description: 'One person; they can recruit help.', component: { type: ComponentType.UserSelect, custom_id: 'owner', max_values: 1 } },
      {
        type: ComponentType.Label,
        label: 'Which bone?',
        component: { type: ComponentType.StringSelect, custom_id: 'bone', required: false, options: [{ label: 'Place', value: 'place' }, { label: 'People', value: 'people' }] },
      },
    ],
  };

  async function showForm(): Promise<ModalView> {
    const record = harness.emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: alice.id, channelId, data: { name: 'x', type: 1 } });
    const response = await fetch(`${harness.emulator.httpUrl}/api/v10/interactions/${record.id}/${record.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: InteractionResponseType.Modal, data: form }),
    });
    expect(response.status).toBe(204);
    const outcome = await harness.outcome(record);
    if (outcome.kind !== 'modal') throw new Error(`expected a modal, got ${outcome.kind}`);
    return outcome.modal;
  }

  /** Submits and returns what the bot would receive, answering it so the harness settles. */
  async function submitted(modal: ModalView, values: Readonly<Record<string, string | readonly string[]>>): Promise<InteractionRecord> {
    const create = vi.spyOn(harness.emulator.interactions, 'create');
    const pending = harness.as(alice).submit(modal, values);
    const record = create.mock.results.at(-1)?.value as InteractionRecord;
    create.mockRestore();
    await fetch(`${harness.emulator.httpUrl}/api/v10/interactions/${record.id}/${record.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'thanks' } }),
    });
    await pending;
    return record;
  }

  it('reads the selects beside the text fields, with what each Label says under it', async () => {
    const modal = await showForm();
    expect(modal.fields.map((f) => [f.customId, f.description])).toEqual([['what', null]]);
    expect(modal.selects).toEqual([
      { customId: 'owner', label: 'Who owns it?', description: 'One person; they can recruit help.', type: ComponentType.UserSelect, required: true, minValues: 1, maxValues: 1, options: [] },
      {
        customId: 'bone',
        label: 'Which bone?',
        description: null,
        type: ComponentType.StringSelect,
        required: false,
        minValues: 1,
        maxValues: 1,
        options: [
          { label: 'Place', value: 'place' },
          { label: 'People', value: 'people' },
        ],
      },
    ]);
  });

  it('submits each select in its Label, with picked users and members resolved', async () => {
    const record = await submitted(await showForm(), { what: 'Call families', owner: [ben.id], bone: ['place'] });
    const data = record.data as { components: unknown[]; resolved: { users: Record<string, { username: string }>; members: Record<string, Record<string, unknown>> } };
    expect(data.components).toContainEqual({ type: ComponentType.Label, component: { type: ComponentType.UserSelect, custom_id: 'owner', values: [ben.id] } });
    expect(data.components).toContainEqual({ type: ComponentType.Label, component: { type: ComponentType.StringSelect, custom_id: 'bone', values: ['place'] } });
    expect(data.resolved.users[ben.id]?.username).toBe('ben');
    expect(data.resolved.members[ben.id]).toMatchObject({ roles: [], permissions: expect.any(String) });
    expect(data.resolved.members[ben.id]).not.toHaveProperty('user');
  });

  it('refuses what the client would not let a person send', async () => {
    const modal = await showForm();
    await expect(harness.as(alice).submit(modal, { what: 'x' })).rejects.toThrow(new HarnessError('"Who owns it?" is required.'));
    await expect(harness.as(alice).submit(modal, { what: 'x', owner: [ben.id, alice.id] })).rejects.toThrow('takes 1 to 1 choices');
    await expect(harness.as(alice).submit(modal, { what: 'x', owner: [ben.id], bone: ['roof'] })).rejects.toThrow('Not among the options of "Which bone?": roof.');
    const stranger = harness.user('stranger');
    await expect(harness.as(alice).submit(modal, { what: 'x', owner: [stranger.id] })).rejects.toThrow('not a member here');
    await expect(harness.as(alice).submit(modal, { what: 'x', owner: ben.id })).rejects.toThrow('is a menu');
  });
});
