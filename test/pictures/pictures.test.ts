import { courseMessages } from '../../src/courses/discord/messages.js';
import { readerOf } from '../../src/i18n/locales.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALT_TEXT_LIMIT, createPictureRenderer, drawable, fishboneDiagram, type TextMeasure, funnelChart, progressCard, runHistoryChart, whyChain } from '../../src/pictures/index.js';
import { comparePngs, expectLikeReference, REFERENCES } from '../support/pictures.js';
import { LARGE_COURSE, LARGE_FUNNEL, LARGE_HISTORY, SPANISH_FISHBONE, SPANISH_FUNNEL, SPANISH_HISTORY, SPANISH_WHY_CHAIN } from './samples.js';

const renderer = createPictureRenderer();
let text: TextMeasure;
beforeAll(async () => {
  text = await renderer.textMeasure();
});

describe('pictures', () => {
  it('draws the largest realistic data like the committed references', async () => {
    expectLikeReference(await renderer.render(progressCard('card.png', LARGE_COURSE, text)), 'large-course-progress.png');
    expectLikeReference(await renderer.render(funnelChart('funnel.png', LARGE_FUNNEL, text)), 'large-onboarding-funnel.png');
    expectLikeReference(await renderer.render(runHistoryChart('history.png', LARGE_HISTORY, text)), 'large-ritual-history.png');
  });

  it('shows the current references in docs/', () => {
    const copies = { 'course-progress.png': 'course-progress.png', 'onboarding-funnel.png': 'large-onboarding-funnel.png', 'ritual-history.png': 'large-ritual-history.png', 'fishbone.png': 'fishbone.png', 'why-chain.png': 'why-chain.png' };
    for (const [doc, reference] of Object.entries(copies)) {
      expect(readFileSync(new URL(`../../docs/pictures/${doc}`, import.meta.url)).equals(readFileSync(join(REFERENCES, reference))), doc).toBe(true);
    }
  });

  it('makes the same bytes from the same data', async () => {
    const card = progressCard('card.png', LARGE_COURSE, text);
    expect(progressCard('card.png', LARGE_COURSE, text)).toEqual(card);
    expect((await renderer.render(card)).equals(await renderer.render(card))).toBe(true);
  });

  it('tells a changed picture from the reference: one more lesson done is more than the tolerance', async () => {
    const reference = await renderer.render(progressCard('card.png', LARGE_COURSE, text));
    const changed = await renderer.render(progressCard('card.png', { ...LARGE_COURSE, done: 32, percentText: '64%' }, text));
    const difference = comparePngs(changed, reference);
    if (difference === 'different size') throw new Error('expected the same size');
    expect(difference.differing).toBeGreaterThan(difference.width * difference.height * 0.002);
  });

  it('keeps member text as text: XML is escaped and the picture still renders', async () => {
    const title = '<script>alert("hi")</script> & </text><text>injected';
    const card = progressCard('card.png', { ...LARGE_COURSE, title, nextLine: `Next: ${title}` }, text);
    expect(card.svg).not.toContain('<script>');
    expect(card.svg).not.toContain('</text><text>injected');
    expect(card.svg).toContain('&#60;script&#62;alert(&#34;hi&#34;)');
    const png = PNG.sync.read(await renderer.render(card));
    expect([png.width, png.height]).toEqual([600, 242]);
  });

  it('leaves emoji out, which the font can’t draw, so no empty boxes appear', () => {
    expect(drawable('Poems 🌱✨ for 👩🏽‍🏫 teachers 🇬🇧 1️⃣')).toBe('Poems for teachers 1');
    const card = progressCard('card.png', { ...LARGE_COURSE, title: 'Welcome 🌱' }, text);
    expect(card.svg).toContain('>Welcome</text>');
  });

  it('cuts a long title at a word, with an ellipsis, to fit its room', () => {
    const fitted = text.fit('From Root Causes to Grassroots Action, · and everything that comes after it', 300, 26, 'bold');
    expect(fitted).toBe('From Root Causes to…');
    expect(text.width(fitted, 26, 'bold')).toBeLessThanOrEqual(300);
    expect(text.fit('Short', 300, 26)).toBe('Short');
  });

  it('keeps every text alternative within Discord’s 1,024 characters', () => {
    const long = 'A very long ritual name that goes on '.repeat(30);
    const history = runHistoryChart('h.png', { ...LARGE_HISTORY, alt: long }, text);
    expect(history.alt.length).toBe(ALT_TEXT_LIMIT);
    expect(history.alt.endsWith('…')).toBe(true);
  });

  it('draws the words its caller gives, in their language, and is described in them', () => {
    /** What a picture draws, as the texts of its SVG. */
    const drawn = (svg: string) => [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((match) => match[1] ?? '');
    const funnel = funnelChart('f.png', SPANISH_FUNNEL, text);
    expect(funnel.alt).toBe('Gráfico de embudo, Bienvenida · todo el tiempo.');
    // Spanish writes a space before %; drawn, it is a plain one.
    expect(drawn(funnel.svg)).toEqual(expect.arrayContaining(['10.000', 'sin bajas', '−1023 (10 %)', 'Principio 2 · Sé amable']));

    const history = runHistoryChart('h.png', SPANISH_HISTORY, text);
    expect(history.alt).toBe('Rituales · las últimas 12 publicaciones.');
    expect(drawn(history.svg)).toEqual(expect.arrayContaining(['antes → ahora', 'publicada', 'perdida', 'fallida', 'saltada', 'en curso', 'números: “Lo escuché”', '9,9k']));

    const fishbone = fishboneDiagram('f.png', SPANISH_FISHBONE, text);
    expect(fishbone.alt).toBe('Diagrama de espina de pescado.');
    expect(drawn(fishbone.svg)).toEqual(expect.arrayContaining(['Espina de pescado', 'y 4 más']));

    const chain = whyChain('w.png', SPANISH_WHY_CHAIN, text);
    expect(chain.alt).toBe('Cadena de porqués.');
    expect(drawn(chain.svg)).toEqual(expect.arrayContaining(['5 porqués', 'El problema', 'y 3 más', '(sin respuesta)', '¿Por qué? (1 de 5)']));

    const card = progressCard('c.png', { ...LARGE_COURSE, percentText: courseMessages.for(readerOf('es-ES'))('card.percent', { share: 0.62 }) }, text);
    expect(drawn(card.svg)).toContain('62 %');

    // Nothing English is left in them.
    const english = ['no drop', 'older', 'newer', 'posted', 'missed', 'under way', 'I listened', 'Fishbone', '5 Whys', 'The problem', 'no answer', 'more'];
    for (const svg of [funnel.svg, history.svg, fishbone.svg, chain.svg]) expect(drawn(svg).filter((words) => english.some((word) => words.includes(word)))).toEqual([]);
  });
});
