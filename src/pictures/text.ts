import type { Font } from 'fontkit';
import type { FontWeight } from './fonts.js';

/**
 * Text as pictures draw it. The font has no colour emoji, and a missing glyph would draw as an
 * empty box, so pictures leave emoji out: titles keep their words and the picture stays the
 * same on every machine.
 */
const NOT_DRAWN = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D\u20E3]|\p{Cc}/gu;

export function drawable(text: string): string {
  return text.replace(NOT_DRAWN, ' ').replace(/\s+/g, ' ').trim();
}

/** XML's five special characters, so member text stays text inside an SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ELLIPSIS = '…';

/**
 * Widths of text in the picture font, from the font's own advance widths (kerning left out: a few
 * units on a line), so long titles are cut to fit instead of running off the picture.
 */
export class TextMeasure {
  readonly #fonts: ReadonlyMap<FontWeight, { font: Font; widths: Map<number, number> }>;

  constructor(fonts: ReadonlyMap<FontWeight, Font>) {
    this.#fonts = new Map([...fonts].map(([weight, font]) => [weight, { font, widths: new Map<number, number>() }]));
  }

  /** The width of `text` at `size` pixels. */
  width(text: string, size: number, weight: FontWeight = 'regular'): number {
    const face = this.#fonts.get(weight);
    if (face === undefined) throw new Error(`No ${weight} font loaded`);
    let units = 0;
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      let advance = face.widths.get(codePoint);
      if (advance === undefined) {
        advance = face.font.glyphForCodePoint(codePoint).advanceWidth;
        face.widths.set(codePoint, advance);
      }
      units += advance;
    }
    return (units / face.font.unitsPerEm) * size;
  }

  /** `text` made drawable, cut at a word (or a character) with an ellipsis if it is wider than `max`. */
  fit(text: string, max: number, size: number, weight: FontWeight = 'regular'): string {
    const clean = drawable(text);
    if (this.width(clean, size, weight) <= max) return clean;
    const chars = [...clean];
    let low = 0;
    let high = chars.length;
    // The longest prefix that fits with the ellipsis.
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.width(chars.slice(0, mid).join('') + ELLIPSIS, size, weight) <= max) low = mid;
      else high = mid - 1;
    }
    const cut = chars.slice(0, low).join('');
    const atWord = cut.lastIndexOf(' ');
    const shown = atWord > cut.length * 0.6 ? cut.slice(0, atWord) : cut;
    // A cut after "club ·" reads better as "club…".
    return `${shown.replace(/[\s·,;:–—-]+$/u, '')}${ELLIPSIS}`;
  }

  /** `text` in lines no wider than `max`, at most `lines` of them, the last cut with an ellipsis. */
  wrap(text: string, max: number, size: number, lines: number, weight: FontWeight = 'regular'): string[] {
    const words = drawable(text).split(' ').filter(Boolean);
    const out: string[] = [];
    let line = '';
    for (const [index, word] of words.entries()) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (this.width(candidate, size, weight) <= max || line === '') {
        line = candidate;
        continue;
      }
      if (out.length === lines - 1) {
        out.push(this.fit(`${line} ${words.slice(index).join(' ')}`, max, size, weight));
        return out;
      }
      out.push(this.fit(line, max, size, weight));
      line = word;
    }
    if (line !== '') out.push(this.fit(line, max, size, weight));
    return out;
  }
}
