import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord-api-types/v10';
import { z } from 'zod';
import { buttonSchema } from './buttons.js';
import { checkRowWidth, checkUniqueCustomIds, COMPONENT_LIMITS, componentIdSchema, type PlacedCustomId } from './component-common.js';
import { byType, list } from './primitives.js';
import { channelSelectSchema, mentionableSelectSchema, roleSelectSchema, stringSelectSchema, userSelectSchema } from './selects.js';

/**
 * The `components` of a message, in the classic layout: up to five action rows, each holding up to
 * five buttons or one select, every `custom_id` unique across the message.
 *
 * Limits: Discord developer docs, Component Reference, "Action Row" and "Custom ID", and "Legacy
 * Message Component Behavior" (5 rows). Errors as Discord gives them in real answers: too many rows
 * is BASE_TYPE_MAX_LENGTH on `components`, an empty or overfull row BASE_TYPE_BAD_LENGTH on the
 * row's `components`, a type out of place UNION_TYPE_CHOICES on the component, a repeated id
 * COMPONENT_CUSTOM_ID_DUPLICATED on the repeat's `custom_id`.
 *
 * Components V2 (the IS_COMPONENTS_V2 flag: sections, containers, text displays...) is not
 * emulated; the message validators refuse that flag, so only action rows stand at the top.
 */

export const MAX_ACTION_ROWS = 5;

const rowItemSchema = byType(
  new Map<number, z.ZodType<APIComponentInMessageActionRow>>([
    [ComponentType.Button, buttonSchema],
    [ComponentType.StringSelect, stringSelectSchema],
    [ComponentType.UserSelect, userSelectSchema],
    [ComponentType.RoleSelect, roleSelectSchema],
    [ComponentType.MentionableSelect, mentionableSelectSchema],
    [ComponentType.ChannelSelect, channelSelectSchema],
  ]),
);

export const messageActionRowSchema = z
  .object({
    type: z.literal(ComponentType.ActionRow),
    id: componentIdSchema,
    components: list(rowItemSchema, { min: 1, max: COMPONENT_LIMITS.rowComponents }),
  })
  .check(checkRowWidth) satisfies z.ZodType<APIActionRowComponent<APIComponentInMessageActionRow>>;

type MessageActionRow = z.output<typeof messageActionRowSchema>;

const topLevelSchema = byType(new Map<number, z.ZodType<MessageActionRow>>([[ComponentType.ActionRow, messageActionRowSchema]]));

/** Link and premium buttons carry no `custom_id`, so they never collide. */
function customIdOf(component: APIComponentInMessageActionRow): string | undefined {
  if (component.type !== ComponentType.Button) return component.custom_id;
  return component.style === ButtonStyle.Link || component.style === ButtonStyle.Premium ? undefined : component.custom_id;
}

function placedCustomIds(rows: readonly MessageActionRow[]): PlacedCustomId[] {
  return rows.flatMap((row, rowIndex) =>
    row.components.flatMap((component, index) => {
      const customId = customIdOf(component);
      return customId === undefined ? [] : [{ customId, path: [rowIndex, 'components', index] }];
    }),
  );
}

export const messageComponentsSchema = list(topLevelSchema, { max: MAX_ACTION_ROWS }).check((ctx) =>
  checkUniqueCustomIds(ctx, placedCustomIds(ctx.value)),
);
