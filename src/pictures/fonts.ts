import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The one typeface pictures use: Inter (SIL Open Font License 1.1), as TrueType files from the
 * `@expo-google-fonts/inter` package, so text renders the same on every machine. The renderer
 * loads only these files and never the system's fonts.
 */
export const FONT_FAMILY = 'Inter';

export type FontWeight = 'regular' | 'bold';

const FILES: Readonly<Record<FontWeight, string>> = {
  regular: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  bold: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
};

/** The SVG `font-weight` of each weight. */
export const FONT_WEIGHTS: Readonly<Record<FontWeight, number>> = { regular: 400, bold: 700 };

const require = createRequire(import.meta.url);

export interface FontFile {
  readonly weight: FontWeight;
  readonly path: string;
  readonly data: Buffer;
}

/** Reads the font files (a few hundred kilobytes each); callers keep them for the bot's life. */
export function loadFonts(): FontFile[] {
  return (Object.keys(FILES) as FontWeight[]).map((weight) => {
    const path = require.resolve(FILES[weight]);
    return { weight, path, data: readFileSync(path) };
  });
}
