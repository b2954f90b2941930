import type { Style } from './style.js';

/**
 * Discord's message markdown, made readable in a terminal: mentions and timestamps become the
 * names and dates Discord's client would show, emphasis becomes bold (or plain text in a pipe),
 * and the syntax characters that only mean something to Discord are dropped.
 */

export interface Names {
  user(id: string): string | undefined;
  /** A channel's name without the `#`. */
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

export interface MarkdownOptions {
  readonly names: Names;
  readonly style: Style;
  /** Dates in this zone (tests pin it); the computer's own zone when unset. */
  readonly timeZone?: string | undefined;
  /** The reader's Discord language, which timestamps are drawn in; en-US without one. */
  readonly locale?: (() => string) | undefined;
  /** "now" for relative timestamps: the sandbox's clock, which may have travelled. */
  readonly now?: (() => Date) | undefined;
}

const DATE_STYLES: Readonly<Record<string, Intl.DateTimeFormatOptions>> = {
  t: { hour: 'numeric', minute: '2-digit' },
  T: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  d: { year: 'numeric', month: '2-digit', day: '2-digit' },
  D: { year: 'numeric', month: 'long', day: 'numeric' },
  f: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  F: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
};

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  // Discord's client counts days up to a month ("in 7 days"), not weeks.
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

function relative(seconds: number, locale: string): string {
  const [unit, size] = RELATIVE_UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(Math.round(seconds / size), unit);
}

export function formatTimestamp(unixSeconds: number, format: string, options: Pick<MarkdownOptions, 'timeZone' | 'now' | 'locale'>): string {
  const locale = options.locale?.() ?? 'en-US';
  if (format === 'R') return relative(unixSeconds - (options.now?.() ?? new Date()).getTime() / 1000, locale);
  const style = DATE_STYLES[format] ?? DATE_STYLES.f;
  return new Intl.DateTimeFormat(locale, { ...style, ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(unixSeconds * 1000);
}

function inline(text: string, options: MarkdownOptions): string {
  const { names, style } = options;
  return text
    .replace(/<@!?(\d+)>/g, (_, id: string) => `@${names.user(id) ?? 'someone'}`)
    .replace(/<@&(\d+)>/g, (_, id: string) => `@${names.role(id) ?? 'a role'}`)
    .replace(/<#(\d+)>/g, (_, id: string) => `#${names.channel(id) ?? 'a channel'}`)
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_, seconds: string, format: string | undefined) => formatTimestamp(Number(seconds), format ?? 'f', options))
    .replace(/\[([^\]]+)\]\(<?(https?:\/\/[^)>\s]+)>?\)/g, (_, label: string, url: string) => `${label} (${url})`)
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style.bold(inner))
    .replace(/__(.+?)__/g, (_, inner: string) => style.bold(inner))
    .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/\\([*_~`|>#\\-])/g, '$1');
}

/** How a quoted line starts once rendered; wrapping repeats it on each line the quote runs to. */
export const QUOTE_BAR = '│ ';

/** Code spans are left exactly as written: they are there to be copied. */
function line(text: string, options: MarkdownOptions): string {
  const subtext = /^-# (.*)$/.exec(text);
  if (subtext) return options.style.dim(line(subtext[1] ?? '', options));
  const heading = /^#{1,3} (.*)$/.exec(text);
  if (heading) return options.style.bold(line(heading[1] ?? '', options));
  const quote = /^>>?>? ?(.*)$/.exec(text);
  if (quote) return `${QUOTE_BAR}${line(quote[1] ?? '', options)}`;
  return text
    .split(/(`[^`]+`)/)
    .map((part, index) => (index % 2 === 1 ? options.style.accent(part) : inline(part, options)))
    .join('');
}

export function renderMarkdown(text: string, options: MarkdownOptions): string {
  // `>>> ` quotes the rest of the message, every line of it, as in Discord.
  let blockQuote = false;
  return text
    .split('\n')
    .map((each) => {
      if (blockQuote) return `${QUOTE_BAR}${line(each, options)}`;
      if (/^>>> /.test(each)) blockQuote = true;
      return line(each, options);
    })
    .join('\n');
}
