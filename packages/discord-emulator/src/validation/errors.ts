import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { ApiErrors, DiscordApiError } from '../api-error.js';

/**
 * Discord's vocabulary for rejected request bodies.
 *
 * A 50035 "Invalid Form Body" answer carries a tree that follows the body's shape, with a list of
 * `{ code, message }` under `_errors` wherever something is wrong. The codes and messages below are
 * copied from real Discord answers quoted in public bug reports and library fixtures
 * (discord-api-docs #3673, discord.py #9187 and #10010, discordjs/guide #1236, D++'s error tests,
 * error logs in public bot repositories, and the error catalogue of an open-source Discord mock).
 * Those marked UNVERIFIED had no real answer to copy: they are the emulator's best guess and live
 * here alone so a correction is a one-line change.
 */

export interface DiscordFieldError {
  readonly code: string;
  readonly message: string;
}

/** `{ embeds: { "0": { title: { _errors: [...] } } } }`: keys are field names or array indices. */
export interface DiscordErrorTree {
  [key: string]: DiscordErrorTree | DiscordFieldError[];
}

export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DiscordApiError };

export const ok = <T>(value: T): ValidationResult<T> => ({ ok: true, value });
export const fail = <T>(error: DiscordApiError): ValidationResult<T> => ({ ok: false, error });

/** Top-level answers: a whole request refused with its own JSON error code. */
export const RequestErrors = {
  invalidFormBody: (errors: DiscordErrorTree): DiscordApiError => ApiErrors.invalidFormBody(errors),
  emptyMessage: (): DiscordApiError => ApiErrors.emptyMessage(),
  invalidJson: (): DiscordApiError =>
    new DiscordApiError(400, RESTJSONErrorCodes.RequestBodyContainsInvalidJSON, 'The request body contains invalid JSON.'),
  // The code is documented (discord-api-docs#8212), the wording as bots quote it; the 403 is UNVERIFIED.
  noMutualGuilds: (): DiscordApiError =>
    new DiscordApiError(403, RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds, 'Cannot send messages to this user due to having no mutual guilds'),
  // 403 and wording as bots report them (davidhozic/discord-advertisement-framework#82); the rate is UNVERIFIED (dm-openings.ts).
  openingDmsTooFast: (): DiscordApiError => new DiscordApiError(403, RESTJSONErrorCodes.OpeningDirectMessagesTooFast, 'You are opening direct messages too fast.'),
  // UNVERIFIED: a managed role (a bot's or an integration's) granted or removed by hand, refused as
  // bots report it, "Missing Permissions" (Kivou-2000607/yata-bot#44); Discord documents no code of its own.
  managedRole: (): DiscordApiError => ApiErrors.missingPermissions(),
  // UNVERIFIED: the code for a thread type the parent can't hold (a private thread in an announcement
  // channel, an announcement thread in a text channel); Topics → Threads documents only the rule.
  threadTypeNotAllowed: (): DiscordApiError => ApiErrors.wrongChannelType(),
  // UNVERIFIED wording; the code is Discord's documented one for this limit.
  tooManyCommands: (limit: number): DiscordApiError =>
    new DiscordApiError(400, RESTJSONErrorCodes.MaximumNumberOfApplicationCommandsReached, `Maximum number of application commands reached (${limit})`),
} as const;

/** How Discord prints a value it refused: strings bare, anything else as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** Python's repr of a tuple or set, which is what Discord's messages print. */
function listed(values: readonly (string | number | boolean)[], brackets: 'tuple' | 'set'): string {
  const items = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  if (brackets === 'set') return `{${items.join(', ')}}`;
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

const sortedNumbers = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export const FieldErrors = {
  required: { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
  maxLength: (max: number): DiscordFieldError => ({ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }),
  minLength: (min: number): DiscordFieldError => ({ code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` }),
  badLength: (min: number, max: number): DiscordFieldError => ({
    code: 'BASE_TYPE_BAD_LENGTH',
    message: `Must be between ${min} and ${max} in length.`,
  }),
  /** Integers print as a set ("{4, 5, 6}"), strings as a tuple ("('users', 'roles')"). */
  choices: (values: readonly (string | number | boolean)[]): DiscordFieldError => {
    const numeric = values.every((v): v is number => typeof v === 'number');
    const text = numeric ? listed(sortedNumbers(values), 'set') : listed(values, 'tuple');
    return { code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${text}.` };
  },
  /** A component or option whose `type` is not allowed where it stands; reported on the object itself. */
  unionTypeChoices: (types: readonly number[]): DiscordFieldError => ({
    code: 'UNION_TYPE_CHOICES',
    message: `Value of field "type" must be one of ${listed(sortedNumbers(types), 'tuple')}.`,
  }),
  numberMin: (min: number, kind: 'int' | 'float' = 'int'): DiscordFieldError => ({
    code: 'NUMBER_TYPE_MIN',
    message: `${kind} value should be greater than or equal to ${min}.`,
  }),
  numberMax: (max: number, kind: 'int' | 'float' = 'int'): DiscordFieldError => ({
    code: 'NUMBER_TYPE_MAX',
    message: `${kind} value should be less than or equal to ${max}.`,
  }),
  notInt: (input: unknown): DiscordFieldError => ({ code: 'NUMBER_TYPE_COERCE', message: `Value "${shown(input)}" is not int.` }),
  notSnowflake: (input: unknown): DiscordFieldError => ({ code: 'NUMBER_TYPE_COERCE', message: `Value "${shown(input)}" is not snowflake.` }),
  // UNVERIFIED: Discord's wording for a non-integer number.
  notNumber: (input: unknown): DiscordFieldError => ({ code: 'NUMBER_TYPE_COERCE', message: `Value "${shown(input)}" is not a valid number.` }),
  // UNVERIFIED: the code and wording for a non-string where a string belongs.
  notString: (input: unknown): DiscordFieldError => ({ code: 'STRING_TYPE_CONVERT', message: `Could not interpret "${shown(input)}" as string.` }),
  // UNVERIFIED: the code and wording for a non-boolean where a boolean belongs.
  notBoolean: (input: unknown): DiscordFieldError => ({ code: 'BOOLEAN_TYPE_CONVERT', message: `Value "${shown(input)}" is not a valid boolean.` }),
  notObject: { code: 'MODEL_TYPE_CONVERT', message: 'Expected an object/dictionary.' },
  // Discord's message for sets is "Only iterables may be used in a SetType"; lists follow suit.
  notArray: { code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType.' },
  regex: { code: 'STRING_TYPE_REGEX', message: 'String value did not match validation regex.' },
  invalidUrl: { code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' },
  invalidUrlScheme: (scheme: string, allowed: readonly string[]): DiscordFieldError => ({
    code: 'URL_TYPE_INVALID_SCHEME',
    message: `Scheme "${scheme}" is not supported. Scheme must be one of ${listed(allowed, 'tuple')}.`,
  }),
  dateTime: (input: string): DiscordFieldError => ({ code: 'DATE_TIME_TYPE_PARSE', message: `Could not parse ${input}. Should be ISO8601.` }),
  enumValue: (input: string): DiscordFieldError => ({ code: 'ENUM_TYPE_COERCE', message: `Value "${input}" is not a valid enum value.` }),

  // Messages
  embedSizeExceeded: (max: number): DiscordFieldError => ({ code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${max}` }),
  allowedMentionsParseExclusive: (kind: string): DiscordFieldError => ({
    code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
    message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
  }),
  nonceInvalidType: { code: 'NONCE_TYPE_INVALID_TYPE', message: 'This field must be a string or integer.' },
  nonceTooLong: (max: number): DiscordFieldError => ({ code: 'NONCE_TYPE_TOO_LONG', message: `Must be ${max} or fewer characters long.` }),
  nonceOutOfBounds: {
    code: 'NONCE_TYPE_OUT_OF_BOUNDS',
    message: 'Must be between -9223372036854775808 and 9223372036854775807.',
  },
  attachmentNotFound: { code: 'ATTACHMENT_NOT_FOUND', message: 'Attachment data not found' },
  // UNVERIFIED: Discord documents which flags may be set but not the answer for the others.
  flagsNotAllowed: (names: readonly string[]): DiscordFieldError => ({
    code: 'MESSAGE_FLAGS_INVALID',
    message: `Flags that cannot be set on this message: ${names.join(', ')}.`,
  }),

  // Components
  customIdDuplicated: { code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' },
  layoutWidthExceeded: { code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' },
  buttonCustomIdRequired: { code: 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', message: 'A custom id is required' },
  buttonCustomIdUrlExclusive: { code: 'BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE', message: 'A custom id and url cannot both be specified' },
  // UNVERIFIED: the link and premium button counterparts of the two above.
  buttonUrlRequired: { code: 'BUTTON_COMPONENT_URL_REQUIRED', message: 'A url is required' },
  buttonSkuIdRequired: { code: 'BUTTON_COMPONENT_SKU_ID_REQUIRED', message: 'A sku id is required' },
  buttonPremiumFieldsForbidden: {
    code: 'BUTTON_COMPONENT_PREMIUM_FIELDS_INVALID',
    message: 'Premium buttons cannot have a custom id, label, url or emoji',
  },
  selectOptionValueDuplicated: { code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'The specified option value is already used' },
  selectTooManyDefaultValues: {
    code: 'SELECT_COMPONENT_TOO_MANY_DEFAULT_VALUES',
    message: 'The specified number of default values exceeds the specified maximum values',
  },

  // Application commands
  commandInvalidName: { code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' },
  commandOptionsRequiredInvalid: {
    code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
    message: 'Required options must be placed before non-required options',
  },
  commandOptionsTypeInvalid: {
    code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
    message: 'Sub-command and sub-command group option types are mutually exclusive to all other types',
  },
  commandsDuplicateName: { code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' },
  commandTooLarge: (max: number): DiscordFieldError => ({ code: 'APPLICATION_COMMAND_TOO_LARGE', message: `Command exceeds maximum size (${max})` }),
  // UNVERIFIED: the two rules below are documented, their answers are not quoted anywhere public.
  commandOptionNameDuplicated: { code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', message: 'Option names must be unique within their level' },
  commandAutocompleteWithChoices: {
    code: 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
    message: 'Autocomplete cannot be enabled on an option with choices',
  },
} as const satisfies Record<string, DiscordFieldError | ((...args: never[]) => DiscordFieldError)>;
