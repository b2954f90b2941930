import type { Catalogue, MessageValues } from '../../src/i18n/catalogue.js';
import { ENGLISH, readerOf } from '../../src/i18n/locales.js';
import { interactionMessages } from '../../src/interactions/messages.js';

/** What a catalogue says to a reader of `locale` (English by default): what a test expects to see. */
export function said<K extends string>(catalogue: Catalogue<K>, key: K, values?: MessageValues, locale?: string): string {
  return catalogue.for(locale === undefined ? ENGLISH : readerOf(locale))(key, values);
}

/** What the router itself says (server-only, stale buttons, not allowed, database busy). */
export const routerSays = (key: Parameters<ReturnType<typeof interactionMessages.for>>[0], locale?: string): string => said(interactionMessages, key, undefined, locale);
