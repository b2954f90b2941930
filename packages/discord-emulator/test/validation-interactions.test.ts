import {
  ActionRowBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextDisplayBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { InteractionResponseType as Callback, InteractionType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  allowedCallbackTypes,
  callbackTypeNotAllowed,
  validateInteractionCallback,
} from '../src/validation/index.js';
import { accepted, chars, leaf, refused } from './validation-support.js';

const callback = (body: unknown) => validateInteractionCallback(body);

describe('which callback answers which interaction', () => {
  it.each([
    [InteractionType.Ping, [Callback.Pong]],
    [InteractionType.ApplicationCommand, [Callback.ChannelMessageWithSource, Callback.DeferredChannelMessageWithSource, Callback.Modal]],
    [
      InteractionType.MessageComponent,
      [Callback.ChannelMessageWithSource, Callback.DeferredChannelMessageWithSource, Callback.DeferredMessageUpdate, Callback.UpdateMessage, Callback.Modal],
    ],
    [InteractionType.ApplicationCommandAutocomplete, [Callback.ApplicationCommandAutocompleteResult]],
    [
      InteractionType.ModalSubmit,
      [Callback.ChannelMessageWithSource, Callback.DeferredChannelMessageWithSource, Callback.DeferredMessageUpdate, Callback.UpdateMessage],
    ],
  ])('interaction type %i takes %j', (interactionType, callbacks) => {
    expect([...allowedCallbackTypes(interactionType)].sort()).toEqual([...callbacks].sort());
  });

  it('refuses a modal in answer to a modal submit, as Discord words it', () => {
    const modal = { type: Callback.Modal, data: { custom_id: 'm', title: 't', components: [{ type: 10, content: 'hi' }] } };
    expect(refused(validateInteractionCallback(modal, { interactionType: InteractionType.ModalSubmit }))).toEqual({
      type: leaf('BASE_TYPE_CHOICES', 'Value must be one of {4, 5, 6, 7}.'),
    });
    expect(callbackTypeNotAllowed(InteractionType.ApplicationCommandAutocomplete).toBody()).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { type: leaf('BASE_TYPE_CHOICES', 'Value must be one of {8}.') },
    });
  });

  it('refuses a message in answer to an autocomplete interaction', () => {
    const reply = { type: Callback.ChannelMessageWithSource, data: { content: 'hi' } };
    expect(refused(validateInteractionCallback(reply, { interactionType: InteractionType.ApplicationCommandAutocomplete }))).toEqual({
      type: leaf('BASE_TYPE_CHOICES'),
    });
    expect(validateInteractionCallback(reply, { interactionType: InteractionType.ApplicationCommand }).ok).toBe(true);
  });

  it('knows only the emulated callback types', () => {
    expect(refused(callback({ type: 2 }))).toEqual({ type: leaf('BASE_TYPE_CHOICES', 'Value must be one of {1, 4, 5, 6, 7, 8, 9}.') });
    expect(refused(callback({}))).toEqual({ type: leaf('BASE_TYPE_REQUIRED', 'This field is required') });
  });
});

describe('message callbacks', () => {
  it('validates the message of type 4 under data', () => {
    expect(accepted(callback({ type: 4, data: { content: 'hi', flags: MessageFlags.Ephemeral } }))).toEqual({
      type: 4,
      data: { content: 'hi', flags: MessageFlags.Ephemeral },
    });
    expect(refused(callback({ type: 4, data: { content: chars(2001), embeds: [{ title: chars(257) }] } }))).toEqual({
      data: { content: leaf('BASE_TYPE_MAX_LENGTH'), embeds: { '0': { title: leaf('BASE_TYPE_MAX_LENGTH') } } },
    });
  });

  it('answers 50006 to an empty type 4, but not to a file-only one', () => {
    const result = callback({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.toBody()).toEqual({ code: 50006, message: 'Cannot send an empty message' });
    const upload = validateInteractionCallback({ type: 4, data: { attachments: [{ id: '0' }] } }, { upload: { files: [0] } });
    expect(upload.ok).toBe(true);
    expect(refused(validateInteractionCallback({ type: 4, data: { content: 'x', attachments: [{ id: '3' }] } }))).toEqual({
      data: { attachments: { '0': { id: leaf('ATTACHMENT_NOT_FOUND') } } },
    });
  });

  it('lets a deferred reply be ephemeral and nothing more', () => {
    expect(callback({ type: 5 }).ok).toBe(true);
    expect(callback({ type: 5, data: {} }).ok).toBe(true);
    expect(callback({ type: 5, data: { flags: MessageFlags.Ephemeral } }).ok).toBe(true);
    expect(refused(callback({ type: 5, data: { flags: MessageFlags.SuppressEmbeds } }))).toEqual({
      data: { flags: leaf('MESSAGE_FLAGS_INVALID', 'Flags that cannot be set on this message: SUPPRESS_EMBEDS.') },
    });
  });

  it('takes updates with or without data', () => {
    expect(callback({ type: 6 }).ok).toBe(true);
    expect(callback({ type: 7 }).ok).toBe(true);
    expect(callback({ type: 7, data: { components: [] } }).ok).toBe(true);
    expect(refused(callback({ type: 7, data: { components: [{ type: 1, components: [] }] } }))).toEqual({
      data: { components: { '0': { components: leaf('BASE_TYPE_BAD_LENGTH') } } },
    });
  });
});

describe('autocomplete results', () => {
  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `choice ${i}`, value: `v${i}` }));
  const suggest = (data: unknown) => callback({ type: 8, data });

  it('takes 25 choices and no more', () => {
    expect(suggest({ choices: choices(25) }).ok).toBe(true);
    expect(refused(suggest({ choices: choices(26) }))).toEqual({
      data: { choices: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.') },
    });
  });

  it('holds names to 1-100 characters and string values to 100', () => {
    expect(suggest({ choices: [{ name: chars(100), value: chars(100) }, { name: 'n', value: 4.5 }] }).ok).toBe(true);
    expect(refused(suggest({ choices: [{ name: chars(101), value: chars(101) }, { name: '', value: 1 }] }))).toEqual({
      data: {
        choices: {
          '0': { name: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'), value: leaf('BASE_TYPE_BAD_LENGTH') },
          '1': { name: leaf('BASE_TYPE_BAD_LENGTH') },
        },
      },
    });
  });

  it('takes an empty list, and localized names', () => {
    expect(suggest({ choices: [] }).ok).toBe(true);
    expect(suggest({ choices: [{ name: 'Tea', name_localizations: { fr: 'Thé' }, value: 'tea' }] }).ok).toBe(true);
  });
});

describe('modals', () => {
  const textInput = (custom_id: string, extra: Record<string, unknown> = {}) => ({ type: 4, custom_id, style: 1, label: 'Label', ...extra });
  const row = (...components: unknown[]) => ({ type: 1, components });
  const modal = (data: Record<string, unknown>) => callback({ type: 9, data: { custom_id: 'm', title: 'Reflection', components: [row(textInput('a'))], ...data } });
  const inFirstInput = (error: unknown) => ({ data: { components: { '0': { components: { '0': error } } } } });

  it('holds title to 1-45 characters and custom_id to 1-100', () => {
    expect(modal({ title: chars(45), custom_id: chars(100) }).ok).toBe(true);
    expect(refused(modal({ title: chars(46) }))).toEqual({ data: { title: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 45 in length.') } });
    expect(refused(modal({ title: '' }))).toEqual({ data: { title: leaf('BASE_TYPE_BAD_LENGTH') } });
    expect(refused(modal({ custom_id: chars(101) }))).toEqual({ data: { custom_id: leaf('BASE_TYPE_BAD_LENGTH') } });
  });

  it('takes between 1 and 5 components', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => row(textInput(`t${i}`)));
    expect(modal({ components: rows(5) }).ok).toBe(true);
    expect(refused(modal({ components: rows(6) }))).toEqual({ data: { components: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.') } });
    expect(refused(modal({ components: [] }))).toEqual({ data: { components: leaf('BASE_TYPE_BAD_LENGTH') } });
  });

  it('holds a text input to its limits', () => {
    const limits = { label: chars(45), min_length: 4000, max_length: 4000, value: chars(4000), placeholder: chars(100), required: false };
    expect(modal({ components: [row(textInput('a', { ...limits, style: 2 }))] }).ok).toBe(true);
    expect(
      refused(modal({ components: [row(textInput('a', { label: chars(46), min_length: 4001, max_length: 0, value: chars(4001), placeholder: chars(101) }))] })),
    ).toEqual(
      inFirstInput({
        label: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 45 in length.'),
        min_length: leaf('NUMBER_TYPE_MAX', 'int value should be less than or equal to 4000.'),
        max_length: leaf('NUMBER_TYPE_MIN', 'int value should be greater than or equal to 1.'),
        value: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 4000 or fewer in length.'),
        placeholder: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.'),
      }),
    );
    expect(refused(modal({ components: [row(textInput('a', { style: 3 }))] }))).toEqual(
      inFirstInput({ style: leaf('BASE_TYPE_CHOICES', 'Value must be one of {1, 2}.') }),
    );
    expect(refused(modal({ components: [row(textInput('a', { min_length: 10, max_length: 5 }))] }))).toEqual(
      inFirstInput({ min_length: leaf('NUMBER_TYPE_MAX') }),
    );
  });

  it('needs a label on a text input standing in a row', () => {
    expect(refused(modal({ components: [row({ type: 4, custom_id: 'a', style: 1 })] }))).toEqual(inFirstInput({ label: leaf('BASE_TYPE_REQUIRED') }));
  });

  it('puts exactly one text input in a row, and nothing else', () => {
    expect(refused(modal({ components: [row(textInput('a'), textInput('b'))] }))).toEqual({
      data: { components: { '0': { components: { '1': leaf('COMPONENT_LAYOUT_WIDTH_EXCEEDED') } } } },
    });
    expect(refused(modal({ components: [row({ type: 2, style: 1, custom_id: 'b', label: 'b' })] }))).toEqual(
      inFirstInput(leaf('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (4,).')),
    );
    expect(refused(modal({ components: [{ type: 17, components: [] }] }))).toEqual({
      data: { components: { '0': leaf('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).') } },
    });
  });

  it('takes labels around a text input or a select, and text displays', () => {
    const label = (component: unknown, extra: Record<string, unknown> = {}) => ({ type: 18, label: 'Your reflection', component, ...extra });
    const select = { type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }], required: false };
    const components = [
      { type: 10, content: chars(4000) },
      label({ type: 4, custom_id: 'a', style: 2 }, { description: chars(100) }),
      label(select),
    ];
    expect(modal({ components }).ok).toBe(true);
    expect(refused(modal({ components: [label({ type: 4, custom_id: 'a', style: 2 }, { label: chars(46), description: chars(101) })] }))).toEqual({
      data: { components: { '0': { label: leaf('BASE_TYPE_BAD_LENGTH'), description: leaf('BASE_TYPE_MAX_LENGTH') } } },
    });
    expect(refused(modal({ components: [label({ type: 2, style: 1, custom_id: 'b' })] }))).toEqual({
      data: { components: { '0': { component: leaf('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (3, 4, 5, 6, 7, 8).') } } },
    });
    expect(refused(modal({ components: [{ type: 10, content: chars(4001) }] }))).toEqual({
      data: { components: { '0': { content: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 4000 in length.') } } },
    });
  });

  it('refuses a custom_id used twice in one modal', () => {
    const components = [row(textInput('same')), { type: 18, label: 'L', component: { type: 4, custom_id: 'same', style: 1 } }];
    expect(refused(modal({ components }))).toEqual({
      data: { components: { '1': { component: { custom_id: leaf('COMPONENT_CUSTOM_ID_DUPLICATED') } } } },
    });
  });

  it('passes what ModalBuilder produces, in both layouts', () => {
    const classic = new ModalBuilder()
      .setCustomId('protocol:root-cause:1')
      .setTitle('Root-cause protocol')
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder().setCustomId('problem').setLabel('What happened?').setStyle(TextInputStyle.Paragraph).setMaxLength(1000),
        ),
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder().setCustomId('why').setLabel('Why?').setStyle(TextInputStyle.Short).setRequired(false).setPlaceholder('Because…'),
        ),
      );
    expect(accepted(callback({ type: 9, data: classic.toJSON() }))).toEqual({ type: 9, data: classic.toJSON() });

    const labelled = new ModalBuilder()
      .setCustomId('poem:submit:1')
      .setTitle('Share a poem')
      .addTextDisplayComponents(new TextDisplayBuilder().setContent('Poems are shared on Mondays.'))
      .addLabelComponents(
        new LabelBuilder()
          .setLabel('Poem')
          .setDescription('Up to 1000 characters')
          .setTextInputComponent(new TextInputBuilder().setCustomId('poem').setStyle(TextInputStyle.Paragraph)),
        new LabelBuilder()
          .setLabel('Mood')
          .setStringSelectMenuComponent(new StringSelectMenuBuilder().setCustomId('mood').addOptions({ label: 'Calm', value: 'calm' })),
      );
    expect(validateInteractionCallback({ type: 9, data: labelled.toJSON() }, { interactionType: InteractionType.ApplicationCommand }).ok).toBe(true);
  });
});
