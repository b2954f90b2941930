import { picture, type Picture } from './picture.js';
import { element, line, rect, svgDocument, text } from './svg.js';
import type { TextMeasure } from './text.js';
import { CARD, THEME } from './theme.js';

/** The words the fishbone draws itself, in the reader's language. */
export interface FishboneWords {
  /** The card's title: "Fishbone". */
  readonly title: string;
  /** In a bone's last place when it has more causes than it shows: "and 3 more". */
  readonly more: (count: number) => string;
}

/** What a group named as causes, for the Fishbone protocol's diagram. */
export interface FishboneData {
  /** The problem, at the fish's head. */
  readonly effect: string;
  readonly bones: readonly { readonly category: string; readonly causes: readonly string[] }[];
  readonly words: FishboneWords;
  /** The problem and every cause under its category, for people who can't see the diagram. */
  readonly alt: string;
}

/** The words the why-chain draws itself, in the reader's language. */
export interface WhyChainWords {
  /** The card's title: "5 Whys". */
  readonly title: string;
  /** The first box's label: "The problem". */
  readonly problem: string;
  /** In a "why?" nobody answered: "(no answer)". */
  readonly noAnswer: string;
  /** In a box's last place when it has more answers than it shows: "and 3 more". */
  readonly more: (count: number) => string;
}

/** The problem and each "why?" with its answers, for the 5 Whys protocol's chain. */
export interface WhyChainData {
  readonly problem: string;
  readonly whys: readonly { readonly label: string; readonly answers: readonly string[] }[];
  readonly words: WhyChainWords;
  /** The problem and every answer to each "why?", for people who can't see the chain. */
  readonly alt: string;
}

const PAD = CARD.padding;
/** Causes a bone shows; the rest are counted ("and 3 more"), and all are in the export. */
const CAUSES_SHOWN = 4;
const ANSWERS_SHOWN = 2;

/*
 * Discord's preview shows a picture about 400 pixels wide, so each picture is only as wide as keeps
 * its smallest text 11 pixels high there.
 */

function card(width: number, height: number, title: string, measure: TextMeasure, body: readonly string[]): string {
  return svgDocument(width, height, [
    rect(1, 1, width - 2, height - 2, THEME.card, { rx: CARD.radius, stroke: THEME.border, 'stroke-width': 2 }),
    text(PAD, 40, measure.fit(title, width - 2 * PAD, 22, 'bold'), { size: 22, weight: 'bold', fill: THEME.ink }),
    ...body,
  ]);
}

/** The first `max` items, the last place given to "and N more" when there are more. */
function shown(items: readonly string[], max: number, more: (count: number) => string): { readonly text: string; readonly more: boolean }[] {
  if (items.length <= max) return items.map((item) => ({ text: item, more: false }));
  return [...items.slice(0, max - 1).map((item) => ({ text: item, more: false })), { text: more(items.length - (max - 1)), more: true }];
}

const FISH = { width: 720, size: 20, lineHeight: 24, causeGap: 8, slant: 44, head: 36 } as const;

/**
 * A fishbone (Ishikawa) diagram: the problem in a box above, the spine ending in the fish's head,
 * and a bone per category with its causes beside it (each cause on up to two lines).
 */
export function fishboneDiagram(name: string, data: FishboneData, measure: TextMeasure): Picture {
  const { width, size, lineHeight, causeGap, slant } = FISH;
  const effect = measure.wrap(data.effect, width - 2 * PAD - 24, size, 3, 'bold');
  const effectTop = 58;
  const effectHeight = 22 + effect.length * 26;
  const sides = [data.bones.filter((_, index) => index % 2 === 0), data.bones.filter((_, index) => index % 2 === 1)];
  const columns = Math.max(1, ...sides.map((side) => side.length));
  const left = PAD;
  const right = width - PAD - FISH.head;
  const spacing = (right - left - slant) / columns;
  const textWidth = spacing - 20;
  const laidOut = sides.map((side) =>
    side.map((bone) => ({ category: bone.category, causes: shown(bone.causes, CAUSES_SHOWN, data.words.more).map((cause) => ({ ...cause, lines: measure.wrap(cause.text, textWidth, size, 2) })) })),
  );
  const blockHeight = (bone: (typeof laidOut)[number][number]) => bone.causes.reduce((sum, cause) => sum + cause.lines.length * lineHeight + causeGap, 0);
  const [topBlock, bottomBlock] = laidOut.map((side) => Math.max(0, ...side.map(blockHeight))) as [number, number];
  const topEnd = effectTop + effectHeight + 40;
  const spineY = topEnd + topBlock + 24;
  const bottomEnd = spineY + bottomBlock + 24;
  const height = bottomEnd + 40;
  const body: string[] = [
    rect(PAD, effectTop, width - 2 * PAD, effectHeight, THEME.track, { rx: 10, stroke: THEME.greenDark, 'stroke-width': 2 }),
    ...effect.map((row, k) => text(PAD + 12, effectTop + 30 + k * 26, row, { size, weight: 'bold', fill: THEME.ink })),
    line(left, spineY, right, spineY, THEME.ink, 4),
    // The fish's head points at the problem's box above.
    line(right - 14, spineY - 12, right + 4, spineY, THEME.ink, 4),
    line(right - 14, spineY + 12, right + 4, spineY, THEME.ink, 4),
  ];
  laidOut.forEach((side, sideIndex) => {
    const up = sideIndex === 0;
    const endY = up ? topEnd : bottomEnd;
    side.forEach((bone, index) => {
      const farX = left + index * spacing;
      const spineX = farX + slant;
      // Where the bone is at height y, so text starts just clear of it on every line.
      const boneX = (y: number) => spineX - (slant * (y - spineY)) / (endY - spineY);
      body.push(
        line(spineX, spineY, farX, endY, THEME.greenDark, 3),
        text(farX, up ? endY - 10 : endY + 26, measure.fit(bone.category, spacing - 8, size, 'bold'), { size, weight: 'bold', fill: THEME.greenDark }),
      );
      let y = up ? endY + lineHeight : spineY + 12 + lineHeight;
      for (const cause of bone.causes) {
        for (const row of cause.lines) {
          const x = Math.max(boneX(y - size * 0.8), boneX(y + size * 0.25)) + 10;
          body.push(text(x, y, row, { size, fill: cause.more ? THEME.muted : THEME.ink }));
          y += lineHeight;
        }
        y += causeGap;
      }
    });
  });
  return picture(name, card(width, height, data.words.title, measure, [element('g', {}, body.join(''))]), data.alt);
}

/** The chain of "why?": the problem, then each answer leading to the next (each answer on up to two lines). */
export function whyChain(name: string, data: WhyChainData, measure: TextMeasure): Picture {
  const width = 500;
  const boxWidth = width - 2 * PAD;
  const textWidth = boxWidth - 24;
  let y = 60;
  const body: string[] = [];
  const boxes = [{ label: data.words.problem, lines: measure.wrap(data.problem, textWidth, 16, 3, 'bold').map((row) => ({ row, more: false })), strong: true }].concat(
    data.whys.map((why) => ({
      label: why.label,
      lines:
        why.answers.length === 0
          ? [{ row: measure.fit(data.words.noAnswer, textWidth, 16), more: true }]
          : shown(why.answers, ANSWERS_SHOWN, data.words.more).flatMap((answer) => measure.wrap(answer.text, textWidth, 16, 2).map((row) => ({ row, more: answer.more }))),
      strong: false,
    })),
  );
  boxes.forEach((box, index) => {
    const height = 36 + box.lines.length * 22;
    if (index > 0) {
      body.push(line(width / 2, y - 22, width / 2, y - 4, THEME.greenDark, 3), line(width / 2 - 7, y - 11, width / 2, y - 4, THEME.greenDark, 3), line(width / 2 + 7, y - 11, width / 2, y - 4, THEME.greenDark, 3));
    }
    body.push(
      rect(PAD, y, boxWidth, height, box.strong ? THEME.track : THEME.card, { rx: 10, stroke: box.strong ? THEME.greenDark : THEME.border, 'stroke-width': 2 }),
      text(PAD + 12, y + 23, measure.fit(box.label, textWidth, 15, 'bold'), { size: 15, weight: 'bold', fill: THEME.greenDark }),
      ...box.lines.map(({ row, more }, k) => text(PAD + 12, y + 46 + k * 22, row, { size: 16, weight: box.strong ? 'bold' : 'regular', fill: more ? THEME.muted : THEME.ink })),
    );
    y += height + 26;
  });
  const height = y - 26 + PAD;
  return picture(name, card(width, height, data.words.title, measure, body), data.alt);
}
