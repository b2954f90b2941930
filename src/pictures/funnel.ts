import { picture, type Picture } from './picture.js';
import { rect, svgDocument, text } from './svg.js';
import { drawable, type TextMeasure } from './text.js';
import { CARD, THEME } from './theme.js';

export interface FunnelStep {
  /** "Tenet 2 · Listening first" */
  readonly label: string;
  /** How many reached this step. */
  readonly count: number;
}

/** The words the funnel draws itself, in the reader's language. */
export interface FunnelWords {
  /** A step's count, written as the reader's language writes numbers ("10,000", "10.000"). */
  readonly count: (count: number) => string;
  /** Under a step: how many of the step before did not reach it ("−3 (20%)"), or that none dropped. */
  readonly dropOff: (previous: number, count: number) => string;
}

export interface FunnelData {
  readonly title: string;
  /** In order; the first is everyone (who joined). */
  readonly steps: readonly FunnelStep[];
  readonly words: FunnelWords;
  /** What the funnel shows, step by step, for people who can't see it. */
  readonly alt: string;
}

/** Narrow enough that the drop-off figures (15) are still 12 px high in Discord's 400-pixel preview. */
const WIDTH = 480;
const PAD = CARD.padding;
const HEADER = 64;
const ROW = 58;
const NUMBERS = 130;

/** A funnel: one bar a step, its width the share of everyone who reached it, with the drop from the step before. */
export function funnelChart(name: string, data: FunnelData, measure: TextMeasure): Picture {
  const everyone = data.steps[0]?.count ?? 0;
  const height = HEADER + ROW * data.steps.length + PAD - 8;
  const barWidth = WIDTH - 2 * PAD - NUMBERS;
  const rows = data.steps.flatMap((step, index) => {
    const top = HEADER + index * ROW;
    const previous = data.steps[index - 1];
    const share = everyone === 0 ? 0 : step.count / everyone;
    return [
      text(PAD, top + 20, measure.fit(step.label, barWidth, 17, 'bold'), { size: 17, weight: 'bold', fill: THEME.ink }),
      rect(PAD, top + 30, barWidth, 16, THEME.track, { rx: 8 }),
      ...(step.count > 0 ? [rect(PAD, top + 30, Math.max(16, barWidth * share), 16, THEME.green, { rx: 8 })] : []),
      text(WIDTH - PAD, top + 26, drawable(data.words.count(step.count)), { size: 22, weight: 'bold', fill: THEME.ink, anchor: 'end' }),
      ...(previous === undefined ? [] : [text(WIDTH - PAD, top + 47, measure.fit(data.words.dropOff(previous.count, step.count), NUMBERS - 8, 15), { size: 15, fill: previous.count > step.count ? THEME.red : THEME.muted, anchor: 'end' })]),
    ];
  });
  const body = [
    rect(1, 1, WIDTH - 2, height - 2, THEME.card, { rx: CARD.radius, stroke: THEME.border, 'stroke-width': 2 }),
    text(PAD, 42, measure.fit(data.title, WIDTH - 2 * PAD, 24, 'bold'), { size: 24, weight: 'bold', fill: THEME.ink }),
    ...rows,
  ];
  return picture(name, svgDocument(WIDTH, height, body), data.alt);
}
