import { beforeAll, describe, expect, it } from 'vitest';
import { createPictureRenderer, fishboneDiagram, funnelChart, progressCard, runHistoryChart, whyChain, type Picture, type TextMeasure } from '../../src/pictures/index.js';
import { CARD, THEME } from '../../src/pictures/theme.js';
import { contrast, edgeProblems, previewProblems, seeThroughPixels, smallestPreviewText, textProblems } from '../support/picture-checks.js';
import { LARGE_COURSE, LARGE_FISHBONE, LARGE_FUNNEL, LARGE_HISTORY, LARGE_WHY_CHAIN, SPANISH_FISHBONE, SPANISH_FUNNEL, SPANISH_HISTORY, SPANISH_WHY_CHAIN } from './samples.js';

const renderer = createPictureRenderer();
let measure: TextMeasure;
beforeAll(async () => {
  measure = await renderer.textMeasure();
});

/** Every kind of picture, at its largest and in its other shapes (no streak yet, a course not started, an empty chain). */
const KINDS: ReadonlyArray<readonly [string, (text: TextMeasure) => Picture]> = [
  ['progress card', (text) => progressCard('a.png', LARGE_COURSE, text)],
  ['progress card, not started', (text) => progressCard('a.png', { ...LARGE_COURSE, done: 0, total: 12, streakLine: undefined, activityLine: undefined }, text)],
  ['onboarding funnel', (text) => funnelChart('a.png', LARGE_FUNNEL, text)],
  ['ritual history', (text) => runHistoryChart('a.png', LARGE_HISTORY, text)],
  ['fishbone', (text) => fishboneDiagram('a.png', LARGE_FISHBONE, text)],
  ['why-chain', (text) => whyChain('a.png', LARGE_WHY_CHAIN, text)],
  ['why-chain, no answers yet', (text) => whyChain('a.png', { ...LARGE_WHY_CHAIN, problem: 'A problem', whys: [{ label: 'Why? (1)', answers: [] }] }, text)],
  ['onboarding funnel, in Spanish', (text) => funnelChart('a.png', SPANISH_FUNNEL, text)],
  ['ritual history, in Spanish', (text) => runHistoryChart('a.png', SPANISH_HISTORY, text)],
  ['fishbone, in Spanish', (text) => fishboneDiagram('a.png', SPANISH_FISHBONE, text)],
  ['why-chain, in Spanish', (text) => whyChain('a.png', SPANISH_WHY_CHAIN, text)],
];

describe('pictures on Discord’s dark and light themes', () => {
  it.each(KINDS)('%s: every text has 4.5:1 contrast against what it sits on', (_, build) => {
    expect(textProblems(build(measure).svg, measure)).toEqual([]);
  });

  it.each(KINDS)('%s: an opaque card whose edge stands 3:1 apart from both chat backgrounds', async (_, build) => {
    const picture = build(measure);
    expect(edgeProblems(picture.svg)).toEqual([]);
    expect(seeThroughPixels(await renderer.render(picture), CARD.radius)).toBe(0);
  });

  it('catches a faint text colour, a see-through background, a faint edge and text left on the chat background', () => {
    const faint = progressCard('a.png', LARGE_COURSE, measure).svg.replace(`fill="${THEME.muted}"`, 'fill="#a3aba5"');
    expect(textProblems(faint, measure)).toEqual([{ kind: 'contrast', detail: expect.stringMatching(/^"Last session done yesterday" \(#a3aba5\) on #fbfaf6: 2\.\d\d:1$/) }]);

    const svg = (card: string, body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">${card}${body}</svg>`;
    const card = `<rect x="1" y="1" width="298" height="98" fill="${THEME.card}" rx="14" stroke="#cfd8d0" stroke-width="2"/>`;
    expect(edgeProblems(svg(card, ''))).toEqual([{ kind: 'edge', detail: "the card's edge (#cfd8d0) on the light chat background: 1.46:1" }]);

    const seeThrough = `<rect x="10" y="10" width="200" height="60" fill="#1d2721" fill-opacity="0.2"/><text x="20" y="40" font-size="16" font-weight="400" fill="#ffffff">Hello</text>`;
    expect(textProblems(svg(card, seeThrough), measure).map((p) => p.kind)).toEqual(['not-opaque']);

    const outside = `<text x="400" y="40" font-size="16" font-weight="400" fill="${THEME.ink}">Hello</text>`;
    expect(textProblems(svg(card, outside), measure)).toEqual([{ kind: 'contrast', detail: expect.stringMatching(/^"Hello" \(#1d2721\) on the dark chat background/) }]);

    const spilling = `<text x="200" y="40" font-size="16" font-weight="400" fill="${THEME.ink}">Hello there, friends</text>`;
    expect(textProblems(svg(card, spilling), measure).map((p) => p.kind)).toEqual(['off-background']);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

describe('pictures at Discord’s preview size', () => {
  it.each(KINDS)('%s: the smallest text is still 11 px high scaled to 400 px wide', (_, build) => {
    const { svg } = build(measure);
    expect(previewProblems(svg)).toEqual([]);
    expect(smallestPreviewText(svg)).toBeGreaterThanOrEqual(11);
  });

  it('catches text too small for the preview', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="100" viewBox="0 0 800 100"><text x="20" y="40" font-size="20" font-weight="400" fill="#000000">Tiny</text></svg>`;
    expect(previewProblems(svg)).toEqual([{ kind: 'too-small', detail: '"Tiny" is 10.0 px high in the preview' }]);
  });
});
