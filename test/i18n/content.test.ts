import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localize, translationsSchema } from '../../src/i18n/content.js';
import { readerOf } from '../../src/i18n/locales.js';

const lesson = { title: 'Prepare your soil', summary: 'Why roots matter.' };
const translations = { es: { title: 'Prepara tu suelo', summary: 'Por qué importan las raíces.' }, 'pt-BR': { title: 'Prepare seu solo' } };

describe('translated content', () => {
  it('reads each field in the first of the reader’s languages that has it', () => {
    expect(localize(lesson, translations, readerOf('es-ES'))).toEqual({ value: translations.es, translated: true });
    expect(localize(lesson, translations, readerOf('pt-BR', 'es-ES'))).toEqual({ value: { title: 'Prepare seu solo', summary: 'Por qué importan las raíces.' }, translated: true });
    expect(localize(lesson, translations, readerOf('pt-BR'))).toEqual({ value: { title: 'Prepare seu solo', summary: 'Why roots matter.' }, translated: true });
  });

  it('stays as written, and says so, for a reader whose language it has no translation in', () => {
    expect(localize(lesson, translations, readerOf('fr'))).toEqual({ value: lesson, translated: false });
    expect(localize(lesson, undefined, readerOf('es-ES'))).toEqual({ value: lesson, translated: false });
  });

  it('validates translations against the fields that may be translated', () => {
    const schema = translationsSchema(z.object({ title: z.string().min(1), summary: z.string() }));
    expect(schema.safeParse(translations).success).toBe(true);
    expect(schema.safeParse({ es: { titel: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ fr: { title: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ es: { title: '' } }).success).toBe(false);
  });
});
