import { FONT_FAMILY, FONT_WEIGHTS, type FontWeight } from './fonts.js';
import { escapeXml } from './text.js';

/**
 * The few SVG elements pictures are made of. Every string that reaches the SVG goes through
 * `escapeXml` here, so a title like `<b>&` stays text.
 */

type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(typeof value === 'number' ? round(value) : value)}"`)
    .join('');
}

/** Two decimals at most: the same number always writes the same SVG. */
function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function element(name: string, attrs: Attributes, children = ''): string {
  return children === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

export interface TextStyle {
  readonly size: number;
  readonly fill: string;
  readonly weight?: FontWeight;
  readonly anchor?: 'start' | 'middle' | 'end';
}

/** Text whose baseline is at (x, y). The text must already fit (see `TextMeasure.fit`). */
export function text(x: number, y: number, content: string, style: TextStyle): string {
  return element(
    'text',
    {
      x,
      y,
      'font-family': FONT_FAMILY,
      'font-size': style.size,
      'font-weight': FONT_WEIGHTS[style.weight ?? 'regular'],
      fill: style.fill,
      'text-anchor': style.anchor === 'start' ? undefined : style.anchor,
    },
    escapeXml(content),
  );
}

export function rect(x: number, y: number, width: number, height: number, fill: string, extra: Attributes = {}): string {
  return element('rect', { x, y, width: Math.max(0, width), height: Math.max(0, height), fill, ...extra });
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number): string {
  return element('line', { x1, y1, x2, y2, stroke, 'stroke-width': width, 'stroke-linecap': 'round' });
}

export function circle(cx: number, cy: number, r: number, attrs: Attributes): string {
  return element('circle', { cx, cy, r, ...attrs });
}

/** A whole document; `width` × `height` are the drawing's units, rendered at `Picture.scale`. */
export function svgDocument(width: number, height: number, body: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body.join('')}</svg>`;
}
