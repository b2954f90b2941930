import {
  ChannelType,
  ComponentType,
  SelectMenuDefaultValueType,
  type APIChannelSelectComponent,
  type APIMentionableSelectComponent,
  type APIRoleSelectComponent,
  type APIStringSelectComponent,
  type APIUserSelectComponent,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { componentEmojiSchema, componentIdSchema, customIdSchema } from './component-common.js';
import { FieldErrors } from './errors.js';
import { checkMinNotAboveMax, int, list, opt, repeatedIndices, report, snowflake, text } from './primitives.js';

/**
 * Select menus: the string select and the four that Discord fills itself.
 *
 * Limits: Discord developer docs, Component Reference, "String Select" (placeholder max 150,
 * min_values 0-25 and max_values 1-25, both defaulting to 1, options 1-25), "Select Option
 * Structure" (label, value and description max 100 each) and "Select Default Value Structure"
 * (default values within min_values..max_values, of the select's kind). Minimum lengths of 1 follow
 * @discordjs/builders' `labelValueDescriptionValidator`. Repeated option values
 * (SELECT_COMPONENT_OPTION_VALUE_DUPLICATED) and too many defaults
 * (SELECT_COMPONENT_TOO_MANY_DEFAULT_VALUES) are Discord's own codes.
 */

export const SELECT_LIMITS = {
  placeholder: 150,
  options: 25,
  values: 25,
  optionText: 100,
  defaultValues: 25,
} as const;

const selectFields = {
  id: componentIdSchema,
  custom_id: customIdSchema,
  placeholder: opt(text({ max: SELECT_LIMITS.placeholder })),
  min_values: opt(int({ min: 0, max: SELECT_LIMITS.values })),
  max_values: opt(int({ min: 1, max: SELECT_LIMITS.values })),
  disabled: opt(z.boolean()),
  required: opt(z.boolean()),
};

interface ValueRange {
  readonly min_values?: number | undefined;
  readonly max_values?: number | undefined;
}

/** min ≤ max, and max no more than there is to choose from; both default to 1. */
function checkValueRange(ctx: z.core.ParsePayload<ValueRange>, available: number): void {
  const { min_values = 1, max_values = 1 } = ctx.value;
  checkMinNotAboveMax(ctx, min_values, max_values, 'min_values');
  if (max_values > available) report(ctx, FieldErrors.numberMax(available), ['max_values']);
}

const selectOption = z.object({
  label: text({ min: 1, max: SELECT_LIMITS.optionText }),
  value: text({ min: 1, max: SELECT_LIMITS.optionText }),
  description: opt(text({ min: 1, max: SELECT_LIMITS.optionText })),
  emoji: opt(componentEmojiSchema),
  default: opt(z.boolean()),
});

export const stringSelectSchema = z
  .object({
    type: z.literal(ComponentType.StringSelect),
    ...selectFields,
    options: list(selectOption, { min: 1, max: SELECT_LIMITS.options }),
  })
  .check((ctx) => {
    const { options, max_values = 1 } = ctx.value;
    checkValueRange(ctx, options.length);
    for (const index of repeatedIndices(options, (o) => o.value)) {
      report(ctx, FieldErrors.selectOptionValueDuplicated, ['options', index, 'value']);
    }
    if (options.filter((o) => o.default === true).length > max_values) {
      report(ctx, FieldErrors.selectTooManyDefaultValues, ['options']);
    }
  }) satisfies z.ZodType<APIStringSelectComponent>;

function defaultValues<const D extends SelectMenuDefaultValueType>(types: readonly [D, ...D[]]) {
  return opt(list(z.object({ id: snowflake(), type: z.literal(types) }), { max: SELECT_LIMITS.defaultValues }));
}

interface AutoPopulated extends ValueRange {
  readonly default_values?: readonly unknown[] | undefined;
}

function checkAutoPopulated(ctx: z.core.ParsePayload<AutoPopulated>): void {
  const { max_values = 1, default_values = [] } = ctx.value;
  checkValueRange(ctx, SELECT_LIMITS.values);
  if (default_values.length > max_values) report(ctx, FieldErrors.selectTooManyDefaultValues, ['default_values']);
}

export const userSelectSchema = z
  .object({
    type: z.literal(ComponentType.UserSelect),
    ...selectFields,
    default_values: defaultValues([SelectMenuDefaultValueType.User]),
  })
  .check(checkAutoPopulated) satisfies z.ZodType<APIUserSelectComponent>;

export const roleSelectSchema = z
  .object({
    type: z.literal(ComponentType.RoleSelect),
    ...selectFields,
    default_values: defaultValues([SelectMenuDefaultValueType.Role]),
  })
  .check(checkAutoPopulated) satisfies z.ZodType<APIRoleSelectComponent>;

export const mentionableSelectSchema = z
  .object({
    type: z.literal(ComponentType.MentionableSelect),
    ...selectFields,
    default_values: defaultValues([SelectMenuDefaultValueType.User, SelectMenuDefaultValueType.Role]),
  })
  .check(checkAutoPopulated) satisfies z.ZodType<APIMentionableSelectComponent>;

export const channelSelectSchema = z
  .object({
    type: z.literal(ComponentType.ChannelSelect),
    ...selectFields,
    channel_types: opt(z.array(z.enum(ChannelType))),
    default_values: defaultValues([SelectMenuDefaultValueType.Channel]),
  })
  .check(checkAutoPopulated) satisfies z.ZodType<APIChannelSelectComponent>;
