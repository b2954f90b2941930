/**
 * The languages the bot writes in. English and Spanish are complete; Brazilian Portuguese covers
 * onboarding (and whatever else has been translated), falling back to the next language the reader
 * has for anything it lacks.
 */
export const LANGUAGES = ['en', 'es', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Languages whose catalogues must hold every key; the others may hold some. */
export const COMPLETE_LANGUAGES: readonly Language[] = ['en', 'es'];

/** Each language's own name, as a moderator choosing it would look for it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Español', 'pt-BR': 'Português (Brasil)' };

/**
 * The Discord locales (developer docs, Reference, "Locales") each language serves: what command
 * localizations are published under, and which clients read which catalogue.
 */
export const DISCORD_LOCALES_OF: Readonly<Record<Language, readonly string[]>> = {
  en: ['en-US', 'en-GB'],
  es: ['es-ES', 'es-419'],
  'pt-BR': ['pt-BR'],
};

/** The language that serves a Discord locale (`es-419` → `es`), or undefined when none does. */
export function languageOf(code: string | null | undefined): Language | undefined {
  if (code === null || code === undefined) return undefined;
  for (const language of LANGUAGES) {
    if (language === code || DISCORD_LOCALES_OF[language].includes(code)) return language;
  }
  return undefined;
}

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/**
 * Who reads a message, as the languages to try in order: the reader's own, then the server's,
 * then English. Always ends in English, so every key has somewhere to come from.
 */
export type Reader = readonly [Language, ...Language[]];

/** Someone who reads English only: logs, the dashboard, tests. */
export const ENGLISH: Reader = ['en'];

/** A reader from locales in order of preference; ones the bot has no catalogue for are passed over. */
export function readerOf(...preferences: ReadonlyArray<string | null | undefined>): Reader {
  const chain: Language[] = [];
  for (const preference of preferences) {
    const language = languageOf(preference);
    if (language !== undefined && !chain.includes(language)) chain.push(language);
  }
  if (!chain.includes(DEFAULT_LANGUAGE)) chain.push(DEFAULT_LANGUAGE);
  return chain as [Language, ...Language[]];
}

/** The language a reader reads first: what `Intl` formats numbers, lists and dates in. */
export const firstLanguage = (reader: Reader): Language => reader[0];
