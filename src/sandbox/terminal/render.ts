import { ButtonStyle, type APIAttachment, type APIEmbed } from 'discord-api-types/v10';
import type { ButtonView, MessageView, SelectView } from '@roots-bot/discord-emulator';
import { drawBox } from './box.js';
import type { SavedFile } from './files.js';
import { formatTimestamp, QUOTE_BAR, renderMarkdown, type MarkdownOptions } from './markdown.js';
import { displayWidth, wrap } from './text.js';

/**
 * A message as lines of terminal text: who wrote it and where, then its content, embeds as boxes,
 * buttons numbered for `click`, menu options numbered for `select`, files, and who it notified.
 */

export interface RenderContext extends MarkdownOptions {
  /** Where a message is, as a reader would say it: `#general`, `DM with alice`, `thread "…" in #poems`. */
  readonly place: (channelId: string) => string;
  /** Columns available; text and boxes stay within them. */
  readonly width?: number | undefined;
  /** Saves a file the bot sent and says where, so it can be opened; files stay unsaved without it. */
  readonly saveFile?: ((attachment: APIAttachment) => SavedFile | undefined) | undefined;
}

export interface RenderOptions {
  /** Shown again because the bot changed it. */
  readonly edited?: boolean;
}

const INDENT = '  ';
const DEFAULT_WIDTH = 80;
/** Discord's embeds stay narrow; wider boxes read worse, not better. */
const MAX_BOX_TEXT = 72;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function header(message: MessageView, ctx: RenderContext, options: RenderOptions): string {
  const notes = [message.ephemeral ? 'only you can see this' : null, options.edited ? 'edited' : null].filter((n) => n !== null);
  const where = `${ctx.style.bold(message.authorName)} in ${ctx.place(message.channelId)}`;
  return notes.length === 0 ? where : `${where} ${ctx.style.dim(`(${notes.join(', ')})`)}`;
}

/** Wraps rendered Markdown; a quoted line keeps its bar on every line it wraps onto. */
export function wrapRendered(rendered: string, width: number): string[] {
  return rendered.split('\n').flatMap((each) =>
    each.startsWith(QUOTE_BAR) ? wrap(each.slice(QUOTE_BAR.length), width - QUOTE_BAR.length).map((part) => `${QUOTE_BAR}${part}`) : wrap(each, width),
  );
}

function markdownLines(text: string, ctx: RenderContext, width: number): string[] {
  return wrapRendered(renderMarkdown(text, ctx), width);
}

/** Text outside a message that Discord still draws as Markdown (a form's text), indented as content is. */
export function renderedText(text: string, ctx: RenderContext): string[] {
  return markdownLines(text, ctx, (ctx.width ?? DEFAULT_WIDTH) - INDENT.length).map((line) => `${INDENT}${line}`);
}

/** `Name: value`, with a long or multi-line value continuing indented beneath its name. */
function fieldLines(field: { name: string; value: string }, ctx: RenderContext, width: number): string[] {
  const name = `${ctx.style.bold(renderMarkdown(field.name, ctx))}:`;
  const [first = '', ...rest] = renderMarkdown(field.value, ctx).split('\n');
  const [lead = '', ...tail] = wrap(`${name} ${first}`, width);
  const continued = [...tail, ...(rest.length > 0 ? wrapRendered(rest.join('\n'), width - 2) : [])];
  return [lead, ...continued.map((line) => `  ${line}`)];
}

function embedBox(embed: APIEmbed, ctx: RenderContext, width: number): string[] {
  const head = [
    ...(embed.author?.name ? markdownLines(embed.author.name, ctx, width).map(ctx.style.dim) : []),
    ...(embed.title ? markdownLines(embed.title, ctx, width).map(ctx.style.bold) : []),
    ...(embed.url ? wrap(embed.url, width).map(ctx.style.dim) : []),
  ];
  const description = embed.description ? markdownLines(embed.description, ctx, width) : [];
  const fields = (embed.fields ?? []).flatMap((field) => fieldLines(field, ctx, width));
  const image = embed.image?.url ? wrap(`🖼  ${embed.image.url}`, width) : [];
  const body = [description, fields, image].filter((part) => part.length > 0);
  const footerText = [embed.footer?.text ? renderMarkdown(embed.footer.text, ctx) : null, embed.timestamp ? formatTimestamp(Date.parse(embed.timestamp) / 1000, 'f', ctx) : null]
    .filter((part) => part !== null)
    .join(' · ');
  const footer = footerText ? wrap(footerText, width).map(ctx.style.dim) : [];
  return drawBox([head, body.flatMap((part, index) => (index === 0 ? part : ['', ...part])), footer], ctx.style);
}

function buttonLabel(button: ButtonView, ctx: RenderContext): string {
  const label = button.label === '' ? `${button.index}` : `${button.index} ${button.label}`;
  if (button.disabled) return ctx.style.dim(`[${label} (disabled)]`);
  if (button.url !== null) return `[${label} ↗ ${button.url}]`;
  const text = `[${label}]`;
  return button.style === ButtonStyle.Danger ? ctx.style.warn(text) : ctx.style.accent(text);
}

/** Buttons side by side as Discord lays them out, wrapping onto more lines when they don't fit. */
function buttonRows(buttons: readonly ButtonView[], ctx: RenderContext, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const label of buttons.map((b) => buttonLabel(b, ctx))) {
    const candidate = row === '' ? label : `${row} ${label}`;
    if (row !== '' && displayWidth(candidate) > width) {
      rows.push(row);
      row = label;
    } else {
      row = candidate;
    }
  }
  return row === '' ? rows : [...rows, row];
}

function selectLines(select: SelectView, ctx: RenderContext, width: number): string[] {
  const title = `${ctx.style.bold(select.placeholder ?? 'Choose an option')} ${ctx.style.dim('(type select and a number)')}`;
  const options = select.options.flatMap((option, index) => {
    const text = option.description ? `${option.label} — ${option.description}` : option.label;
    const [first = '', ...rest] = wrap(text, width - 6);
    return [`  ${`${index + 1}.`.padEnd(3)} ${first}`, ...rest.map((line) => `      ${line}`)];
  });
  return [title, ...options];
}

function attachmentLines(attachment: APIAttachment, ctx: RenderContext): string[] {
  const line = `📎 ${attachment.filename} (${formatSize(attachment.size)})`;
  const saved = ctx.saveFile?.(attachment);
  if (!saved) return [line];
  const how = saved.text ? `type open ${saved.number} to read it here` : 'open it from there';
  return [line, ctx.style.dim(`   saved as ${saved.path} (${how})`)];
}

function pingLine(message: MessageView, ctx: RenderContext): string[] {
  const { users, roles, everyone } = message.pinged;
  const names = [
    ...(everyone ? ['@everyone'] : []),
    ...users.map((id) => `@${ctx.names.user(id) ?? 'someone'}`),
    ...roles.map((id) => `@${ctx.names.role(id) ?? 'a role'}`),
  ];
  return names.length === 0 ? [] : [ctx.style.dim(`🔔 notified ${names.join(', ')}`)];
}

export function renderMessage(message: MessageView, ctx: RenderContext, options: RenderOptions = {}): string[] {
  const width = (ctx.width ?? DEFAULT_WIDTH) - INDENT.length;
  const boxText = Math.min(MAX_BOX_TEXT, width - 4);
  if (message.loading) return [header(message, ctx, options), `${INDENT}${ctx.style.dim('thinking…')}`];
  const body = [
    ...(message.content ? markdownLines(message.content, ctx, width) : []),
    ...message.embeds.flatMap((embed) => embedBox(embed, ctx, boxText)),
    ...buttonRows(message.buttons, ctx, width),
    ...message.selects.flatMap((select) => selectLines(select, ctx, width)),
    ...message.attachments.flatMap((attachment) => attachmentLines(attachment, ctx)),
    ...pingLine(message, ctx),
  ];
  return [header(message, ctx, options), ...body.map((line) => (line === '' ? '' : `${INDENT}${line}`))];
}
