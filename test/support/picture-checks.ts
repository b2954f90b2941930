import { PNG } from 'pngjs';
import type { TextMeasure } from '../../src/pictures/index.js';
import { CHAT_BACKGROUNDS, PREVIEW } from '../../src/pictures/theme.js';

/**
 * Checks on a picture's SVG that its looks can't be trusted to the eye for: every text readable
 * against what it sits on, the card's edge visible on both of Discord's themes, and the smallest
 * text still readable at Discord's preview size. Works on the SVG the builders write (`src/pictures/svg.ts`:
 * flat rect, circle, line and text elements, no transforms), in document order, later on top.
 */

/** WCAG 2.x relative luminance of an sRGB `#rrggbb` colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Normal text needs 4.5:1 (WCAG 1.4.3); a component's edge 3:1 (WCAG 1.4.11). */
export const TEXT_CONTRAST = 4.5;
export const EDGE_CONTRAST = 3;

type Attrs = Readonly<Record<string, string>>;

interface Shape {
  readonly kind: 'rect' | 'circle';
  readonly attrs: Attrs;
}

interface Text {
  readonly attrs: Attrs;
  readonly content: string;
}

interface Parsed {
  readonly width: number;
  readonly height: number;
  /** Shapes and texts in document order. */
  readonly items: readonly ({ readonly type: 'shape'; readonly shape: Shape } | { readonly type: 'text'; readonly text: Text })[];
}

function attrsOf(source: string): Attrs {
  return Object.fromEntries([...source.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function unescape(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function parse(svg: string): Parsed {
  const root = attrsOf(/<svg\b([^>]*)>/.exec(svg)?.[1] ?? '');
  const items: Parsed['items'][number][] = [];
  for (const m of svg.matchAll(/<(rect|circle)\b([^>]*?)\/?>|<text\b([^>]*)>([^<]*)<\/text>/g)) {
    if (m[1] === 'rect' || m[1] === 'circle') items.push({ type: 'shape', shape: { kind: m[1], attrs: attrsOf(m[2] ?? '') } });
    else items.push({ type: 'text', text: { attrs: attrsOf(m[3] ?? ''), content: unescape(m[4] ?? '') } });
  }
  return { width: Number(root.width), height: Number(root.height), items };
}

const num = (attrs: Attrs, name: string) => Number(attrs[name] ?? 0);

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Where a text's glyphs are: from its anchor and measured width, ascenders to descenders. */
function boxOf(text: Text, measure: TextMeasure): Box {
  const size = num(text.attrs, 'font-size');
  const width = measure.width(text.content, size, text.attrs['font-weight'] === '700' ? 'bold' : 'regular');
  const x = num(text.attrs, 'x');
  const y = num(text.attrs, 'y');
  const anchor = text.attrs['text-anchor'] ?? 'start';
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  return { left, top: y - 0.75 * size, right: left + width, bottom: y + 0.25 * size };
}

function contains(shape: Shape, x: number, y: number): boolean {
  const a = shape.attrs;
  if (shape.kind === 'circle') return Math.hypot(x - num(a, 'cx'), y - num(a, 'cy')) <= num(a, 'r');
  return x >= num(a, 'x') && x <= num(a, 'x') + num(a, 'width') && y >= num(a, 'y') && y <= num(a, 'y') + num(a, 'height');
}

const filled = (shape: Shape) => shape.attrs.fill !== undefined && shape.attrs.fill !== 'none';

export interface PictureProblem {
  readonly kind: 'contrast' | 'not-opaque' | 'off-background' | 'edge' | 'too-small';
  readonly detail: string;
}

/**
 * Every text's colour against the topmost filled shape under it (4.5:1), or against both chat
 * backgrounds if it sits on none; the background opaque; the text inside it.
 */
export function textProblems(svg: string, measure: TextMeasure): PictureProblem[] {
  const { items } = parse(svg);
  const problems: PictureProblem[] = [];
  items.forEach((item, index) => {
    if (item.type !== 'text') return;
    const { text } = item;
    const box = boxOf(text, measure);
    const cx = (box.left + box.right) / 2;
    const cy = (box.top + box.bottom) / 2;
    const under = items
      .slice(0, index)
      .flatMap((before) => (before.type === 'shape' && filled(before.shape) && contains(before.shape, cx, cy) ? [before.shape] : []))
      .at(-1);
    const fill = text.attrs.fill ?? '#000000';
    const name = `"${text.content}"`;
    if (under === undefined) {
      for (const [theme, background] of Object.entries(CHAT_BACKGROUNDS)) {
        const ratio = contrast(fill, background);
        if (ratio < TEXT_CONTRAST) problems.push({ kind: 'contrast', detail: `${name} (${fill}) on the ${theme} chat background: ${ratio.toFixed(2)}:1` });
      }
      return;
    }
    const background = under.attrs.fill ?? '';
    const ratio = contrast(fill, background);
    if (ratio < TEXT_CONTRAST) problems.push({ kind: 'contrast', detail: `${name} (${fill}) on ${background}: ${ratio.toFixed(2)}:1` });
    if (['opacity', 'fill-opacity'].some((attr) => under.attrs[attr] !== undefined && Number(under.attrs[attr]) < 1)) {
      problems.push({ kind: 'not-opaque', detail: `${name} sits on a see-through shape` });
    }
    const corners: [number, number][] = [[box.left, box.top], [box.right, box.top], [box.left, box.bottom], [box.right, box.bottom]];
    if (under.kind === 'rect' && !corners.every(([x, y]) => contains(under, x, y))) {
      problems.push({ kind: 'off-background', detail: `${name} runs off the ${background} shape it sits on` });
    }
  });
  return problems;
}

/** The card (the first shape, covering the picture) is opaque and its border stands 3:1 apart from both chat backgrounds. */
export function edgeProblems(svg: string): PictureProblem[] {
  const { width, height, items } = parse(svg);
  const first = items[0];
  if (first?.type !== 'shape' || first.shape.kind !== 'rect') return [{ kind: 'edge', detail: 'the picture does not start with its card' }];
  const card = first.shape.attrs;
  const problems: PictureProblem[] = [];
  if (num(card, 'width') < width - 4 || num(card, 'height') < height - 4) problems.push({ kind: 'edge', detail: 'the card does not cover the picture' });
  if (card.fill === undefined || card.fill === 'none' || card.opacity !== undefined || card['fill-opacity'] !== undefined) problems.push({ kind: 'not-opaque', detail: 'the card is not opaque' });
  const border = card.stroke;
  for (const [theme, background] of Object.entries(CHAT_BACKGROUNDS)) {
    const ratio = border === undefined ? contrast(card.fill ?? background, background) : contrast(border, background);
    if (ratio < EDGE_CONTRAST) problems.push({ kind: 'edge', detail: `the card's edge (${border ?? card.fill}) on the ${theme} chat background: ${ratio.toFixed(2)}:1` });
  }
  return problems;
}

/** The picture's scale in Discord's preview: never enlarged, shrunk to the preview's width. */
export function previewScale(svg: string): number {
  return Math.min(1, PREVIEW.width / parse(svg).width);
}

/** Every text at least `PREVIEW.minTextPx` high (font size × preview scale). */
export function previewProblems(svg: string): PictureProblem[] {
  const scale = previewScale(svg);
  return parse(svg).items.flatMap((item) => {
    if (item.type !== 'text') return [];
    const px = num(item.text.attrs, 'font-size') * scale;
    return px >= PREVIEW.minTextPx ? [] : [{ kind: 'too-small' as const, detail: `"${item.text.content}" is ${px.toFixed(1)} px high in the preview` }];
  });
}

/** The smallest text's height in the preview, in pixels. */
export function smallestPreviewText(svg: string): number {
  const sizes = parse(svg).items.flatMap((item) => (item.type === 'text' ? [num(item.text.attrs, 'font-size')] : []));
  return Math.min(...sizes) * previewScale(svg);
}

/**
 * From the rendered pixels: everything but the card's rounded corners is opaque, so no chat
 * background shows through anywhere text or marks are drawn.
 */
export function seeThroughPixels(png: Buffer, cornerRadius: number): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const inCorner = (x < cornerRadius || x >= image.width - cornerRadius) && (y < cornerRadius || y >= image.height - cornerRadius);
      const onEdge = x === 0 || y === 0 || x === image.width - 1 || y === image.height - 1;
      if (!inCorner && !onEdge && image.data[(y * image.width + x) * 4 + 3] !== 255) count += 1;
    }
  }
  return count;
}
