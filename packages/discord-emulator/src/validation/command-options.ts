import {
  ApplicationCommandOptionType as OptionType,
  ChannelType,
  type APIApplicationCommandAttachmentOption,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandBooleanOption,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandMentionableOption,
  type APIApplicationCommandNumberOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandRoleOption,
  type APIApplicationCommandStringOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type APIApplicationCommandUserOption,
  type ApplicationCommandOptionAllowedChannelType,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { choiceSchema, CHOICE_LIMITS, stringChoiceValue } from './choices.js';
import { FieldErrors } from './errors.js';
import { localizationMap } from './localizations.js';
import { byType, checkMinNotAboveMax, codePointLength, int, list, num, opt, repeatedIndices, report, text, type IssueSink } from './primitives.js';

/**
 * The options of a CHAT_INPUT command, at every level.
 *
 * Limits: Discord developer docs, Application Commands, "Application Command Naming" (names match
 * `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$` and use the lowercase form of any cased letter;
 * the apostrophe is in the current docs, older ones omit it), "Application Command Option
 * Structure" (description 1-100; up to 25 options and 25 choices; names unique among siblings;
 * required options before optional ones; `autocomplete` not with `choices`; min_length 0-6000 and
 * max_length 1-6000; choices for string, integer and number options only), "Application Command
 * Option Type" and "Subcommands and Subcommand Groups" (groups hold subcommands only, subcommands
 * hold no subcommands, and subcommands do not mix with other options at the top). Errors as quoted
 * from real answers: STRING_TYPE_REGEX and APPLICATION_COMMAND_INVALID_NAME for names,
 * APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID on the misplaced required option, UNION_TYPE_CHOICES
 * for an option type out of place.
 */

export const OPTION_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  stringLength: 6000,
} as const;

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** A CHAT_INPUT command or option name. */
export const chatInputNameSchema = z.string().check((ctx) => {
  const length = codePointLength(ctx.value);
  if (length < 1 || length > OPTION_LIMITS.name) report(ctx, FieldErrors.badLength(1, OPTION_LIMITS.name));
  else if (!NAME_PATTERN.test(ctx.value)) report(ctx, FieldErrors.regex);
  else if (ctx.value !== ctx.value.toLowerCase()) report(ctx, FieldErrors.commandInvalidName);
});

export const descriptionSchema = text({ min: 1, max: OPTION_LIMITS.description });

const optionBase = {
  name: chatInputNameSchema,
  name_localizations: localizationMap(chatInputNameSchema).nullish(),
  description: descriptionSchema,
  description_localizations: localizationMap(descriptionSchema).nullish(),
};

const basicOptionBase = { ...optionBase, required: opt(z.boolean()) };

const choices = <V extends z.ZodType<string | number>>(value: V) => opt(list(choiceSchema(value), { max: CHOICE_LIMITS.choices }));

/** Autocomplete and fixed choices exclude each other; discord-api-types spells that as two variants. */
function withChoicesOrAutocomplete<Base extends object, Choice extends APIApplicationCommandOptionChoice>(
  base: Base,
  autocomplete: boolean | undefined,
  optionChoices: Choice[] | undefined,
  ctx: IssueSink,
): (Base & { autocomplete: true }) | (Base & { autocomplete?: false | undefined; choices?: Choice[] | undefined }) {
  if (autocomplete !== true) return { ...base, autocomplete, choices: optionChoices };
  if (optionChoices !== undefined && optionChoices.length > 0) report(ctx, FieldErrors.commandAutocompleteWithChoices, ['autocomplete']);
  return { ...base, autocomplete: true };
}

const stringOptionSchema = z
  .object({
    type: z.literal(OptionType.String),
    ...basicOptionBase,
    min_length: opt(int({ min: 0, max: OPTION_LIMITS.stringLength })),
    max_length: opt(int({ min: 1, max: OPTION_LIMITS.stringLength })),
    choices: choices(stringChoiceValue),
    autocomplete: opt(z.boolean()),
  })
  .transform(({ autocomplete, choices: given, ...base }, ctx): APIApplicationCommandStringOption => {
    checkMinNotAboveMax(ctx, base.min_length, base.max_length, 'min_length');
    return withChoicesOrAutocomplete(base, autocomplete, given, ctx);
  });

const integerOptionSchema = z
  .object({
    type: z.literal(OptionType.Integer),
    ...basicOptionBase,
    min_value: opt(int()),
    max_value: opt(int()),
    choices: choices(int()),
    autocomplete: opt(z.boolean()),
  })
  .transform(({ autocomplete, choices: given, ...base }, ctx): APIApplicationCommandIntegerOption => {
    checkMinNotAboveMax(ctx, base.min_value, base.max_value, 'min_value');
    return withChoicesOrAutocomplete(base, autocomplete, given, ctx);
  });

const numberOptionSchema = z
  .object({
    type: z.literal(OptionType.Number),
    ...basicOptionBase,
    min_value: opt(num()),
    max_value: opt(num()),
    choices: choices(num()),
    autocomplete: opt(z.boolean()),
  })
  .transform(({ autocomplete, choices: given, ...base }, ctx): APIApplicationCommandNumberOption => {
    checkMinNotAboveMax(ctx, base.min_value, base.max_value, 'min_value');
    return withChoicesOrAutocomplete(base, autocomplete, given, ctx);
  });

/** Any channel type but GUILD_DIRECTORY, which no option can ask for. */
const channelTypeSchema = z.enum(ChannelType).transform((type, ctx): ApplicationCommandOptionAllowedChannelType => {
  if (type !== ChannelType.GuildDirectory) return type;
  report(ctx, FieldErrors.choices(Object.values(ChannelType).filter((t): t is ChannelType => typeof t === 'number' && t !== type)));
  return z.NEVER;
});

const channelOptionSchema = z.object({
  type: z.literal(OptionType.Channel),
  ...basicOptionBase,
  channel_types: opt(z.array(channelTypeSchema)),
}) satisfies z.ZodType<APIApplicationCommandChannelOption>;

const booleanOptionSchema = z.object({ type: z.literal(OptionType.Boolean), ...basicOptionBase }) satisfies z.ZodType<APIApplicationCommandBooleanOption>;
const userOptionSchema = z.object({ type: z.literal(OptionType.User), ...basicOptionBase }) satisfies z.ZodType<APIApplicationCommandUserOption>;
const roleOptionSchema = z.object({ type: z.literal(OptionType.Role), ...basicOptionBase }) satisfies z.ZodType<APIApplicationCommandRoleOption>;
const mentionableOptionSchema = z.object({
  type: z.literal(OptionType.Mentionable),
  ...basicOptionBase,
}) satisfies z.ZodType<APIApplicationCommandMentionableOption>;
const attachmentOptionSchema = z.object({
  type: z.literal(OptionType.Attachment),
  ...basicOptionBase,
}) satisfies z.ZodType<APIApplicationCommandAttachmentOption>;

/** The options that take a value, each with its schema. */
const basicOptionCases: readonly (readonly [number, z.ZodType<APIApplicationCommandBasicOption>])[] = [
  [OptionType.String, stringOptionSchema],
  [OptionType.Integer, integerOptionSchema],
  [OptionType.Boolean, booleanOptionSchema],
  [OptionType.User, userOptionSchema],
  [OptionType.Channel, channelOptionSchema],
  [OptionType.Role, roleOptionSchema],
  [OptionType.Mentionable, mentionableOptionSchema],
  [OptionType.Number, numberOptionSchema],
  [OptionType.Attachment, attachmentOptionSchema],
];

/** Checks every sibling list: unique names; required options first, reported on each one out of place. */
function checkSiblings(ctx: z.core.ParsePayload<readonly APIApplicationCommandOption[]>): void {
  for (const index of repeatedIndices(ctx.value, (o) => o.name)) report(ctx, FieldErrors.commandOptionNameDuplicated, [index, 'name']);
  let optionalSeen = false;
  ctx.value.forEach((option, index) => {
    if (option.required === true && optionalSeen) report(ctx, FieldErrors.commandOptionsRequiredInvalid, [index]);
    if (option.required !== true) optionalSeen = true;
  });
}

const optionList = <T extends z.ZodType<APIApplicationCommandOption>>(item: T) =>
  list(item, { max: OPTION_LIMITS.options }).check(checkSiblings);

const basicOptionSchema = byType(new Map(basicOptionCases));

const subcommandSchema = z.object({
  type: z.literal(OptionType.Subcommand),
  ...optionBase,
  options: opt(optionList(basicOptionSchema)),
}) satisfies z.ZodType<APIApplicationCommandSubcommandOption>;

const subcommandGroupSchema = z.object({
  type: z.literal(OptionType.SubcommandGroup),
  ...optionBase,
  options: opt(optionList(byType(new Map([[OptionType.Subcommand, subcommandSchema]])))),
}) satisfies z.ZodType<APIApplicationCommandSubcommandGroupOption>;

const topLevelOptionSchema = byType(
  new Map<number, z.ZodType<APIApplicationCommandOption>>([
    [OptionType.Subcommand, subcommandSchema],
    [OptionType.SubcommandGroup, subcommandGroupSchema],
    ...basicOptionCases,
  ]),
);

const isSubcommandLike = (option: APIApplicationCommandOption): boolean =>
  option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup;

/** The options of a command: any kind, but subcommands and groups never beside plain options. */
export const commandOptionsSchema = optionList(topLevelOptionSchema).check((ctx) => {
  const subcommands = ctx.value.filter(isSubcommandLike).length;
  if (subcommands > 0 && subcommands < ctx.value.length) report(ctx, FieldErrors.commandOptionsTypeInvalid);
});
