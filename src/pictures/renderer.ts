import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY, loadFonts, type FontFile } from './fonts.js';
import type { Picture } from './picture.js';
import { TextMeasure } from './text.js';

/**
 * Turns pictures into PNG files, in the bot's own process: resvg, a native SVG renderer, with the
 * shipped font only (no system fonts), so the same data makes the same bytes on every machine.
 */
export interface PictureRenderer {
  /** Widths of text in the picture font, for the builders that fit titles into a picture. */
  readonly text: TextMeasure;
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
  let fonts: { files: FontFile[]; text: TextMeasure; options: ResvgRenderOptions } | undefined;
  const loaded = () => {
    if (fonts !== undefined) return fonts;
    const files = loadFonts();
    fonts = {
      files,
      text: new TextMeasure(files),
      options: {
        font: { fontFiles: files.map((file) => file.path), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
        fitTo: { mode: 'zoom', value: PICTURE_SCALE },
        shapeRendering: 2,
        textRendering: 1,
        logLevel: 'off',
      },
    };
    return fonts;
  };
  return {
    get text() {
      return loaded().text;
    },
    // Rendered on libuv's thread pool, so the gateway's heartbeat never waits on a picture.
    async render(picture) {
      const image = await renderAsync(picture.svg, loaded().options);
      return image.asPng();
    },
  };
}
