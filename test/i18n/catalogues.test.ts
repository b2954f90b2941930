import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import { COMPLETE_LANGUAGES, LANGUAGES } from '../../src/i18n/locales.js';
import { ROOT, sourceFiles } from '../support/import-graph.js';

/** Catalogues must cover everything in these languages even where the third language is partial. */
const THIRD_LANGUAGE_COMPLETE: readonly string[] = ['interactions', 'onboarding'];

const isCatalogue = (value: unknown): value is Catalogue<string> =>
  typeof value === 'object' && value !== null && 'source' in value && 'for' in value && 'name' in value;

async function catalogues(): Promise<Catalogue<string>[]> {
  const files = sourceFiles('src').filter((file) => path.posix.basename(file) === 'messages.ts');
  const found: Catalogue<string>[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
    found.push(...Object.values(module).filter(isCatalogue));
  }
  return found;
}

/** The names a message fills in (`{name}`, `{count, plural, …}`), nested ones included. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('message catalogues', async () => {
  const all = await catalogues();

  it('are found, one per feature and one for the router', () => {
    expect(sorted(all.map((catalogue) => catalogue.name))).toEqual(['about', 'courses', 'interactions', 'onboarding', 'presentation', 'privacy', 'protocols', 'rituals']);
  });

  for (const catalogue of all) {
    describe(catalogue.name, () => {
      const english = catalogue.source.en;
      for (const language of LANGUAGES.filter((l) => l !== 'en')) {
        const messages: Readonly<Record<string, string | undefined>> = catalogue.source[language] ?? {};
        const complete = COMPLETE_LANGUAGES.includes(language) || THIRD_LANGUAGE_COMPLETE.includes(catalogue.name);

        it(`has ${complete ? 'every' : 'only English’s'} key in ${language}`, () => {
          const keys = Object.keys(messages).filter((key) => messages[key] !== undefined);
          expect(keys.filter((key) => !(key in english))).toEqual([]);
          if (complete) expect(sorted(Object.keys(english).filter((key) => !keys.includes(key)))).toEqual([]);
        });

        it(`fills in the same names as English in ${language}, so no value is lost or invented`, () => {
          const mismatched = Object.entries(messages).flatMap(([key, message]) => {
            const source = english[key];
            if (message === undefined || source === undefined) return [];
            const want = sorted(argumentsOf(parse(source)));
            const got = sorted(argumentsOf(parse(message)));
            return want.join() === got.join() ? [] : [`${key}: English fills ${want.join(', ') || 'nothing'}, ${language} fills ${got.join(', ') || 'nothing'}`];
          });
          expect(mismatched).toEqual([]);
        });
      }
    });
  }
});
