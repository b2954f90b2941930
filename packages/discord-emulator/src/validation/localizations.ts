import { z } from 'zod';
import { DISCORD_LOCALES } from '../locales.js';
import { FieldErrors } from './errors.js';
import { report } from './primitives.js';

/**
 * `name_localizations` / `description_localizations`: keys from Discord's locale list, values under
 * the same rules as the field they translate (Discord developer docs, Application Commands,
 * "Application Command Structure": "Values follow the same restrictions as `name`"; Reference,
 * "Locales"). A null value withdraws one translation.
 */

export function localizationMap(value: z.ZodType<string>) {
  return z.record(z.string(), value.nullable()).check((ctx) => {
    for (const key of Object.keys(ctx.value)) {
      if (!DISCORD_LOCALES.has(key)) report(ctx, FieldErrors.enumValue(key), [key]);
    }
  });
}
