import { IntlMessageFormat } from 'intl-messageformat';
import type { Language, Reader } from './locales.js';

/** One language's messages: ICU MessageFormat strings (plurals, selects, numbers) by key. */
export type Messages<K extends string> = Readonly<Record<K, string>>;

/**
 * What a feature writes, in every language it has. English is the source; Spanish must hold every
 * key (the compiler says which is missing); Portuguese may hold some.
 */
export interface CatalogueSource<K extends string> {
  readonly en: Messages<K>;
  readonly es: Messages<K>;
  readonly 'pt-BR'?: Partial<Messages<K>>;
}

/** What a message's `{placeholders}` are filled with. */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** Writes one message for one reader: `t('problem.unknown-course', { query })`. */
export interface Translate<K extends string> {
  (key: K, values?: MessageValues): string;
  /** The language the reader reads first, for `Intl` formatting outside the catalogue. */
  readonly language: Language;
}

export interface Catalogue<K extends string> {
  readonly name: string;
  readonly source: CatalogueSource<K>;
  /** The messages for `reader`, each from the first of the reader's languages that has it. */
  for(reader: Reader): Translate<K>;
  /** Every key, in the order English declares them. */
  keys(): readonly K[];
}

export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

type Compiled<K extends string> = Readonly<Record<Language, ReadonlyMap<K, IntlMessageFormat>>>;

function compile<K extends string>(name: string, source: CatalogueSource<K>): Compiled<K> {
  const one = (language: Language): ReadonlyMap<K, IntlMessageFormat> => {
    const messages: Partial<Record<K, string>> = source[language] ?? {};
    const formats = new Map<K, IntlMessageFormat>();
    for (const [key, message] of Object.entries(messages) as [K, string | undefined][]) {
      if (message === undefined) continue;
      try {
        formats.set(key, new IntlMessageFormat(message, language));
      } catch (cause) {
        // A broken message is a bug in the catalogue: found when the bot starts, never when a member reads it.
        throw new CatalogueError(`The ${language} message "${key}" in the ${name} catalogue is not valid ICU MessageFormat`, { cause });
      }
    }
    return formats;
  };
  return { en: one('en'), es: one('es'), 'pt-BR': one('pt-BR') };
}

/**
 * A feature's messages. Every message is parsed here, once, so a mistake in a translation stops
 * the bot at start (and fails the tests) rather than reaching a member half-written.
 */
export function defineCatalogue<K extends string>(name: string, source: CatalogueSource<K>): Catalogue<K> {
  const compiled = compile(name, source);
  return {
    name,
    source,
    keys: () => Object.keys(source.en) as K[],
    for(reader) {
      const translate = (key: K, values?: MessageValues): string => {
        for (const language of reader) {
          const format = compiled[language].get(key);
          if (format !== undefined) return String(format.format(values));
        }
        // Unreachable while English holds every key, which its type demands.
        throw new CatalogueError(`The ${name} catalogue has no message "${key}"`);
      };
      return Object.assign(translate, { language: reader[0] });
    },
  };
}
