import { describe, expect, it } from 'vitest';
import { CatalogueError, defineCatalogue } from '../../src/i18n/catalogue.js';
import { languageOf, readerOf } from '../../src/i18n/locales.js';

describe('languages', () => {
  it('serve the Discord locales they cover, and none they do not', () => {
    expect(['en-US', 'en-GB', 'es-ES', 'es-419', 'pt-BR', 'fr', 'de', null, undefined].map(languageOf)).toEqual(['en', 'en', 'es', 'es', 'pt-BR', undefined, undefined, undefined, undefined]);
  });

  it('make a reader that tries the member, then the server, then English, once each', () => {
    expect(readerOf('fr', 'es-419', 'es-ES', undefined)).toEqual(['es', 'en']);
    expect(readerOf('pt-BR', 'es')).toEqual(['pt-BR', 'es', 'en']);
    expect(readerOf(null)).toEqual(['en']);
  });
});

describe('a catalogue', () => {
  const greetings = defineCatalogue('greetings', {
    en: { hello: 'Hello, {name}!', courses: 'You are in {count, plural, one {# course} other {# courses}}.' },
    es: { hello: '¡Hola, {name}!', courses: 'Estás en {count, plural, one {# curso} other {# cursos}}.' },
    'pt-BR': { hello: 'Olá, {name}!' },
  });

  it('writes in the reader’s first language, with its plural rules and number format', () => {
    const t = greetings.for(readerOf('es-ES'));
    expect(t('hello', { name: 'Ana' })).toBe('¡Hola, Ana!');
    expect(t('courses', { count: 1 })).toBe('Estás en 1 curso.');
    expect(t('courses', { count: 1200 })).toBe('Estás en 1200 cursos.');
    expect(greetings.for(readerOf('en-US'))('courses', { count: 1200 })).toBe('You are in 1,200 courses.');
    expect(t.language).toBe('es');
  });

  it('falls back, per message, to the next language the reader has', () => {
    const t = greetings.for(readerOf('pt-BR', 'es-ES'));
    expect(t('hello', { name: 'Bia' })).toBe('Olá, Bia!');
    expect(t('courses', { count: 2 })).toBe('Estás en 2 cursos.');
    expect(greetings.for(readerOf('pt-BR'))('courses', { count: 2 })).toBe('You are in 2 courses.');
  });

  it('refuses a message that is not valid ICU when it is defined, not when it is read', () => {
    expect(() => defineCatalogue('broken', { en: { a: 'Fine' }, es: { a: 'Roto {' } })).toThrow(CatalogueError);
  });
});
