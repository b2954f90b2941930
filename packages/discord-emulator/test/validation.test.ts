import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelSelectMenuBuilder,
  ChannelType,
  EmbedBuilder,
  StringSelectMenuBuilder,
  UserSelectMenuBuilder,
} from 'discord.js';
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EMBED_LIMITS,
  errorTree,
  FieldErrors,
  isEmptyMessage,
  parsePayloadJson,
  validateChannelMessageCreate,
  validateChannelMessageEdit,
  validateInteractionFollowup,
  validateWebhookMessageEdit,
  zodIssuesToErrorTree,
} from '../src/validation/index.js';
import { accepted, chars, leaf, refused } from './validation-support.js';

const send = (body: Record<string, unknown>) => validateChannelMessageCreate(body);

describe('error tree', () => {
  it('nests by path, keys array indices as strings, and gathers errors on one path', () => {
    const tree = errorTree([
      { path: ['embeds', 0, 'title'], error: FieldErrors.maxLength(256) },
      { path: ['embeds', 0, 'title'], error: FieldErrors.required },
      { path: ['content'], error: FieldErrors.maxLength(2000) },
      { path: [], error: FieldErrors.notObject },
    ]);
    expect(tree).toEqual({
      _errors: [{ code: 'MODEL_TYPE_CONVERT', message: 'Expected an object/dictionary.' }],
      content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
      embeds: {
        '0': {
          title: {
            _errors: [
              { code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' },
              { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
            ],
          },
        },
      },
    });
  });

  it("turns zod's own issues into Discord's: missing, wrong type, not in the list", () => {
    const schema = z.object({ a: z.string(), b: z.array(z.object({ c: z.int(), d: z.literal([1, 4, 5]) })) });
    const result = schema.safeParse({ b: [{ c: 1.5, d: 2 }] }, { reportInput: true });
    expect(result.success).toBe(false);
    expect(zodIssuesToErrorTree(result.error?.issues ?? [])).toEqual({
      a: leaf('BASE_TYPE_REQUIRED', 'This field is required'),
      b: {
        '0': {
          c: leaf('NUMBER_TYPE_COERCE', 'Value "1.5" is not int.'),
          d: leaf('BASE_TYPE_CHOICES', 'Value must be one of {1, 4, 5}.'),
        },
      },
    });
  });

  it('reads zod-native bounds and unions of literals too', () => {
    const schema = z.object({
      name: z.string().min(1).max(5),
      tags: z.array(z.string()).max(1),
      slowmode: z.int().max(21600),
      archive: z.union([z.literal(60), z.literal(1440)]),
    });
    const result = schema.safeParse({ name: 'toolong', tags: ['a', 'b'], slowmode: 21601, archive: 61 }, { reportInput: true });
    expect(zodIssuesToErrorTree(result.error?.issues ?? [])).toEqual({
      name: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.'),
      tags: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 1 or fewer in length.'),
      slowmode: leaf('NUMBER_TYPE_MAX', 'int value should be less than or equal to 21600.'),
      archive: leaf('BASE_TYPE_CHOICES', 'Value must be one of {60, 1440}.'),
    });
  });

  it('answers 50035 with the tree as Discord does', () => {
    const result = send({ content: chars(2001) });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.toBody()).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { content: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.') },
    });
  });

  it('refuses a body that is not an object', () => {
    expect(refused(validateChannelMessageCreate(['hi']))).toEqual(leaf('MODEL_TYPE_CONVERT', 'Expected an object/dictionary.'));
  });
});

describe('payload_json', () => {
  it('decodes the JSON part of a multipart body', () => {
    expect(accepted(parsePayloadJson('{"content":"hi"}'))).toEqual({ content: 'hi' });
  });

  it('answers 50109 to JSON that does not parse', () => {
    const result = parsePayloadJson('{"content":');
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.toBody()).toEqual({ code: 50109, message: 'The request body contains invalid JSON.' });
  });
});

describe('empty messages', () => {
  it.each([{}, { content: '' }, { content: '   ' }, { tts: true }, { embeds: [], components: [] }, { flags: MessageFlags.SuppressEmbeds }])(
    'answers 50006 to %j',
    (body) => {
      const result = send(body);
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error.status).toBe(400);
      expect(result.error.toBody()).toEqual({ code: 50006, message: 'Cannot send an empty message' });
    },
  );

  it('counts a file, a sticker, a poll or an embed as something to show', () => {
    expect(validateChannelMessageCreate({}, { files: [0] }).ok).toBe(true);
    expect(send({ sticker_ids: ['123'] }).ok).toBe(true);
    expect(send({ poll: { question: { text: 'Tea?' }, answers: [{ poll_media: { text: 'Yes' } }] } }).ok).toBe(true);
    expect(send({ embeds: [{ description: 'x' }] }).ok).toBe(true);
  });

  it('applies to follow-ups too, and is exported for edits', () => {
    expect(validateInteractionFollowup({ flags: MessageFlags.Ephemeral }).ok).toBe(false);
    expect(isEmptyMessage({ content: null, embeds: [] })).toBe(true);
    expect(isEmptyMessage({ content: null }, 1)).toBe(false);
  });
});

describe('message content, nonce and references', () => {
  it('takes 2000 characters, counted as Discord counts them (code points)', () => {
    expect(accepted(send({ content: chars(2000) })).content).toHaveLength(2000);
    expect(send({ content: chars(2000, '🌱') }).ok).toBe(true);
    expect(refused(send({ content: chars(2001) }))).toEqual({ content: leaf('BASE_TYPE_MAX_LENGTH') });
  });

  it('takes a nonce of up to 25 characters, or an integer', () => {
    expect(send({ content: 'x', nonce: chars(25), enforce_nonce: true }).ok).toBe(true);
    expect(send({ content: 'x', nonce: 1234567890 }).ok).toBe(true);
    expect(refused(send({ content: 'x', nonce: chars(26) }))).toEqual({
      nonce: leaf('NONCE_TYPE_TOO_LONG', 'Must be 25 or fewer characters long.'),
    });
    expect(refused(send({ content: 'x', nonce: 1.5 }))).toEqual({ nonce: leaf('NONCE_TYPE_INVALID_TYPE') });
  });

  it('takes up to 3 stickers', () => {
    expect(accepted(send({ sticker_ids: ['1', '2', '3'] })).sticker_ids).toEqual(['1', '2', '3']);
    expect(refused(send({ sticker_ids: ['1', '2', '3', '4'] }))).toEqual({ sticker_ids: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 3 or fewer in length.') });
  });

  it('needs a channel for a forward', () => {
    expect(send({ content: 'x', message_reference: { message_id: '1' } }).ok).toBe(true);
    expect(refused(send({ content: 'x', message_reference: { type: 1, message_id: '1' } }))).toEqual({
      message_reference: { channel_id: leaf('BASE_TYPE_REQUIRED') },
    });
    expect(refused(send({ content: 'x', message_reference: { message_id: 'abc' } }))).toEqual({
      message_reference: { message_id: leaf('NUMBER_TYPE_COERCE', 'Value "abc" is not snowflake.') },
    });
  });
});

describe('message flags', () => {
  it('lets a channel message suppress embeds and notifications, nothing else', () => {
    expect(send({ content: 'x', flags: MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications }).ok).toBe(true);
    expect(refused(send({ content: 'x', flags: MessageFlags.Ephemeral }))).toEqual({
      flags: leaf('MESSAGE_FLAGS_INVALID', 'Flags that cannot be set on this message: EPHEMERAL.'),
    });
  });

  it('lets an interaction message be ephemeral', () => {
    expect(accepted(validateInteractionFollowup({ content: 'x', flags: MessageFlags.Ephemeral })).flags).toBe(MessageFlags.Ephemeral);
  });

  it('refuses Components V2 and voice messages, which are not emulated', () => {
    expect(refused(validateInteractionFollowup({ content: 'x', flags: MessageFlags.IsComponentsV2 }))).toEqual({
      flags: leaf('MESSAGE_FLAGS_INVALID', 'Flags that cannot be set on this message: IS_COMPONENTS_V2.'),
    });
    expect(refused(validateChannelMessageEdit({ flags: MessageFlags.IsComponentsV2 }))).toMatchObject({ flags: leaf('MESSAGE_FLAGS_INVALID') });
  });

  it('drops, on an edit, the flags Discord ignores there', () => {
    expect(accepted(validateChannelMessageEdit({ flags: MessageFlags.SuppressEmbeds | MessageFlags.HasThread })).flags).toBe(
      MessageFlags.SuppressEmbeds,
    );
  });
});

describe('allowed mentions', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));

  it('takes up to 100 users and 100 roles', () => {
    expect(send({ content: 'x', allowed_mentions: { users: ids(100), roles: ids(100) } }).ok).toBe(true);
    expect(refused(send({ content: 'x', allowed_mentions: { users: ids(101) } }))).toEqual({
      allowed_mentions: { users: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.') },
    });
  });

  it('refuses parse: ["users"] beside a list of users, but not beside an empty one', () => {
    expect(refused(send({ content: 'x', allowed_mentions: { parse: ['users'], users: ['1'] } }))).toEqual({
      allowed_mentions: leaf('MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', 'parse:["users"] and users: [ids...] are mutually exclusive.'),
    });
    expect(send({ content: 'x', allowed_mentions: { parse: ['users', 'roles'], users: [] } }).ok).toBe(true);
    expect(send({ content: 'x', allowed_mentions: { parse: ['everyone'], users: ['1'] } }).ok).toBe(true);
  });

  it('knows only roles, users and everyone', () => {
    expect(refused(send({ content: 'x', allowed_mentions: { parse: ['channels'] } }))).toEqual({
      allowed_mentions: { parse: { '0': leaf('BASE_TYPE_CHOICES', "Value must be one of ('everyone', 'roles', 'users').") } },
    });
  });
});

describe('embeds', () => {
  const embed = (fields: Record<string, unknown>) => send({ embeds: [fields] });
  const fieldsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, value: 'v' }));

  it.each([
    ['title', EMBED_LIMITS.title, (s: string) => ({ title: s }), ['title']],
    ['description', EMBED_LIMITS.description, (s: string) => ({ description: s }), ['description']],
    ['footer text', EMBED_LIMITS.footerText, (s: string) => ({ footer: { text: s } }), ['footer', 'text']],
    ['author name', EMBED_LIMITS.authorName, (s: string) => ({ author: { name: s } }), ['author', 'name']],
    ['field name', EMBED_LIMITS.fieldName, (s: string) => ({ fields: [{ name: s, value: 'v' }] }), ['fields', '0', 'name']],
    ['field value', EMBED_LIMITS.fieldValue, (s: string) => ({ fields: [{ name: 'n', value: s }] }), ['fields', '0', 'value']],
  ] as const)('takes a %s of %i characters and no more', (_, limit, make, path) => {
    expect(embed(make(chars(limit))).ok).toBe(true);
    const errors = refused(embed(make(chars(limit + 1))));
    const expected = [...path].reverse().reduce<unknown>((tree, key) => ({ [key]: tree }), leaf('BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`));
    expect(errors).toEqual({ embeds: { '0': expected } });
  });

  it('does not count whitespace at either end', () => {
    expect(embed({ title: `  ${chars(EMBED_LIMITS.title)}\n` }).ok).toBe(true);
  });

  it('takes 25 fields, each with a name and a value', () => {
    expect(embed({ fields: fieldsOf(25) }).ok).toBe(true);
    expect(refused(embed({ fields: fieldsOf(26) }))).toEqual({ embeds: { '0': { fields: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.') } } });
    expect(refused(embed({ fields: [{ name: 'n' }, { name: ' ', value: 'v' }] }))).toEqual({
      embeds: { '0': { fields: { '0': { value: leaf('BASE_TYPE_REQUIRED') }, '1': { name: leaf('BASE_TYPE_REQUIRED') } } } },
    });
  });

  it('takes 10 embeds', () => {
    const embeds = (n: number) => Array.from({ length: n }, () => ({ title: 't' }));
    expect(send({ embeds: embeds(10) }).ok).toBe(true);
    expect(refused(send({ embeds: embeds(11) }))).toEqual({ embeds: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.') });
  });

  it('keeps every embed of a message within 6000 characters together', () => {
    const split = { title: chars(200), description: chars(3000), footer: { text: chars(300) }, author: { name: chars(100) } };
    const atLimit = [split, { description: chars(2000), fields: [{ name: chars(200), value: chars(200) }] }];
    expect(send({ embeds: atLimit }).ok).toBe(true);
    const over = [split, { description: chars(2000), fields: [{ name: chars(200), value: chars(201) }] }];
    expect(refused(send({ embeds: over }))).toEqual({
      embeds: leaf('MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000'),
    });
  });

  it('checks URLs, colours and timestamps', () => {
    expect(embed({ url: 'https://example.com', image: { url: 'attachment://a.png' }, color: 0xffffff, timestamp: new Date(0).toISOString() }).ok).toBe(
      true,
    );
    expect(refused(embed({ url: 'ftp://example.com' }))).toEqual({
      embeds: { '0': { url: leaf('URL_TYPE_INVALID_SCHEME', `Scheme "ftp" is not supported. Scheme must be one of ('http', 'https').`) } },
    });
    expect(refused(embed({ title: 't', color: 0x1000000 }))).toEqual({
      embeds: { '0': { color: leaf('NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.') } },
    });
    expect(refused(embed({ title: 't', timestamp: 'yesterday' }))).toEqual({ embeds: { '0': { timestamp: leaf('DATE_TIME_TYPE_PARSE') } } });
  });
});

describe('message components', () => {
  const button = (custom_id: string, extra: Record<string, unknown> = {}) => ({ type: 2, style: ButtonStyle.Primary, custom_id, label: custom_id, ...extra });
  const row = (...components: unknown[]) => ({ type: 1, components });
  const withComponents = (...rows: unknown[]) => send({ components: rows });
  const select = (options: number, extra: Record<string, unknown> = {}) => ({
    type: 3,
    custom_id: 's',
    options: Array.from({ length: options }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
    ...extra,
  });

  it('takes 5 rows of 5 buttons', () => {
    const rows = Array.from({ length: 5 }, (_, r) => row(...Array.from({ length: 5 }, (_, b) => button(`b${r}${b}`))));
    expect(send({ components: rows }).ok).toBe(true);
    expect(refused(send({ components: [...rows, row(button('extra'))] }))).toEqual({
      components: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.'),
    });
  });

  it('keeps a row between 1 and 5 components', () => {
    const six = Array.from({ length: 6 }, (_, b) => button(`b${b}`));
    expect(refused(withComponents(row(...six)))).toEqual({
      components: { '0': { components: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.') } },
    });
    expect(refused(withComponents(row()))).toEqual({ components: { '0': { components: leaf('BASE_TYPE_BAD_LENGTH') } } });
  });

  it('gives a select a row of its own', () => {
    expect(withComponents(row(select(2))).ok).toBe(true);
    expect(refused(withComponents(row(select(2), button('b'))))).toEqual({
      components: { '0': { components: { '1': leaf('COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width') } } },
    });
  });

  it('refuses a custom_id used twice, even across rows, on the repeat', () => {
    expect(refused(withComponents(row(button('a'), button('b')), row(button('a'))))).toEqual({
      components: { '1': { components: { '0': { custom_id: leaf('COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated') } } } },
    });
    expect(refused(withComponents(row(button('a')), row(select(1, { custom_id: 'a' }))))).toMatchObject({
      components: { '1': { components: { '0': { custom_id: leaf('COMPONENT_CUSTOM_ID_DUPLICATED') } } } },
    });
  });

  it('places only action rows at the top and only buttons and selects in them', () => {
    expect(refused(withComponents(button('a')))).toEqual({
      components: { '0': leaf('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).') },
    });
    expect(refused(withComponents(row({ type: 4, custom_id: 't', style: 1, label: 'l' })))).toEqual({
      components: { '0': { components: { '0': leaf('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).') } } },
    });
  });

  it('holds custom_id to 1-100 characters and labels to 80', () => {
    expect(withComponents(row(button(chars(100), { label: 'x' }))).ok).toBe(true);
    for (const customId of [chars(101), '']) {
      expect(refused(withComponents(row(button(customId, { label: 'x' }))))).toEqual({
        components: { '0': { components: { '0': { custom_id: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') } } } },
      });
    }
    expect(withComponents(row(button('a', { label: chars(80) }))).ok).toBe(true);
    expect(refused(withComponents(row(button('a', { label: chars(81) }))))).toEqual({
      components: { '0': { components: { '0': { label: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 80 or fewer in length.') } } } },
    });
  });

  it('holds each button style to its fields', () => {
    const at = (error: unknown) => ({ components: { '0': { components: { '0': error } } } });
    expect(withComponents(row({ type: 2, style: ButtonStyle.Link, url: 'https://example.com', label: 'go' })).ok).toBe(true);
    expect(refused(withComponents(row({ type: 2, style: ButtonStyle.Link, label: 'go' })))).toEqual(at(leaf('BUTTON_COMPONENT_URL_REQUIRED')));
    expect(refused(withComponents(row({ type: 2, style: ButtonStyle.Link, url: 'https://e.x', custom_id: 'c' })))).toEqual(
      at(leaf('BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE', 'A custom id and url cannot both be specified')),
    );
    expect(refused(withComponents(row({ type: 2, style: ButtonStyle.Danger, label: 'x' })))).toEqual(
      at(leaf('BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', 'A custom id is required')),
    );
    expect(refused(withComponents(row(button('a', { url: 'https://e.x' }))))).toEqual(at(leaf('BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE')));
    expect(withComponents(row({ type: 2, style: ButtonStyle.Premium, sku_id: '123' })).ok).toBe(true);
    expect(refused(withComponents(row({ type: 2, style: ButtonStyle.Premium })))).toEqual(at(leaf('BUTTON_COMPONENT_SKU_ID_REQUIRED')));
    expect(refused(withComponents(row(button('a', { style: 7 }))))).toEqual(
      at({ style: leaf('BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.') }),
    );
  });

  it('holds a string select to its limits', () => {
    const at = (error: unknown) => ({ components: { '0': { components: { '0': error } } } });
    const option = (label: string, value = 'v', description?: string) => ({ label, value, description });
    expect(withComponents(row(select(25, { min_values: 0, max_values: 25, placeholder: chars(150) }))).ok).toBe(true);
    expect(refused(withComponents(row(select(26))))).toEqual(at({ options: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.') }));
    expect(refused(withComponents(row(select(0))))).toEqual(at({ options: leaf('BASE_TYPE_BAD_LENGTH') }));
    expect(refused(withComponents(row(select(1, { placeholder: chars(151) }))))).toEqual(at({ placeholder: leaf('BASE_TYPE_MAX_LENGTH') }));
    expect(withComponents(row(select(1, { options: [option(chars(100), chars(100), chars(100))] }))).ok).toBe(true);
    expect(refused(withComponents(row(select(1, { options: [option(chars(101), chars(101), chars(101))] }))))).toEqual(
      at({
        options: {
          '0': {
            label: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'),
            value: leaf('BASE_TYPE_BAD_LENGTH'),
            description: leaf('BASE_TYPE_BAD_LENGTH'),
          },
        },
      }),
    );
  });

  it('keeps min_values ≤ max_values ≤ options, and option values unique', () => {
    const at = (error: unknown) => ({ components: { '0': { components: { '0': error } } } });
    expect(refused(withComponents(row(select(3, { max_values: 4 }))))).toEqual(
      at({ max_values: leaf('NUMBER_TYPE_MAX', 'int value should be less than or equal to 3.') }),
    );
    expect(refused(withComponents(row(select(3, { min_values: 3, max_values: 2 }))))).toEqual(at({ min_values: leaf('NUMBER_TYPE_MAX') }));
    expect(refused(withComponents(row(select(30, { max_values: 26 }))))).toMatchObject(at({ max_values: leaf('NUMBER_TYPE_MAX') }));
    const twice = [
      { label: 'a', value: 'same' },
      { label: 'b', value: 'same' },
    ];
    expect(refused(withComponents(row(select(0, { options: twice, max_values: 2 }))))).toEqual(
      at({ options: { '1': { value: leaf('SELECT_COMPONENT_OPTION_VALUE_DUPLICATED') } } }),
    );
  });

  it('holds the auto-populated selects to their kind of default values', () => {
    const userSelect = (default_values: unknown) => ({ type: 5, custom_id: 'u', max_values: 2, default_values });
    expect(withComponents(row(userSelect([{ id: '1', type: 'user' }]))).ok).toBe(true);
    expect(refused(withComponents(row(userSelect([{ id: '1', type: 'role' }]))))).toEqual({
      components: { '0': { components: { '0': { default_values: { '0': { type: leaf('BASE_TYPE_CHOICES', "Value must be one of ('user',).") } } } } } },
    });
    expect(refused(withComponents(row(userSelect(['1', '2', '3'].map((id) => ({ id, type: 'user' }))))))).toMatchObject({
      components: { '0': { components: { '0': { default_values: leaf('SELECT_COMPONENT_TOO_MANY_DEFAULT_VALUES') } } } },
    });
  });
});

describe('attachments', () => {
  it('describes the files sent with the request', () => {
    const body = { attachments: [{ id: 0, filename: 'poem.txt', description: chars(1024) }] };
    expect(accepted(validateChannelMessageCreate(body, { files: [0] })).attachments).toEqual([
      { id: '0', filename: 'poem.txt', description: chars(1024) },
    ]);
  });

  it('refuses a description over 1024 characters and metadata with no file', () => {
    expect(refused(validateChannelMessageCreate({ attachments: [{ id: '0', description: chars(1025) }] }, { files: [0] }))).toEqual({
      attachments: { '0': { description: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 1024 or fewer in length.') } },
    });
    expect(refused(validateChannelMessageCreate({ content: 'x', attachments: [{ id: '1' }] }, { files: [0] }))).toEqual({
      attachments: { '0': { id: leaf('ATTACHMENT_NOT_FOUND', 'Attachment data not found') } },
    });
  });
});

describe('edits', () => {
  it('takes every field as optional and null as clearing', () => {
    expect(accepted(validateChannelMessageEdit({}))).toEqual({});
    expect(accepted(validateChannelMessageEdit({ content: null, embeds: null, components: null }))).toEqual({
      content: null,
      embeds: null,
      components: null,
    });
    expect(validateWebhookMessageEdit({ content: 'x', embeds: [{ title: 't' }], attachments: [] }).ok).toBe(true);
  });

  it('holds edits to the same limits as new messages', () => {
    expect(refused(validateChannelMessageEdit({ content: chars(2001) }))).toEqual({ content: leaf('BASE_TYPE_MAX_LENGTH') });
    expect(refused(validateWebhookMessageEdit({ embeds: [{ title: chars(257) }] }))).toEqual({ embeds: { '0': { title: leaf('BASE_TYPE_MAX_LENGTH') } } });
  });
});

describe('what discord.js sends', () => {
  it('passes EmbedBuilder output', () => {
    const embed = new EmbedBuilder()
      .setTitle('This week’s poem')
      .setDescription('Roots go deep.')
      .setURL('https://example.com/poem')
      .setColor(0x2e7d32)
      .setAuthor({ name: 'Roots Bot', iconURL: 'https://example.com/a.png' })
      .setFooter({ text: 'Podcast club on Friday' })
      .setThumbnail('attachment://leaf.png')
      .setTimestamp(new Date('2025-01-06T09:00:00Z'))
      .addFields({ name: 'Tenet', value: 'Curiosity', inline: true }, { name: 'Due', value: 'Friday' });
    expect(accepted(send({ embeds: [embed.toJSON()] })).embeds).toEqual([embed.toJSON()]);
  });

  it('passes action rows of buttons and selects', () => {
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('onboarding:accept:1').setLabel('I agree').setStyle(ButtonStyle.Success).setEmoji('🌱'),
      new ButtonBuilder().setCustomId('onboarding:later:1').setLabel('Later').setStyle(ButtonStyle.Secondary).setDisabled(true),
      new ButtonBuilder().setURL('https://example.com/tenets').setLabel('Read the tenets').setStyle(ButtonStyle.Link),
    );
    const courses = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
      new StringSelectMenuBuilder()
        .setCustomId('course:pick:1')
        .setPlaceholder('Pick a module')
        .setMinValues(1)
        .setMaxValues(2)
        .addOptions({ label: 'Module 1', value: 'm1', description: 'Roots', default: true }, { label: 'Module 2', value: 'm2' }),
    );
    const people = new ActionRowBuilder<UserSelectMenuBuilder>().addComponents(new UserSelectMenuBuilder().setCustomId('buddy:pick:1'));
    const channels = new ActionRowBuilder<ChannelSelectMenuBuilder>().addComponents(
      new ChannelSelectMenuBuilder().setCustomId('settings:channel:1').setChannelTypes(ChannelType.GuildText),
    );
    const wire: unknown = JSON.parse(
      JSON.stringify({
        content: 'Welcome!',
        tts: false,
        nonce: '1301234567890123456',
        enforce_nonce: true,
        components: [buttons.toJSON(), courses.toJSON(), people.toJSON(), channels.toJSON()],
        allowed_mentions: { parse: ['users'], replied_user: false },
      }),
    );
    expect(validateChannelMessageCreate(wire).ok).toBe(true);
    expect(validateInteractionFollowup(wire).ok).toBe(true);
  });
});
