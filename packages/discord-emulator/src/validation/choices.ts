import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { z } from 'zod';
import { FieldErrors } from './errors.js';
import { localizationMap } from './localizations.js';
import { codePointLength, report, text } from './primitives.js';

/**
 * Choices: the fixed ones of a command option and the ones an autocomplete response suggests.
 *
 * Limits: Discord developer docs, Application Commands, "Application Command Option Choice
 * Structure" (name 1-100 characters; value a string of up to 100 characters, an integer or a
 * double, by option type) and "Application Command Option Type" (integers between -2^53+1 and
 * 2^53-1); at most 25 per option or autocomplete response (Receiving and Responding,
 * "Autocomplete"). The 1-character minimum on string values follows @discordjs/builders'
 * `choicesPredicate`.
 */

export const CHOICE_LIMITS = {
  choices: 25,
  name: 100,
  stringValue: 100,
} as const;

const choiceName = text({ min: 1, max: CHOICE_LIMITS.name });

export function choiceSchema<V extends z.ZodType<string | number>>(value: V) {
  return z.object({
    name: choiceName,
    name_localizations: localizationMap(choiceName).nullish(),
    value,
  });
}

export const stringChoiceValue = text({ min: 1, max: CHOICE_LIMITS.stringValue });

/** A suggestion may be for any option kind, so its value may be a string or a number. */
const anyChoiceValue = z.unknown().transform((value, ctx): string | number => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const length = codePointLength(value);
    if (length < 1 || length > CHOICE_LIMITS.stringValue) report(ctx, FieldErrors.badLength(1, CHOICE_LIMITS.stringValue));
    return value;
  }
  report(ctx, value === undefined || value === null ? FieldErrors.required : FieldErrors.notString(value));
  return z.NEVER;
});

export const autocompleteChoiceSchema = choiceSchema(anyChoiceValue) satisfies z.ZodType<APIApplicationCommandOptionChoice>;
