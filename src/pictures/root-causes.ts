import { picture, type Picture } from './picture.js';
import { element, line, rect, svgDocument, text } from './svg.js';
import type { TextMeasure } from './text.js';
import { CARD, THEME } from './theme.js';

/** What a group named as causes, for the Fishbone protocol's diagram. */
export interface FishboneData {
  /** The problem, at the fish's head. */
  readonly effect: string;
  readonly bones: readonly { readonly category: string; readonly causes: readonly string[] }[];
}

/** The problem and each "why?" with its answers, for the 5 Whys protocol's chain. */
export interface WhyChainData {
  readonly problem: string;
  readonly whys: readonly { readonly label: string; readonly answers: readonly string[] }[];
}

const PAD = CARD.padding;
/** Causes a bone shows; the rest are counted ("and 3 more"), and all are in the export. */
const CAUSES_SHOWN = 5;
const ANSWERS_SHOWN = 2;

function card(width: number, height: number, title: string, measure: TextMeasure, body: readonly string[]): string {
  return svgDocument(width, height, [
    rect(1, 1, width - 2, height - 2, THEME.card, { rx: CARD.radius, stroke: THEME.border, 'stroke-width': 2 }),
    text(PAD, 40, measure.fit(title, width - 2 * PAD, 22, 'bold'), { size: 22, weight: 'bold', fill: THEME.ink }),
    ...body,
  ]);
}

function shown(items: readonly string[], max: number): string[] {
  return items.length <= max ? [...items] : [...items.slice(0, max - 1), `and ${items.length - (max - 1)} more`];
}

/** A fishbone (Ishikawa) diagram: the effect at the head, a bone per category with its causes. */
export function fishboneDiagram(name: string, data: FishboneData, measure: TextMeasure): Picture {
  const width = 1000;
  const height = 600;
  const spineY = 330;
  const headX = 770;
  const top = data.bones.filter((_, index) => index % 2 === 0);
  const bottom = data.bones.filter((_, index) => index % 2 === 1);
  const columns = Math.max(1, top.length, bottom.length);
  const spacing = (headX - PAD - 20) / columns;
  const slant = 60;
  const bones = [top, bottom].flatMap((row, side) =>
    row.flatMap((bone, index) => {
      const x = PAD + 20 + spacing * (index + 1) - 10;
      const up = side === 0;
      const endY = up ? 92 : height - 36;
      const labelY = up ? 80 : height - 16;
      const lines = shown(bone.causes, CAUSES_SHOWN);
      return [
        line(x, spineY, x - slant, endY, THEME.greenDark, 3),
        text(x - slant, labelY, measure.fit(bone.category, spacing - 10, 16, 'bold'), { size: 16, weight: 'bold', fill: THEME.greenDark, anchor: 'start' }),
        ...lines.map((cause, k) => {
          // Causes hang beside the bone, one a line, from its far end towards the spine.
          const y = up ? endY + 22 + k * 34 : endY - 12 - (lines.length - 1 - k) * 34;
          const along = (y - spineY) / (endY - spineY);
          const cx = x - slant * along + 8;
          const more = cause.startsWith('and ') && k === lines.length - 1 && bone.causes.length > CAUSES_SHOWN;
          return text(cx, y, measure.fit(cause, spacing - 24, 14), { size: 14, fill: more ? THEME.muted : THEME.ink });
        }),
      ];
    }),
  );
  const effect = measure.wrap(data.effect, width - headX - PAD - 24, 17, 6, 'bold');
  const headTop = spineY - (effect.length * 22) / 2 - 16;
  const body = [
    line(PAD, spineY, headX, spineY, THEME.ink, 4),
    ...bones,
    rect(headX, headTop, width - headX - PAD, effect.length * 22 + 28, THEME.track, { rx: 10, stroke: THEME.greenDark, 'stroke-width': 2 }),
    ...effect.map((row, k) => text(headX + 12, headTop + 26 + k * 22, row, { size: 17, weight: 'bold', fill: THEME.ink })),
  ];
  const alt = `Fishbone diagram. Effect: ${data.effect}. ${data.bones.map((bone) => `${bone.category}: ${bone.causes.length === 0 ? 'no causes' : bone.causes.join('; ')}.`).join(' ')}`;
  return picture(name, card(width, height, 'Fishbone', measure, [element('g', {}, body.join(''))]), alt);
}

/** The chain of "why?": the problem, then each answer leading to the next. */
export function whyChain(name: string, data: WhyChainData, measure: TextMeasure): Picture {
  const width = 760;
  const boxWidth = width - 2 * PAD;
  let y = 60;
  const body: string[] = [];
  const boxes = [{ label: 'The problem', lines: measure.wrap(data.problem, boxWidth - 24, 16, 2, 'bold'), strong: true }].concat(
    data.whys.map((why) => ({
      label: why.label,
      lines: why.answers.length === 0 ? ['(no answer)'] : shown(why.answers, ANSWERS_SHOWN).map((answer) => measure.fit(answer, boxWidth - 24, 16)),
      strong: false,
    })),
  );
  boxes.forEach((box, index) => {
    const height = 34 + box.lines.length * 22;
    if (index > 0) {
      body.push(line(width / 2, y - 22, width / 2, y - 4, THEME.greenDark, 3), line(width / 2 - 7, y - 11, width / 2, y - 4, THEME.greenDark, 3), line(width / 2 + 7, y - 11, width / 2, y - 4, THEME.greenDark, 3));
    }
    body.push(
      rect(PAD, y, boxWidth, height, box.strong ? THEME.track : THEME.card, { rx: 10, stroke: box.strong ? THEME.greenDark : THEME.border, 'stroke-width': 2 }),
      text(PAD + 12, y + 22, box.label, { size: 14, weight: 'bold', fill: THEME.greenDark }),
      ...box.lines.map((row, k) => text(PAD + 12, y + 44 + k * 22, row, { size: 16, weight: box.strong ? 'bold' : 'regular', fill: THEME.ink })),
    );
    y += height + 26;
  });
  const height = y - 26 + PAD;
  const alt = `Why-chain. Problem: ${data.problem}. ${data.whys.map((why) => `${why.label}: ${why.answers.length === 0 ? 'no answer' : why.answers.join('; ')}.`).join(' ')}`;
  return picture(name, card(width, height, '5 Whys', measure, body), alt);
}
