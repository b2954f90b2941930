import { ComponentType } from 'discord-api-types/v10';
import { z } from 'zod';
import { FieldErrors } from './errors.js';
import { int, opt, report, repeatedIndices, snowflake, text, type IssueSink } from './primitives.js';

/**
 * What message and modal components share.
 *
 * Limits: Discord developer docs, Component Reference: "Anatomy of a Component" (`id` is a 32-bit
 * integer), "Custom ID" (max 100 characters, unique among the components of one message), "Action
 * Row" (up to 5 buttons, or a single select, or a single text input). The 1-character minimum on
 * `custom_id` is Discord's answer "Must be between 1 and 100 in length." quoted in bug reports and
 * matches @discordjs/builders' `customIdValidator`. Widths (a button 1 of 5, a select or text input
 * the whole row) are how Discord words the row rule: COMPONENT_LAYOUT_WIDTH_EXCEEDED.
 */

export const COMPONENT_LIMITS = {
  customId: 100,
  rowWidth: 5,
  rowComponents: 5,
} as const;

export const customIdSchema = text({ min: 1, max: COMPONENT_LIMITS.customId });

// @discordjs/builders' `idValidator`: a positive integer below 2^32.
export const componentIdSchema = opt(int({ min: 1, max: 2 ** 32 - 1 }));

export const componentEmojiSchema = z.object({
  id: opt(snowflake()),
  name: opt(z.string()),
  animated: opt(z.boolean()),
});

const widthOf = (type: ComponentType): number => (type === ComponentType.Button ? 1 : COMPONENT_LIMITS.rowWidth);

/** Flags every component of a row that no longer fits in its five units. */
export function checkRowWidth(ctx: z.core.ParsePayload<{ readonly components: readonly { readonly type: ComponentType }[] }>): void {
  let used = 0;
  ctx.value.components.forEach((component, index) => {
    used += widthOf(component.type);
    if (used > COMPONENT_LIMITS.rowWidth) report(ctx, FieldErrors.layoutWidthExceeded, ['components', index]);
  });
}

export interface PlacedCustomId {
  readonly customId: string;
  /** Where the component stands, relative to the value being checked. */
  readonly path: readonly PropertyKey[];
}

/** Reports every repeat of a `custom_id` already used earlier in the same message or modal. */
export function checkUniqueCustomIds(ctx: IssueSink, placed: readonly PlacedCustomId[]): void {
  for (const index of repeatedIndices(placed, (p) => p.customId)) {
    const repeat = placed[index];
    if (repeat !== undefined) report(ctx, FieldErrors.customIdDuplicated, [...repeat.path, 'custom_id']);
  }
}
