/**
 * Discord's embed limits (Message resource → Embed Limits): text beyond them is refused with a
 * 400, so everything a group writes is fitted before it is sent, dropping whole lines and saying
 * how many went rather than cutting a sentence mid-word where possible.
 */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author name together. */
  total: 6000,
} as const;

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 units without splitting a character, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - ELLIPSIS.length) break;
    out += char;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/** Like {@link truncate}, but prefers to cut at a word boundary when one is near the end. */
export function truncateAtWord(text: string, max: number): string {
  const cut = truncate(text, max);
  if (cut === text) return cut;
  const body = cut.slice(0, -ELLIPSIS.length);
  const space = body.lastIndexOf(' ');
  return space >= Math.floor(max * 0.6) ? `${body.slice(0, space).trimEnd()}${ELLIPSIS}` : cut;
}

export interface Fitted {
  readonly text: string;
  /** How many lines are left out. */
  readonly hidden: number;
}

const joined = (lines: readonly string[]) => lines.join('\n');

/**
 * Keeps the newest lines (the end of `lines`) that fit in `max`, with a first line saying how many
 * earlier ones are left out: someone who just added something always sees it.
 */
export function fitLatest(lines: readonly string[], max: number, earlier: (n: number) => string): Fitted {
  if (joined(lines).length <= max) return { text: joined(lines), hidden: 0 };
  const kept: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const hidden = i;
    const candidate = joined([earlier(hidden), line, ...kept]);
    if (candidate.length > max) break;
    kept.unshift(line);
  }
  const hidden = lines.length - kept.length;
  if (kept.length === 0) {
    // Not even the newest line fits whole: show as much of it as there is room for.
    const head = earlier(hidden - 1);
    const last = lines[lines.length - 1] ?? '';
    return { text: joined([head, truncate(last, max - head.length - 1)]), hidden: hidden - 1 };
  }
  return { text: joined([earlier(hidden), ...kept]), hidden };
}

/** Keeps the first lines that fit in `max`, then a line saying how many more there are. */
export function fitFirst(lines: readonly string[], max: number, more: (n: number) => string): Fitted {
  if (joined(lines).length <= max) return { text: joined(lines), hidden: 0 };
  const kept: string[] = [];
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1;
    const candidate = joined([...kept, line, ...(rest > 0 ? [more(rest)] : [])]);
    if (candidate.length > max) break;
    kept.push(line);
  }
  const hidden = lines.length - kept.length;
  if (kept.length === 0) {
    const tail = hidden > 1 ? more(hidden - 1) : '';
    const first = truncate(lines[0] ?? '', max - tail.length - (tail ? 1 : 0));
    return { text: joined(tail ? [first, tail] : [first]), hidden: hidden - 1 };
  }
  return { text: joined([...kept, more(hidden)]), hidden };
}

/** The characters of an embed that count towards the 6000 total. */
export function embedLength(embed: { title?: string; description?: string; fields?: readonly { name: string; value: string }[]; footer?: { text: string } }): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0)
  );
}
