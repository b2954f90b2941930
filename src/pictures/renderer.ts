import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { Font } from 'fontkit';
import { FONT_FAMILY, loadFonts, type FontWeight } from './fonts.js';
import { TextOutliner } from './outline.js';
import type { Picture } from './picture.js';
import { TextMeasure } from './text.js';

/**
 * Turns pictures into PNG files, in the bot's own process: resvg, a native SVG renderer, with the
 * shipped font only (no system fonts), so the same data makes the same bytes on every machine.
 */
export interface PictureRenderer {
  /** Widths of text in the picture font, for the builders that fit titles into a picture. */
  textMeasure(): Promise<TextMeasure>;
  /** The picture as PNG bytes, `PICTURE_SCALE` pixels a unit. */
  render(picture: Picture): Promise<Buffer>;
}

/**
 * Pixels per layout unit. Every picture is at least 600 pixels wide, wider than Discord's preview,
 * so it is only ever scaled down there; at 1.5 the largest took about 100 ms of CPU, at 1 about 65
 * (bench/pictures.bench.ts).
 */
export const PICTURE_SCALE = 1;

/**
 * The renderer of one bot. Fonts are read on first use, so a missing font file is a failed
 * picture (which falls back to text), never a bot that won't start.
 */
export function createPictureRenderer(): PictureRenderer {
  // Loaded on first use, not at start-up: fontkit alone takes most of a second to import on a busy machine.
  let loading: Promise<Loaded> | undefined;
  const once = async () => {
    loading ??= load();
    try {
      return await loading;
    } catch (error) {
      // A failed load (a font file missing) is tried again next time rather than remembered.
      loading = undefined;
      throw error;
    }
  };
  return {
    textMeasure: async () => (await once()).text,
    // Rendered on libuv's thread pool, so the gateway's heartbeat never waits on a picture.
    async render(picture) {
      const { renderAsync, options, outliner } = await once();
      return (await renderAsync(outliner.outline(picture.svg), options)).asPng();
    },
  };
}

interface Loaded {
  readonly text: TextMeasure;
  readonly outliner: TextOutliner;
  readonly options: ResvgRenderOptions;
  readonly renderAsync: typeof import('@resvg/resvg-js').renderAsync;
}

async function load(): Promise<Loaded> {
  const [fontkit, { renderAsync }] = await Promise.all([import('fontkit'), import('@resvg/resvg-js')]);
  const files = loadFonts();
  const fonts = new Map<FontWeight, Font>(
    files.map((file) => {
      const font = fontkit.create(file.data);
      if (!('glyphForCodePoint' in font)) throw new Error(`${file.path} is a font collection, not one font`);
      return [file.weight, font];
    }),
  );
  return {
    text: new TextMeasure(fonts),
    outliner: new TextOutliner(fonts),
    renderAsync,
    options: {
      // Text reaches resvg as outlines (`TextOutliner`); the font stays loaded, not the system's, should any slip through.
      font: { fontFiles: files.map((file) => file.path), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      fitTo: { mode: 'zoom', value: PICTURE_SCALE },
      shapeRendering: 2,
      textRendering: 1,
      logLevel: 'off',
    },
  };
}
