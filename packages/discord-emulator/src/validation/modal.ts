import {
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIComponentInLabel,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextDisplayComponent,
  type APITextInputComponent,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { checkRowWidth, checkUniqueCustomIds, COMPONENT_LIMITS, componentIdSchema, customIdSchema, type PlacedCustomId } from './component-common.js';
import { byType, checkMinNotAboveMax, int, list, opt, text } from './primitives.js';
import { channelSelectSchema, mentionableSelectSchema, roleSelectSchema, stringSelectSchema, userSelectSchema } from './selects.js';

/**
 * A modal (interaction callback type 9): its title, and its components in either layout Discord
 * takes. The classic one puts each text input alone in an action row, with its own label; the
 * current one wraps a text input or a select in a Label (type 18) and may add Text Displays
 * (type 10), which is what discord.js' ModalBuilder now emits.
 *
 * Limits: Discord developer docs, Receiving and Responding, "Interaction Callback Data Structure" >
 * "Modal" (custom_id max 100, title max 45, 1 to 5 components); Component Reference, "Text Input"
 * (style 1 or 2, label max 45, min_length 0-4000, max_length 1-4000, value max 4000, placeholder
 * max 100) and "Text Display"; the Label limits (label max 45, description max 100) are
 * discord-api-types' `APILabelComponent`, quoting the newer "Label" section. Minimums of 1 on
 * title, labels and text display content follow @discordjs/builders' modal and label validators.
 * File uploads, radio groups and checkboxes, which Discord also allows in a Label, are not
 * emulated and are refused like any type out of place.
 */

export const MODAL_LIMITS = {
  title: 45,
  components: 5,
  label: 45,
  labelDescription: 100,
  textInputLength: 4000,
  placeholder: 100,
  textDisplay: 4000,
} as const;

const textInputFields = {
  type: z.literal(ComponentType.TextInput),
  id: componentIdSchema,
  custom_id: customIdSchema,
  style: z.enum(TextInputStyle),
  placeholder: opt(text({ max: MODAL_LIMITS.placeholder })),
  value: opt(text({ max: MODAL_LIMITS.textInputLength })),
  min_length: opt(int({ min: 0, max: MODAL_LIMITS.textInputLength })),
  max_length: opt(int({ min: 1, max: MODAL_LIMITS.textInputLength })),
  required: opt(z.boolean()),
};

function checkLengthRange(ctx: z.core.ParsePayload<{ readonly min_length?: number | undefined; readonly max_length?: number | undefined }>): void {
  checkMinNotAboveMax(ctx, ctx.value.min_length, ctx.value.max_length, 'min_length');
}

/** Alone in an action row, a text input carries its own label. */
const rowTextInputSchema = z
  .object({ ...textInputFields, label: text({ min: 1, max: MODAL_LIMITS.label }) })
  .check(checkLengthRange) satisfies z.ZodType<APITextInputComponent>;

/** Inside a Label, the Label carries the text; a `label` of its own is not part of that layout. */
const labelledTextInputSchema = z.object(textInputFields).check(checkLengthRange) satisfies z.ZodType<APITextInputComponent>;

const modalRowItemSchema = byType(new Map<number, z.ZodType<APITextInputComponent>>([[ComponentType.TextInput, rowTextInputSchema]]));

const modalRowSchema = z
  .object({
    type: z.literal(ComponentType.ActionRow),
    id: componentIdSchema,
    components: list(modalRowItemSchema, { min: 1, max: COMPONENT_LIMITS.rowComponents }),
  })
  .check(checkRowWidth) satisfies z.ZodType<APIActionRowComponent<APITextInputComponent>>;

const labelledSchema = byType(
  new Map<number, z.ZodType<APIComponentInLabel>>([
    [ComponentType.TextInput, labelledTextInputSchema],
    [ComponentType.StringSelect, stringSelectSchema],
    [ComponentType.UserSelect, userSelectSchema],
    [ComponentType.RoleSelect, roleSelectSchema],
    [ComponentType.MentionableSelect, mentionableSelectSchema],
    [ComponentType.ChannelSelect, channelSelectSchema],
  ]),
);

const labelSchema = z.object({
  type: z.literal(ComponentType.Label),
  id: componentIdSchema,
  label: text({ min: 1, max: MODAL_LIMITS.label }),
  description: opt(text({ max: MODAL_LIMITS.labelDescription })),
  component: labelledSchema,
}) satisfies z.ZodType<APILabelComponent>;

const textDisplaySchema = z.object({
  type: z.literal(ComponentType.TextDisplay),
  id: componentIdSchema,
  content: text({ min: 1, max: MODAL_LIMITS.textDisplay }),
}) satisfies z.ZodType<APITextDisplayComponent>;

const modalTopLevelSchema = byType(
  new Map<number, z.ZodType<APIModalInteractionResponseCallbackComponent>>([
    [ComponentType.ActionRow, modalRowSchema],
    [ComponentType.Label, labelSchema],
    [ComponentType.TextDisplay, textDisplaySchema],
  ]),
);

function placedCustomIds(components: readonly APIModalInteractionResponseCallbackComponent[]): PlacedCustomId[] {
  return components.flatMap((component, index): PlacedCustomId[] => {
    switch (component.type) {
      case ComponentType.ActionRow:
        return component.components.map((input, inner) => ({ customId: input.custom_id, path: [index, 'components', inner] }));
      case ComponentType.Label:
        return [{ customId: component.component.custom_id, path: [index, 'component'] }];
      default:
        return [];
    }
  });
}

export const modalSchema = z.object({
  custom_id: customIdSchema,
  title: text({ min: 1, max: MODAL_LIMITS.title }),
  components: list(modalTopLevelSchema, { min: 1, max: MODAL_LIMITS.components }).check((ctx) =>
    checkUniqueCustomIds(ctx, placedCustomIds(ctx.value)),
  ),
}) satisfies z.ZodType<APIModalInteractionResponseCallbackData>;
