import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { ApplicationCommandOptionType as Opt, ChannelType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  commandSize,
  validateCommandBulkOverwrite,
  validateCommandCreate,
} from '../src/validation/index.js';
import { accepted, chars, leaf, refused } from './validation-support.js';


const command = (extra: Record<string, unknown> = {}) => ({ name: 'poem', description: 'This week’s poem', ...extra });
const option = (name: string, type: Opt = Opt.String, extra: Record<string, unknown> = {}) => ({ type, name, description: `the ${name}`, ...extra });
const create = (extra: Record<string, unknown>) => validateCommandCreate(command(extra));

describe('command names and descriptions', () => {
  it.each(['poem', 'root-cause', 'week_1', 'café', 'नमस्ते', 'สวัสดี', 'こんにちは', "what's-new", chars(32)])('takes the CHAT_INPUT name %s', (name) => {
    expect(create({ name }).ok).toBe(true);
  });

  it('refuses a name with a character outside the pattern, or a capital where a lowercase exists', () => {
    expect(refused(create({ name: 'weekly poem' }))).toEqual({ name: leaf('STRING_TYPE_REGEX', 'String value did not match validation regex.') });
    expect(refused(create({ name: 'Poem' }))).toEqual({ name: leaf('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid') });
    expect(refused(create({ name: chars(33) }))).toEqual({ name: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.') });
    expect(refused(create({ name: '' }))).toEqual({ name: leaf('BASE_TYPE_BAD_LENGTH') });
  });

  it('needs a description of 1-100 characters on CHAT_INPUT', () => {
    expect(create({ description: chars(100) }).ok).toBe(true);
    expect(refused(create({ description: chars(101) }))).toEqual({ description: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') });
    expect(refused(validateCommandCreate({ name: 'poem' }))).toEqual({ description: leaf('BASE_TYPE_REQUIRED') });
  });

  it('lets USER and MESSAGE commands use spaces and capitals, without description or options', () => {
    expect(validateCommandCreate({ type: ApplicationCommandType.Message, name: 'Save as Poem' }).ok).toBe(true);
    expect(validateCommandCreate({ type: ApplicationCommandType.User, name: 'Welcome', description: '' }).ok).toBe(true);
    expect(refused(validateCommandCreate({ type: ApplicationCommandType.User, name: 'Welcome', description: 'Hi', options: [option('x')] }))).toEqual({
      description: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 0 or fewer in length.'),
      options: leaf('BASE_TYPE_MAX_LENGTH'),
    });
  });

  it('refuses command types it does not emulate', () => {
    expect(refused(validateCommandCreate({ type: 4, name: 'launch' }))).toEqual({ type: leaf('BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3}.') });
  });

  it('checks localization keys and values', () => {
    expect(create({ name_localizations: { fr: 'poème', 'pt-BR': null }, description_localizations: { de: 'Gedicht' } }).ok).toBe(true);
    expect(refused(create({ name_localizations: { xx: 'poem' } }))).toEqual({
      name_localizations: { xx: leaf('ENUM_TYPE_COERCE', 'Value "xx" is not a valid enum value.') },
    });
    expect(refused(create({ name_localizations: { fr: 'Poème' } }))).toEqual({
      name_localizations: { fr: leaf('APPLICATION_COMMAND_INVALID_NAME') },
    });
    // Translations are held to the field's own limits: Spanish runs longer than English.
    expect(refused(create({ description_localizations: { 'es-ES': chars(101) } }))).toEqual({
      description_localizations: { 'es-ES': leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') },
    });
  });
});

describe('command settings', () => {
  it('takes permissions as a string of digits or null, and the context fields', () => {
    const settings = { default_member_permissions: '8', dm_permission: false, nsfw: false, contexts: [0, 1], integration_types: [0] };
    expect(accepted(create(settings))).toMatchObject(settings);
    expect(create({ default_member_permissions: null }).ok).toBe(true);
    expect(refused(create({ default_member_permissions: 'admin' }))).toEqual({
      default_member_permissions: leaf('NUMBER_TYPE_COERCE', 'Value "admin" is not int.'),
    });
    expect(refused(create({ contexts: [7] }))).toEqual({ contexts: { '0': leaf('BASE_TYPE_CHOICES', 'Value must be one of {0, 1, 2}.') } });
  });
});

describe('options', () => {
  const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`));
  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));

  it('takes 25 options and 25 choices', () => {
    expect(create({ options: options(25) }).ok).toBe(true);
    expect(refused(create({ options: options(26) }))).toEqual({ options: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.') });
    expect(create({ options: [option('c', Opt.String, { choices: choices(25) })] }).ok).toBe(true);
    expect(refused(create({ options: [option('c', Opt.String, { choices: choices(26) })] }))).toEqual({
      options: { '0': { choices: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.') } },
    });
  });

  it('holds choices to their option type and lengths', () => {
    const withChoice = (type: Opt, choice: unknown) => create({ options: [option('c', type, { choices: [choice] })] });
    expect(withChoice(Opt.String, { name: chars(100), value: chars(100) }).ok).toBe(true);
    expect(refused(withChoice(Opt.String, { name: chars(101), value: chars(101) }))).toEqual({
      options: { '0': { choices: { '0': { name: leaf('BASE_TYPE_BAD_LENGTH'), value: leaf('BASE_TYPE_BAD_LENGTH') } } } },
    });
    expect(withChoice(Opt.Integer, { name: 'one', value: 1 }).ok).toBe(true);
    expect(refused(withChoice(Opt.Integer, { name: 'half', value: 0.5 }))).toEqual({
      options: { '0': { choices: { '0': { value: leaf('NUMBER_TYPE_COERCE', 'Value "0.5" is not int.') } } } },
    });
    expect(withChoice(Opt.Number, { name: 'half', value: 0.5 }).ok).toBe(true);
  });

  it('puts required options first, and says so on each one out of place', () => {
    const ordered = [option('a', Opt.String, { required: true }), option('b'), option('c', Opt.User)];
    expect(create({ options: ordered }).ok).toBe(true);
    const misplaced = [option('a'), option('b', Opt.String, { required: true }), option('c', Opt.Integer, { required: true })];
    const error = leaf('APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    expect(refused(create({ options: misplaced }))).toEqual({ options: { '1': error, '2': error } });
  });

  it('reports it as Discord does inside a bulk overwrite, under the command index', () => {
    const misplaced = [option('a'), option('b', Opt.String, { required: true })];
    expect(refused(validateCommandBulkOverwrite([command({ name: 'first' }), command({ options: misplaced })]))).toEqual({
      '1': { options: { '1': leaf('APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID') } },
    });
  });

  it('keeps option names unique among siblings', () => {
    expect(refused(create({ options: [option('a'), option('a', Opt.User)] }))).toEqual({
      options: { '1': { name: leaf('APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS') } },
    });
    expect(refused(create({ options: [option('Big')] }))).toEqual({ options: { '0': { name: leaf('APPLICATION_COMMAND_INVALID_NAME') } } });
  });

  it('does not let autocomplete sit beside choices', () => {
    expect(create({ options: [option('q', Opt.String, { autocomplete: true })] }).ok).toBe(true);
    expect(create({ options: [option('q', Opt.String, { autocomplete: false, choices: choices(2) })] }).ok).toBe(true);
    expect(refused(create({ options: [option('q', Opt.String, { autocomplete: true, choices: choices(2) })] }))).toEqual({
      options: { '0': { autocomplete: leaf('APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES') } },
    });
  });

  it('holds min_length to 0-6000, max_length to 1-6000, and min to max', () => {
    const string = (extra: Record<string, unknown>) => create({ options: [option('s', Opt.String, extra)] });
    expect(string({ min_length: 0, max_length: 6000 }).ok).toBe(true);
    expect(refused(string({ min_length: -1, max_length: 6001 }))).toEqual({
      options: {
        '0': {
          min_length: leaf('NUMBER_TYPE_MIN', 'int value should be greater than or equal to 0.'),
          max_length: leaf('NUMBER_TYPE_MAX', 'int value should be less than or equal to 6000.'),
        },
      },
    });
    expect(refused(string({ max_length: 0 }))).toEqual({ options: { '0': { max_length: leaf('NUMBER_TYPE_MIN') } } });
    expect(refused(string({ min_length: 10, max_length: 5 }))).toEqual({ options: { '0': { min_length: leaf('NUMBER_TYPE_MAX') } } });
    expect(refused(create({ options: [option('n', Opt.Number, { min_value: 2.5, max_value: 1 })] }))).toEqual({
      options: { '0': { min_value: leaf('NUMBER_TYPE_MAX') } },
    });
  });

  it('takes channel types other than the directory', () => {
    expect(create({ options: [option('ch', Opt.Channel, { channel_types: [ChannelType.GuildText, ChannelType.PublicThread] })] }).ok).toBe(true);
    expect(refused(create({ options: [option('ch', Opt.Channel, { channel_types: [ChannelType.GuildDirectory] })] }))).toEqual({
      options: { '0': { channel_types: { '0': leaf('BASE_TYPE_CHOICES') } } },
    });
  });
});

describe('subcommands', () => {
  const sub = (name: string, options: unknown[] = []) => option(name, Opt.Subcommand, { options });
  const group = (name: string, options: unknown[]) => option(name, Opt.SubcommandGroup, { options });

  it('nests options in subcommands and subcommands in groups', () => {
    expect(create({ options: [group('club', [sub('join', [option('day', Opt.String, { required: true })]), sub('leave')]), sub('read')] }).ok).toBe(true);
  });

  it('puts only subcommands in a group', () => {
    expect(refused(create({ options: [group('club', [option('day')])] }))).toEqual({
      options: { '0': { options: { '0': leaf('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).') } } },
    });
  });

  it('puts no subcommand or group in a subcommand', () => {
    expect(refused(create({ options: [sub('read', [sub('deeper')])] }))).toEqual({
      options: { '0': { options: { '0': leaf('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (3, 4, 5, 6, 7, 8, 9, 10, 11).') } } },
    });
  });

  it('does not mix subcommands with plain options', () => {
    expect(refused(create({ options: [sub('read'), option('day')] }))).toEqual({
      options: leaf(
        'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        'Sub-command and sub-command group option types are mutually exclusive to all other types',
      ),
    });
  });
});

describe('command size', () => {
  /** A command whose names, descriptions and choices add up to exactly `size` characters (size > 211). */
  function commandOfSize(size: number) {
    const fixed = 'poem'.length + 'd'.length + 2 * ('o0'.length + 'x'.length);
    const remaining = size - fixed;
    const full = Math.floor(remaining / 200);
    const choices = Array.from({ length: full }, () => ({ name: chars(100), value: chars(100) }));
    const rest = remaining - full * 200;
    if (rest > 0) choices.push({ name: chars(Math.min(rest, 100)), value: chars(Math.max(rest - 100, 0)) });
    const options = [0, 1].map((i) => ({ type: Opt.String, name: `o${i}`, description: 'x', choices: choices.slice(i * 25, (i + 1) * 25) }));
    return { name: 'poem', description: 'd', options };
  }

  it('takes up to 8000 characters of names, descriptions and choices', () => {
    const atLimit = commandOfSize(8000);
    expect(commandSize(atLimit)).toBe(8000);
    expect(validateCommandCreate(atLimit).ok).toBe(true);
    const over = commandOfSize(8001);
    expect(commandSize(over)).toBe(8001);
    expect(refused(validateCommandCreate(over))).toEqual(leaf('APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (8000)'));
    expect(refused(validateCommandBulkOverwrite([over]))).toEqual({ '0': leaf('APPLICATION_COMMAND_TOO_LARGE') });
  });
});

describe('bulk overwrite', () => {
  it('refuses two commands of one type with one name, on the second', () => {
    expect(refused(validateCommandBulkOverwrite([command(), command({ description: 'again' })]))).toEqual({
      '1': leaf('APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique'),
    });
    expect(validateCommandBulkOverwrite([command({ name: 'welcome' }), { type: ApplicationCommandType.User, name: 'welcome' }]).ok).toBe(true);
  });

  it('takes 100 CHAT_INPUT commands and answers 30032 beyond', () => {
    const commands = (n: number) => Array.from({ length: n }, (_, i) => command({ name: `c${i}` }));
    expect(accepted(validateCommandBulkOverwrite(commands(100)))).toHaveLength(100);
    const result = validateCommandBulkOverwrite(commands(101));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe(RESTJSONErrorCodes.MaximumNumberOfApplicationCommandsReached);
  });

  it('needs an array', () => {
    expect(refused(validateCommandBulkOverwrite(command()))).toEqual(leaf('LIST_TYPE_CONVERT'));
    expect(validateCommandBulkOverwrite([]).ok).toBe(true);
  });

  it('passes what the discord.js builders produce', () => {
    const slash = new SlashCommandBuilder()
      .setName('club')
      .setDescription('Podcast club')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .setContexts(InteractionContextType.Guild)
      .setNameLocalizations({ fr: 'club' })
      .addSubcommand((s) =>
        s
          .setName('episode')
          .setDescription('Pick this week’s episode')
          .addStringOption((o) => o.setName('title').setDescription('Episode title').setRequired(true).setAutocomplete(true).setMaxLength(100))
          .addIntegerOption((o) => o.setName('week').setDescription('Week').setMinValue(1).setMaxValue(52))
          .addChannelOption((o) => o.setName('where').setDescription('Channel').addChannelTypes(ChannelType.GuildText)),
      )
      .addSubcommandGroup((g) =>
        g
          .setName('notes')
          .setDescription('Notes')
          .addSubcommand((s) =>
            s
              .setName('add')
              .setDescription('Add a note')
              .addStringOption((o) =>
                o.setName('kind').setDescription('Kind').setRequired(true).addChoices({ name: 'Quote', value: 'quote' }, { name: 'Question', value: 'q' }),
              )
              .addNumberOption((o) => o.setName('minute').setDescription('Minute').setMinValue(0))
              .addBooleanOption((o) => o.setName('private').setDescription('Only me')),
          ),
      );
    const plain = new SlashCommandBuilder()
      .setName('progress')
      .setDescription('Course progress')
      .addUserOption((o) => o.setName('member').setDescription('Whose progress'))
      .addAttachmentOption((o) => o.setName('proof').setDescription('Screenshot'));
    const contextMenu = new ContextMenuCommandBuilder().setName('Save as Poem').setType(ApplicationCommandType.Message);
    const body: unknown = JSON.parse(JSON.stringify([slash.toJSON(), plain.toJSON(), contextMenu.toJSON()]));
    expect(accepted(validateCommandBulkOverwrite(body))).toHaveLength(3);
  });
});
