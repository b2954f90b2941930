import { picture, type Picture } from './picture.js';
import { rect, svgDocument, text } from './svg.js';
import { drawable, type TextMeasure } from './text.js';
import { CARD, THEME } from './theme.js';

/** One course as its progress card shows it; every sentence is already in the member's words. */
export interface ProgressCardData {
  readonly title: string;
  readonly done: number;
  readonly total: number;
  /** The share done, written as the member's language writes a percentage ("58%", "58 %"). */
  readonly percentText: string;
  /** "7 of 12 lessons done" */
  readonly doneLine: string;
  /** "Next: Lesson 8 · Listening first", or how it ended ("Finished on 3 Dec 2026"). */
  readonly nextLine: string;
  /** "Streak: 3 weeks in a row"; undefined when there is none. */
  readonly streakLine: string | undefined;
  /** "Last lesson done 3 days ago"; undefined before the first one. */
  readonly activityLine: string | undefined;
  /** What the card shows, for people who can't see it. */
  readonly alt: string;
}

const WIDTH = 600;
/** Baselines: the next lesson, then a line each for the streak and the last activity. */
const NEXT_LINE = 166;
const LINE = 28;
const PAD = CARD.padding;
/** Up to this many lessons the bar shows one segment each, so they can be counted. */
const MAX_SEGMENTS = 20;

function bar(done: number, total: number, y: number, height: number): string[] {
  const width = WIDTH - 2 * PAD;
  const radius = height / 2;
  if (total > 0 && total <= MAX_SEGMENTS) {
    const gap = 4;
    const segment = (width - gap * (total - 1)) / total;
    return Array.from({ length: total }, (_, index) =>
      rect(PAD + index * (segment + gap), y, segment, height, index < done ? THEME.green : THEME.track, { rx: Math.min(radius, segment / 2) }),
    );
  }
  const filled = total === 0 ? 0 : (width * done) / total;
  return [rect(PAD, y, width, height, THEME.track, { rx: radius }), ...(filled > 0 ? [rect(PAD, y, Math.max(filled, height), height, THEME.green, { rx: radius })] : [])];
}

/** A course's progress at a glance: the share done as a bar and a number, and what comes next. */
export function progressCard(name: string, data: ProgressCardData, measure: TextMeasure): Picture {
  const percentText = drawable(data.percentText);
  const percentWidth = measure.width(percentText, 30, 'bold');
  const title = measure.fit(data.title, WIDTH - 2 * PAD, 26, 'bold');
  const extra = [
    ...(data.streakLine === undefined ? [] : [{ line: data.streakLine, weight: 'bold' as const, fill: THEME.greenDark }]),
    ...(data.activityLine === undefined ? [] : [{ line: data.activityLine, weight: 'regular' as const, fill: THEME.muted }]),
  ];
  const height = NEXT_LINE + LINE * Math.max(1, extra.length) + 20;
  const body = [
    rect(1, 1, WIDTH - 2, height - 2, THEME.card, { rx: CARD.radius, stroke: THEME.border, 'stroke-width': 2 }),
    text(PAD, 50, title, { size: 26, weight: 'bold', fill: THEME.ink }),
    ...bar(data.done, data.total, 70, 22),
    text(PAD, 134, measure.fit(data.doneLine, WIDTH - 2 * PAD - percentWidth - 16, 22, 'bold'), { size: 22, weight: 'bold', fill: THEME.ink }),
    text(WIDTH - PAD, 136, percentText, { size: 30, weight: 'bold', fill: THEME.greenDark, anchor: 'end' }),
    text(PAD, NEXT_LINE, measure.fit(data.nextLine, WIDTH - 2 * PAD, 20), { size: 20, fill: THEME.ink }),
    ...extra.map(({ line, weight, fill }, index) => text(PAD, NEXT_LINE + LINE * (index + 1), measure.fit(line, WIDTH - 2 * PAD, 18, weight), { size: 18, weight, fill })),
  ];
  return picture(name, svgDocument(WIDTH, height, body), data.alt);
}
