/**
 * Server-rendered HTML without a template engine: a tagged template that escapes every value
 * unless it is already `Html` (made by this module), so a moderator's text can never become markup.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, part, index) => out + part + (index < values.length ? render(values[index] as Value) : ''), ''));
}

/** Markup known to be safe (constants of this module's callers, never user text). */
export const trusted = (text: string): Html => new Html(text);

/**
 * The bot's sentences (the features' explain functions speak Discord Markdown) as HTML: `code`,
 * **bold**, and Discord's channel and time mentions through the given readers.
 */
export function discordText(text: string, names: { channel: (id: string) => string; time: (at: Date) => string }): Html {
  // A fenced block (an import's list of problems) is shown as written, line for line.
  const parts = text.split(/```\n?/);
  if (parts.length >= 3) {
    return new Html(parts.map((part, index) => (index % 2 === 1 ? `<pre><code>${escapeHtml(part.replace(/\n$/, ''))}</code></pre>` : inlineMarkup(part, names))).join(''));
  }
  return new Html(inlineMarkup(text, names));
}

function inlineMarkup(text: string, names: { channel: (id: string) => string; time: (at: Date) => string }): string {
  return escapeHtml(text)
    .replace(/&lt;#(\d+)&gt;/g, (_m, id: string) => `<strong>#${escapeHtml(names.channel(id))}</strong>`)
    .replace(/&lt;t:(\d+)(?::[tTdDfFR])?&gt;/g, (_m, unix: string) => escapeHtml(names.time(new Date(Number(unix) * 1000))))
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\n/g, '<br>');
}
