import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord-api-types/v10';
import { z } from 'zod';
import { componentEmojiSchema, componentIdSchema, customIdSchema } from './component-common.js';
import { FieldErrors } from './errors.js';
import { opt, report, snowflake, text, url } from './primitives.js';

/**
 * Buttons.
 *
 * Limits: Discord developer docs, Component Reference, "Button" (label max 80; styles 1-6; link
 * buttons need a `url` and no `custom_id`; the others need a `custom_id` and no `url`; premium
 * buttons need a `sku_id` and may not have a `custom_id`, `label`, `url` or `emoji`). Link URLs take
 * http, https and discord schemes.
 */

export const BUTTON_LABEL_MAX = 80;

const LINK_SCHEMES = ['http', 'https', 'discord'] as const;

const buttonFields = z.object({
  type: z.literal(ComponentType.Button),
  id: componentIdSchema,
  style: z.enum(ButtonStyle),
  label: opt(text({ max: BUTTON_LABEL_MAX })),
  emoji: opt(componentEmojiSchema),
  custom_id: opt(customIdSchema),
  url: opt(url(LINK_SCHEMES)),
  sku_id: opt(snowflake()),
  disabled: opt(z.boolean()),
});

/** One object shape in, and out the variant its style calls for, once the style's rules hold. */
export const buttonSchema = buttonFields.transform((button, ctx): APIButtonComponent => {
  const { type, id, style, label, emoji, custom_id, url, sku_id, disabled } = button;
  switch (style) {
    case ButtonStyle.Link:
      if (custom_id !== undefined) report(ctx, FieldErrors.buttonCustomIdUrlExclusive);
      if (url === undefined) {
        report(ctx, FieldErrors.buttonUrlRequired);
        return z.NEVER;
      }
      return { type, id, style, label, emoji, url, disabled };
    case ButtonStyle.Premium:
      if (custom_id !== undefined || label !== undefined || url !== undefined || emoji !== undefined) {
        report(ctx, FieldErrors.buttonPremiumFieldsForbidden);
      }
      if (sku_id === undefined) {
        report(ctx, FieldErrors.buttonSkuIdRequired);
        return z.NEVER;
      }
      return { type, id, style, sku_id, disabled };
    default:
      if (url !== undefined) report(ctx, FieldErrors.buttonCustomIdUrlExclusive);
      if (custom_id === undefined) {
        report(ctx, FieldErrors.buttonCustomIdRequired);
        return z.NEVER;
      }
      return { type, id, style, label, emoji, custom_id, disabled };
  }
});
