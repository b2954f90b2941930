import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { chatInputNameSchema, commandOptionsSchema, descriptionSchema } from './command-options.js';
import { fail, FieldErrors, RequestErrors, type ValidationResult } from './errors.js';
import { localizationMap } from './localizations.js';
import { parseBody } from './parse.js';
import { codePointLength, delegate, list, opt, repeatedIndices, report, text } from './primitives.js';

/**
 * Application command definitions: `POST` of one command and `PUT` (bulk overwrite) of all of an
 * application's commands, global or in a guild.
 *
 * Limits: Discord developer docs, Application Commands, "Application Command Structure" (name 1-32;
 * description 1-100 for CHAT_INPUT, empty for USER and MESSAGE; options for CHAT_INPUT only;
 * `default_member_permissions` a bit set as a string, or null), "Application Command Naming"
 * (USER and MESSAGE names may be mixed case with spaces), "Registering a Command" (100 CHAT_INPUT,
 * 5 USER and 5 MESSAGE commands; names unique per type). Command size: the sum of every name,
 * description, choice name and choice value in the command's tree; the docs once said 4000, but
 * Discord's answers in current bug reports read "Command exceeds maximum size (8000)", so 8000 it
 * is. APPLICATION_COMMANDS_DUPLICATE_NAME and APPLICATION_COMMAND_TOO_LARGE sit on the command
 * (`errors["3"]._errors` in a bulk overwrite), as in those answers. PRIMARY_ENTRY_POINT commands
 * (type 4, Activities) are not emulated.
 */

export const COMMAND_LIMITS = {
  name: 32,
  size: 8000,
  perType: new Map<ApplicationCommandType, number>([
    [ApplicationCommandType.ChatInput, 100],
    [ApplicationCommandType.User, 5],
    [ApplicationCommandType.Message, 5],
  ]),
} as const;

const PERMISSION_BITS = /^\d+$/;

const permissionsSchema = z.string().check((ctx) => {
  if (!PERMISSION_BITS.test(ctx.value)) report(ctx, FieldErrors.notInt(ctx.value));
});

/** What every kind of command may carry besides its name, description and options. */
const commandSettings = {
  default_member_permissions: permissionsSchema.nullish(),
  dm_permission: opt(z.boolean()),
  default_permission: opt(z.boolean()),
  nsfw: opt(z.boolean()),
  contexts: opt(z.array(z.enum(InteractionContextType))),
  integration_types: opt(z.array(z.enum(ApplicationIntegrationType))),
};

interface Sized {
  readonly name: string;
  readonly description?: string | undefined;
  readonly choices?: readonly { readonly name: string; readonly value: string | number }[] | undefined;
  readonly options?: readonly Sized[] | undefined;
}

/** What Discord counts against a command's maximum size; localizations are left out. */
export function commandSize(node: Sized): number {
  const own = codePointLength(node.name) + codePointLength(node.description ?? '');
  const choices = (node.choices ?? []).reduce((sum, c) => sum + codePointLength(c.name) + codePointLength(String(c.value)), 0);
  const options = (node.options ?? []).reduce((sum, option) => sum + commandSize(option), 0);
  return own + choices + options;
}

/** discord-api-types' option union hides `choices` and `options` behind its variants; this reaches them. */
function sizedOption(option: APIApplicationCommandOption): Sized {
  const choices = 'choices' in option ? option.choices : undefined;
  const options = 'options' in option ? option.options?.map(sizedOption) : undefined;
  return { name: option.name, description: option.description, choices, options };
}

const chatInputCommandSchema = z
  .object({
    type: opt(z.literal(ApplicationCommandType.ChatInput)),
    name: chatInputNameSchema,
    name_localizations: localizationMap(chatInputNameSchema).nullish(),
    description: descriptionSchema,
    description_localizations: localizationMap(descriptionSchema).nullish(),
    options: opt(commandOptionsSchema),
    ...commandSettings,
  })
  .check((ctx) => {
    const { name, description, options = [] } = ctx.value;
    if (commandSize({ name, description, options: options.map(sizedOption) }) > COMMAND_LIMITS.size) {
      report(ctx, FieldErrors.commandTooLarge(COMMAND_LIMITS.size));
    }
  }) satisfies z.ZodType<RESTPostAPIChatInputApplicationCommandsJSONBody>;

const contextMenuName = text({ min: 1, max: COMMAND_LIMITS.name });

/** USER and MESSAGE commands show no description and take no options; anything there is refused. */
const nothing = <T extends z.ZodType<string | readonly unknown[]>>(schema: T) =>
  opt(schema).check((ctx) => {
    if (ctx.value !== undefined && ctx.value.length > 0) report(ctx, FieldErrors.maxLength(0));
  });

const contextMenuCommandSchema = z.object({
  type: z.literal([ApplicationCommandType.User, ApplicationCommandType.Message]),
  name: contextMenuName,
  name_localizations: localizationMap(contextMenuName).nullish(),
  description: nothing(z.string()),
  options: nothing(z.array(z.unknown())).transform(() => undefined),
  ...commandSettings,
}) satisfies z.ZodType<RESTPostAPIContextMenuApplicationCommandsJSONBody>;

/** A command's `type` decides its rules; a missing type is CHAT_INPUT. */
export const commandSchema = z.looseObject({ type: z.unknown().optional() }).transform((value, ctx): RESTPostAPIApplicationCommandsJSONBody => {
  switch (value.type ?? ApplicationCommandType.ChatInput) {
    case ApplicationCommandType.ChatInput:
      return delegate(chatInputCommandSchema, value, ctx);
    case ApplicationCommandType.User:
    case ApplicationCommandType.Message:
      return delegate(contextMenuCommandSchema, value, ctx);
    default:
      report(ctx, FieldErrors.choices([...COMMAND_LIMITS.perType.keys()]), ['type']);
      return z.NEVER;
  }
});

const commandListSchema = list(commandSchema).check((ctx) => {
  for (const index of repeatedIndices(ctx.value, (c) => `${c.type ?? ApplicationCommandType.ChatInput}:${c.name}`)) {
    report(ctx, FieldErrors.commandsDuplicateName, [index]);
  }
});

/** `POST /applications/{app}/commands` and `/applications/{app}/guilds/{guild}/commands`. */
export function validateCommandCreate(body: unknown): ValidationResult<RESTPostAPIApplicationCommandsJSONBody> {
  return parseBody(commandSchema, body);
}

/** `PUT` of the same routes: every command of the application (or guild), replacing the old set. */
export function validateCommandBulkOverwrite(body: unknown): ValidationResult<RESTPutAPIApplicationCommandsJSONBody> {
  const parsed = parseBody(commandListSchema, body);
  if (!parsed.ok) return parsed;
  for (const [type, limit] of COMMAND_LIMITS.perType) {
    const count = parsed.value.filter((c) => (c.type ?? ApplicationCommandType.ChatInput) === type).length;
    if (count > limit) return fail(RequestErrors.tooManyCommands(limit));
  }
  return parsed;
}
