/**
 * Measuring and wrapping text by the columns it fills on screen, not by its length in UTF-16
 * units: an emoji takes two columns (however many code points make it), a combining accent none,
 * and colour codes none at all. Written here rather than taken from a package: the project has no
 * such dependency, and Intl.Segmenter with Unicode's emoji properties covers what the bot writes.
 */

const ANSI = /\u001b\[[0-9;]*m/g;
/** Marks, joiners and variation selectors: they change the character before them and take no column. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200b-\u200f\ufe00-\ufe0f]+$/u;
/** Emoji shown as pictures: two columns, as terminals draw them. */
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** ⚠️, ❤️, 1️⃣: text symbols turned into emoji by U+FE0F or the keycap mark. */
const EMOJI_MARKS = /[\ufe0f\u20e3]/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;

/** What a person sees as one character: an emoji with its skin tone or a family joined by ZWJ is one. */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Columns one grapheme fills; the width of its first code point decides, unless it is an emoji. */
function graphemeWidth(grapheme: string): number {
  if (ZERO_WIDTH.test(grapheme)) return 0;
  if (EMOJI_PRESENTATION.test(grapheme) || REGIONAL_INDICATOR.test(grapheme)) return 2;
  if (EMOJI_MARKS.test(grapheme) && (PICTOGRAPHIC.test(grapheme) || grapheme.includes('\u20e3'))) return 2;
  return isWide(grapheme.codePointAt(0) ?? 0) ? 2 : 1;
}

function* charactersOf(text: string): Generator<string> {
  for (const { segment } of graphemes.segment(text)) yield segment;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const grapheme of charactersOf(text.replace(ANSI, ''))) width += graphemeWidth(grapheme);
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Splits a word wider than the line, so one long URL can't push a box off the screen. */
function chop(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of charactersOf(word)) {
    if (piece !== '' && displayWidth(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return [...pieces, piece];
}

function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
    for (const piece of displayWidth(word) > width ? chop(word, width) : [word]) {
      const candidate = line === '' ? piece : `${line} ${piece}`;
      if (line !== '' && displayWidth(candidate) > width) {
        lines.push(line);
        line = piece;
      } else {
        line = candidate;
      }
    }
  }
  return [...lines, line];
}

/** Word-wraps to `width` columns, keeping the author's own line breaks and blank lines. */
export function wrap(text: string, width: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, Math.max(1, width)));
}
