import { LabelBuilder, ModalBuilder, TextDisplayBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../src/harness.js';

/** What the harness reads from a modal, as Discord's client would show it. */
describe('the harness reading a modal', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await Harness.start({ rateLimits: { disabled: true } });
  });
  afterEach(() => harness.close());

  it('shows its Text Displays in order beside its fields, and what a Label says under its field', async () => {
    const guild = harness.guild('Roots', { owner: 'owner' });
    const channel = harness.channel(guild, 'general');
    const alice = harness.member(guild, 'alice');
    const record = harness.emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: alice.id, channelId: channel.id, data: { name: 'x', type: 1 } });
    const modal = new ModalBuilder()
      .setCustomId('form')
      .setTitle('A form')
      .addTextDisplayComponents(new TextDisplayBuilder().setContent('First, read this.'))
      .addLabelComponents(new LabelBuilder().setLabel('Answer').setDescription('A word or two.').setTextInputComponent(new TextInputBuilder().setCustomId('answer').setStyle(TextInputStyle.Short)))
      .addTextDisplayComponents(new TextDisplayBuilder().setContent('Then this.'));
    const response = await fetch(`${harness.emulator.httpUrl}/api/v10/interactions/${record.id}/${record.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: InteractionResponseType.Modal, data: modal.toJSON() }),
    });
    expect(response.status).toBe(204);
    const outcome = await harness.outcome(record);
    if (outcome.kind !== 'modal') throw new Error(`expected a modal, got ${outcome.kind}`);
    expect(outcome.modal.texts).toEqual(['First, read this.', 'Then this.']);
    expect(outcome.modal.fields.map((field) => [field.label, field.description])).toEqual([['Answer', 'A word or two.']]);
  });
});
