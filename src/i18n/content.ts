import { z } from 'zod';
import type { Language, Reader } from './locales.js';

/** The languages content is translated into; the files themselves are written in English. */
export const TRANSLATED_LANGUAGES = ['es', 'pt-BR'] as const satisfies readonly Language[];
type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];

/** Translations of some of an item's text fields, by language: the `translations` field of a content item. */
export type Translations<T> = Readonly<Partial<Record<TranslatedLanguage, Readonly<Partial<T>>>>>;

/**
 * The zod schema of an item's `translations` field, from the schema of the fields that may be
 * translated: every field optional (a translation may cover some), nothing else allowed (a typo
 * in a field name is an error, not a field silently left in English).
 */
export function translationsSchema<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  return z.partialRecord(z.enum(TRANSLATED_LANGUAGES), fields.partial().strict()).optional();
}

export interface Localized<T> {
  readonly value: T;
  /** Whether any field came from a translation: a translated tenet says it is one. */
  readonly translated: boolean;
}

/**
 * An item as `reader` reads it: each translatable field from the first of the reader's languages
 * that has it, down to the English it was written in. A language with no translation (or a field
 * a translation skips) falls through to the next language, never to an empty field.
 */
export function localize<T extends object>(original: T, translations: Translations<T> | undefined, reader: Reader): Localized<T> {
  const value: Partial<T> = { ...original };
  let translated = false;
  for (const field of Object.keys(original) as (keyof T)[]) {
    for (const language of reader) {
      // English is what the item itself says.
      if (language === 'en') break;
      const word = translations?.[language]?.[field];
      if (word !== undefined) {
        value[field] = word;
        translated = true;
        break;
      }
    }
  }
  return { value: value as T, translated };
}
