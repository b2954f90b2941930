import type { Font } from 'fontkit';
import { FONT_WEIGHTS, type FontWeight } from './fonts.js';

/**
 * Turns a picture's `<text>` elements into the outlines of their glyphs, just before rendering.
 * resvg lays out and draws every text afresh on each render, which was about half of a picture's
 * CPU time; each glyph's outline is made once per bot here (fontkit, the same font files) and
 * every letter becomes a `<use>` of it, which halves that. The pictures look the same; the SVG the builders write,
 * which the tests read, keeps its `<text>`.
 */
export class TextOutliner {
  readonly #fonts: ReadonlyMap<string, Font>;
  /** Each character's glyph, by weight: its outline and advance, for the bot's life (a few hundred at most). */
  readonly #glyphs = new Map<string, Glyph>();

  constructor(fonts: ReadonlyMap<FontWeight, Font>) {
    this.#fonts = new Map([...fonts].map(([weight, font]) => [String(FONT_WEIGHTS[weight]), font]));
  }

  outline(svg: string): string {
    const used = new Map<string, string>();
    const body = svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attrs: string, content: string) => this.#line(attributes(attrs), unescapeXml(content), used));
    if (used.size === 0) return body;
    return body.replace(/^(<svg\b[^>]*>)/, `$1<defs>${[...used].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('')}</defs>`);
  }

  /**
   * A glyph a character, advance after advance, as `TextMeasure` measures them: no kerning or
   * shaping (fontkit's full layout cost more than resvg's whole text drawing saved), a few units
   * a line in Inter, and the same on every machine.
   */
  #glyph(weight: string, font: Font, char: string): Glyph {
    const key = `${weight}:${char}`;
    let glyph = this.#glyphs.get(key);
    if (glyph === undefined) {
      const found = font.glyphForCodePoint(char.codePointAt(0) ?? 0);
      glyph = { id: `g${weight}-${found.id}`, d: found.path.toSVG(), advance: found.advanceWidth };
      this.#glyphs.set(key, glyph);
    }
    return glyph;
  }

  #line(attrs: ReadonlyMap<string, string>, content: string, used: Map<string, string>): string {
    const weight = attrs.get('font-weight') ?? String(FONT_WEIGHTS.regular);
    const font = this.#fonts.get(weight);
    if (font === undefined) throw new Error(`No font of weight ${weight} to draw "${content}"`);
    const scale = Number(attrs.get('font-size')) / font.unitsPerEm;
    const glyphs = [...content].map((char) => this.#glyph(weight, font, char));
    const width = glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * scale;
    const anchor = attrs.get('text-anchor');
    let x = Number(attrs.get('x')) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const y = round(Number(attrs.get('y')));
    // Font units point up; the picture's y points down.
    const size = `scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})`;
    const uses: string[] = [];
    for (const glyph of glyphs) {
      if (glyph.d !== '') {
        used.set(glyph.id, glyph.d);
        uses.push(`<use href="#${glyph.id}" transform="translate(${round(x)} ${y}) ${size}"/>`);
      }
      x += glyph.advance * scale;
    }
    return `<g fill="${attrs.get('fill') ?? '#000000'}">${uses.join('')}</g>`;
  }
}

interface Glyph {
  readonly id: string;
  /** SVG path data in font units; empty for a space. */
  readonly d: string;
  readonly advance: number;
}

function attributes(source: string): ReadonlyMap<string, string> {
  return new Map([...source.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** The inverse of `escapeXml`: text as the member wrote it, to lay out. */
function unescapeXml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

const round = (value: number) => String(Math.round(value * 100) / 100);
