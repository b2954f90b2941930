import { picture, type Picture } from './picture.js';
import { circle, element, line, rect, svgDocument, text } from './svg.js';
import type { TextMeasure } from './text.js';
import { CARD, THEME } from './theme.js';

/** What became of one run of a schedule. */
export type RunMark = 'posted' | 'missed' | 'failed' | 'skipped' | 'waiting';

export interface HistoryRun {
  readonly mark: RunMark;
  /** Podcast club: how many said "I listened" to this post. */
  readonly listens?: number | undefined;
}

export interface HistoryRow {
  /** "#3 Podcast club" */
  readonly title: string;
  /** A smaller second line under the title: "#general". */
  readonly subtitle?: string | undefined;
  /** Oldest first, at most `columns` of them. */
  readonly runs: readonly HistoryRun[];
}

/** The words the chart draws itself, in the reader's language. */
export interface HistoryWords {
  /** The legend's word for each mark: "posted", "under way". */
  readonly marks: Readonly<Record<RunMark, string>>;
  /** Above the newest column: "older → newer". */
  readonly direction: string;
  /** The legend's note on the numbers under podcast posts: "numbers: “I listened”". */
  readonly listens: string;
  /** A listen count of a thousand or more, in thousands with at most one decimal: "1.2k". */
  readonly thousands: (thousands: number) => string;
}

export interface HistoryData {
  readonly title: string;
  readonly columns: number;
  readonly rows: readonly HistoryRow[];
  readonly words: HistoryWords;
  /** What the chart shows, row by row, for people who can't see it. */
  readonly alt: string;
}

/**
 * Narrow enough that its smallest text (16) is still 11 pixels high in Discord's 400-pixel preview;
 * so each row puts its name on a line of its own above the twelve runs.
 */
const WIDTH = 560;
const PAD = CARD.padding;
const HEADER = 62;
const SMALL = 16;

/** The order of the legend. */
const MARKS: readonly RunMark[] = ['posted', 'missed', 'failed', 'skipped', 'waiting'];

/** "1.2k" for a count too wide for its cell. */
function compact(count: number, words: HistoryWords): string {
  if (count < 1000) return String(count);
  const thousands = count / 1000;
  return words.thousands(thousands < 10 ? Math.floor(thousands * 10) / 10 : Math.floor(thousands));
}

/** Each mark differs in shape as well as colour: a filled dot, a ring, a cross, a dash, a small dot. */
function mark(kind: RunMark, cx: number, cy: number): string {
  const r = 11;
  switch (kind) {
    case 'posted':
      return circle(cx, cy, r, { fill: THEME.green });
    case 'missed':
      return circle(cx, cy, r - 1.5, { fill: 'none', stroke: THEME.amber, 'stroke-width': 3 });
    case 'failed':
      return line(cx - 8, cy - 8, cx + 8, cy + 8, THEME.red, 4) + line(cx - 8, cy + 8, cx + 8, cy - 8, THEME.red, 4);
    case 'skipped':
      return line(cx - 9, cy, cx + 9, cy, THEME.grey, 4);
    case 'waiting':
      return circle(cx, cy, 4, { fill: THEME.grey });
  }
}

/** The last runs of each schedule in a row, oldest to newest, with "I listened" counts under podcast posts. */
export function runHistoryChart(name: string, data: HistoryData, measure: TextMeasure): Picture {
  const inner = WIDTH - 2 * PAD;
  const cell = inner / data.columns;
  const listened = (row: HistoryRow) => row.runs.some((run) => run.listens !== undefined);
  let y = HEADER;
  const rows = data.rows.flatMap((row) => {
    const top = y;
    y += listened(row) ? 90 : 66;
    const title = measure.fit(row.title, inner, 17, 'bold');
    const titleWidth = measure.width(title, 17, 'bold');
    const room = inner - titleWidth - 10;
    const subtitle = row.subtitle === undefined || room < 60 ? undefined : measure.fit(row.subtitle, room, SMALL);
    const cy = top + 40;
    // Right-aligned: the newest run always sits in the last column.
    const first = data.columns - row.runs.length;
    return [
      text(PAD, top + 16, title, { size: 17, weight: 'bold', fill: THEME.ink }),
      ...(subtitle === undefined ? [] : [text(PAD + titleWidth + 10, top + 16, subtitle, { size: SMALL, fill: THEME.muted })]),
      ...Array.from({ length: data.columns }, (_, column) => (column < first ? circle(PAD + (column + 0.5) * cell, cy, 2, { fill: THEME.track }) : '')),
      ...row.runs.flatMap((run, index) => {
        const cx = PAD + (first + index + 0.5) * cell;
        return [mark(run.mark, cx, cy), ...(run.listens === undefined ? [] : [text(cx, cy + 36, measure.fit(compact(run.listens, data.words), cell, SMALL, 'bold'), { size: SMALL, weight: 'bold', fill: THEME.greenDark, anchor: 'middle' })])];
      }),
    ];
  });
  // The legend flows onto as many lines as it needs, the "I listened" note last.
  const legendTop = y + 4;
  const legend: string[] = [];
  let x = PAD + 12;
  let lineTop = legendTop;
  const place = (width: number) => {
    if (x + width > WIDTH - PAD && x > PAD + 12) {
      x = PAD + 12;
      lineTop += 30;
    }
    const at = x;
    x += width + 20;
    return at;
  };
  const { words } = data;
  for (const kind of MARKS) {
    const word = measure.fit(words.marks[kind], inner - 32, SMALL);
    const at = place(20 + measure.width(word, SMALL));
    legend.push(mark(kind, at, lineTop + 14), text(at + 18, lineTop + 20, word, { size: SMALL, fill: THEME.muted }));
  }
  if (data.rows.some(listened)) {
    const note = measure.fit(words.listens, inner - 24, SMALL);
    const at = place(measure.width(note, SMALL) - 12) - 12;
    legend.push(text(at, lineTop + 20, note, { size: SMALL, fill: THEME.greenDark }));
  }
  const height = lineTop + 30 + PAD - 8;
  const direction = measure.fit(words.direction, inner / 2, SMALL);
  const directionWidth = measure.width(direction, SMALL);
  const body = [
    rect(1, 1, WIDTH - 2, height - 2, THEME.card, { rx: CARD.radius, stroke: THEME.border, 'stroke-width': 2 }),
    text(PAD, 40, measure.fit(data.title, inner - directionWidth - 16, 24, 'bold'), { size: 24, weight: 'bold', fill: THEME.ink }),
    text(WIDTH - PAD, 40, direction, { size: SMALL, fill: THEME.muted, anchor: 'end' }),
    element('g', {}, rows.join('')),
    line(PAD, legendTop - 4, WIDTH - PAD, legendTop - 4, THEME.track, 2),
    ...legend,
  ];
  return picture(name, svgDocument(WIDTH, height, body), data.alt);
}
