import type { Catalogue, MessageValues } from '../../src/i18n/catalogue.js';
import { ENGLISH, readerOf } from '../../src/i18n/locales.js';
import { interactionMessages } from '../../src/interactions/messages.js';

/** What a catalogue says to a reader of `locale` (English by default): what a test expects to see. */
export function said<K extends string>(catalogue: Catalogue<K>, key: K, values?: MessageValues, locale?: string): string {
  return catalogue.for(locale === undefined ? ENGLISH : readerOf(locale))(key, values);
}

/** What the router itself says (server-only, stale buttons, not allowed, database busy). */
export const routerSays = (key: Parameters<ReturnType<typeof interactionMessages.for>>[0], locale?: string): string => said(interactionMessages, key, undefined, locale);

/**
 * The English messages of a catalogue that say something of their own (no placeholders) and that
 * Spanish says differently: none of them may reach a Spanish reader.
 */
export function englishOnly<K extends string>(catalogue: Catalogue<K>): string[] {
  return catalogue
    .keys()
    .map((key) => catalogue.source.en[key])
    .filter((english) => !english.includes('{') && english.length >= 8 && !Object.values<string>(catalogue.source.es).includes(english));
}
