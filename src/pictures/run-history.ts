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

export interface HistoryData {
  readonly title: string;
  readonly columns: number;
  readonly rows: readonly HistoryRow[];
}

const WIDTH = 800;
const PAD = CARD.padding;
const HEADER = 66;
const LABEL = 230;
const LEGEND = 44;

const MARK_WORDS: Readonly<Record<RunMark, string>> = { posted: 'posted', missed: 'missed', failed: 'failed', skipped: 'skipped', waiting: 'under way' };

/** "1.2k" for a count too wide for its cell. */
function compact(count: number): string {
  if (count < 1000) return String(count);
  const thousands = count / 1000;
  return `${thousands < 10 ? (Math.floor(thousands * 10) / 10).toString() : Math.floor(thousands).toString()}k`;
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
  const cell = (WIDTH - 2 * PAD - LABEL) / data.columns;
  const rowHeight = (row: HistoryRow) => (row.runs.some((run) => run.listens !== undefined) ? 64 : row.subtitle === undefined ? 44 : 50);
  let y = HEADER;
  const rows = data.rows.flatMap((row) => {
    const top = y;
    y += rowHeight(row);
    const cy = top + 18;
    // Right-aligned: the newest run always sits in the last column.
    const first = data.columns - row.runs.length;
    return [
      ...(row.subtitle === undefined
        ? [text(PAD, cy + 6, measure.fit(row.title, LABEL - 12, 17, 'bold'), { size: 17, weight: 'bold', fill: THEME.ink })]
        : [
            text(PAD, cy + 2, measure.fit(row.title, LABEL - 12, 17, 'bold'), { size: 17, weight: 'bold', fill: THEME.ink }),
            text(PAD, cy + 22, measure.fit(row.subtitle, LABEL - 12, 15), { size: 15, fill: THEME.muted }),
          ]),
      ...Array.from({ length: data.columns }, (_, column) => column < first ? circle(PAD + LABEL + (column + 0.5) * cell, cy, 2, { fill: THEME.track }) : ''),
      ...row.runs.flatMap((run, index) => {
        const cx = PAD + LABEL + (first + index + 0.5) * cell;
        return [mark(run.mark, cx, cy), ...(run.listens === undefined ? [] : [text(cx, cy + 36, compact(run.listens), { size: 15, weight: 'bold', fill: THEME.greenDark, anchor: 'middle' })])];
      }),
    ];
  });
  const legendTop = y + 8;
  const legendKinds: RunMark[] = ['posted', 'missed', 'failed', 'skipped', 'waiting'];
  let x = PAD + 12;
  const legend = legendKinds.flatMap((kind) => {
    const at = x;
    const word = MARK_WORDS[kind];
    x += 24 + measure.width(word, 15) + 22;
    return [mark(kind, at, legendTop + 14), text(at + 20, legendTop + 19, word, { size: 15, fill: THEME.muted })];
  });
  const listenNote = data.rows.some((row) => row.runs.some((run) => run.listens !== undefined))
    ? [text(WIDTH - PAD, legendTop + 19, 'numbers: “I listened”', { size: 15, fill: THEME.greenDark, anchor: 'end' })]
    : [];
  const height = legendTop + LEGEND;
  const body = [
    rect(1, 1, WIDTH - 2, height - 2, THEME.card, { rx: CARD.radius, stroke: THEME.border, 'stroke-width': 2 }),
    text(PAD, 42, measure.fit(data.title, WIDTH - 2 * PAD - 160, 24, 'bold'), { size: 24, weight: 'bold', fill: THEME.ink }),
    text(WIDTH - PAD, 42, 'older → newer', { size: 15, fill: THEME.muted, anchor: 'end' }),
    element('g', {}, rows.join('')),
    line(PAD, legendTop - 4, WIDTH - PAD, legendTop - 4, THEME.track, 2),
    ...legend,
    ...listenNote,
  ];
  return picture(name, svgDocument(WIDTH, height, body), `${data.title}. ${data.rows.map(describeRow).join(' ')}`);
}

function describeRow(row: HistoryRow): string {
  const counts = (Object.keys(MARK_WORDS) as RunMark[])
    .map((kind) => [kind, row.runs.filter((run) => run.mark === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${MARK_WORDS[kind]}`);
  const listens = row.runs.flatMap((run) => (run.listens === undefined ? [] : [run.listens]));
  const heard = listens.length === 0 ? '' : ` "I listened", oldest to newest: ${listens.join(', ')}.`;
  return `${row.title}${row.subtitle === undefined ? '' : ` (${row.subtitle})`}: ${counts.length === 0 ? 'no runs yet' : counts.join(', ')}.${heard}`;
}
