/**
 * Discord's limits on what the bot sends, and fitting text within them. Text beyond a limit is
 * refused with a 400, so everything members or content authors write is fitted before it is sent,
 * dropping whole lines and saying how many went rather than cutting a sentence mid-word where possible.
 */

/** Embed limits (Message resource → Embed Limits). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name together. */
  total: 6000,
} as const;

/** Autocomplete answers: at most 25 choices, each named in at most 100 characters. */
export const AUTOCOMPLETE_LIMITS = {
  choices: 25,
  choiceName: 100,
} as const;

/** Modals: a title and each label of at most 45 characters, placeholders of at most 100. */
export const MODAL_LIMITS = {
  title: 45,
  label: 45,
  placeholder: 100,
} as const;

/** Message components: button labels of 80 characters; select menus of 25 options, each label and description 100. */
export const COMPONENT_LIMITS = {
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
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

/** The parts of an embed whose text counts towards the 6000 total. */
export interface EmbedText {
  readonly title?: string;
  readonly description?: string;
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
  readonly footer?: { readonly text: string };
  readonly author?: { readonly name: string };
}

/** The characters of an embed that count towards the 6000 total. */
export function embedLength(embed: EmbedText): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/**
 * The first of `fields` that fit in one embed beside the rest of it (`around`: its title,
 * description, footer and author as they will be sent): at most 25, and within the 6000 total.
 * Stops at the first that doesn't fit, so what is left out is the end of the list.
 */
export function fitFields<F extends { readonly name: string; readonly value: string }>(around: Omit<EmbedText, 'fields'>, fields: readonly F[]): F[] {
  const kept: F[] = [];
  let used = embedLength(around);
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (kept.length === EMBED_LIMITS.fields || used + size > EMBED_LIMITS.total) break;
    kept.push(field);
    used += size;
  }
  return kept;
}
