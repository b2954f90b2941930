/**
 * Characters that draw nothing: format controls (zero-width space and joiners, bidi marks, the
 * BOM), control characters, every kind of space and separator, and the Hangul and Braille blanks
 * that pass for letters. A text made only of these looks empty to a reader, so it is empty.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether a member's text shows anything at all. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** Discord counts a message's length in UTF-16 code units, as JavaScript does. */
export const discordLength = (text: string): number => text.length;
