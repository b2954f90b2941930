import type { APIEmbed } from 'discord-api-types/v10';
import { z } from 'zod';
import { FieldErrors } from './errors.js';
import { codePointLength, int, isoTimestamp, list, opt, report, text, url } from './primitives.js';

/**
 * Rich embeds as a bot may send them.
 *
 * Limits: Discord developer docs, Messages resource, "Embed Object" > "Embed Limits" (title 256,
 * description 4096, 25 fields, field name 256, field value 1024, footer text 2048, author name 256,
 * 6000 characters across every embed of a message, whitespace at either end not counted) and
 * "Create Message" (up to 10 embeds). URL schemes: "Embed Author/Footer/Image/Thumbnail Structure"
 * (http(s), and attachments for images and icons). `type`, `provider`, `video` and image sizes
 * "cannot be set", so they are dropped. The error for the 6000 total (MAX_EMBED_SIZE_EXCEEDED, on
 * `embeds`) is quoted from real answers in public bug reports.
 */

export const EMBED_LIMITS = {
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  total: 6000,
  color: 0xffffff,
} as const;

const WEB = ['http', 'https'] as const;
const WEB_OR_ATTACHMENT = ['http', 'https', 'attachment'] as const;

/** Text that must say something: an empty or blank value is a missing one to Discord. */
function requiredText(max: number) {
  return text({ max, trim: true }).check((ctx) => {
    if (ctx.value.trim() === '') report(ctx, FieldErrors.required);
  });
}

const media = z.object({ url: url(WEB_OR_ATTACHMENT) });

const field = z.object({
  name: requiredText(EMBED_LIMITS.fieldName),
  value: requiredText(EMBED_LIMITS.fieldValue),
  inline: opt(z.boolean()),
});

export const embedSchema = z.object({
  title: opt(text({ max: EMBED_LIMITS.title, trim: true })),
  description: opt(text({ max: EMBED_LIMITS.description, trim: true })),
  url: opt(url(WEB)),
  timestamp: opt(isoTimestamp()),
  color: opt(int({ min: 0, max: EMBED_LIMITS.color })),
  footer: opt(z.object({ text: requiredText(EMBED_LIMITS.footerText), icon_url: opt(url(WEB_OR_ATTACHMENT)) })),
  image: opt(media),
  thumbnail: opt(media),
  author: opt(
    z.object({
      name: requiredText(EMBED_LIMITS.authorName),
      url: opt(url(WEB)),
      icon_url: opt(url(WEB_OR_ATTACHMENT)),
    }),
  ),
  fields: opt(list(field, { max: EMBED_LIMITS.fields })),
}) satisfies z.ZodType<APIEmbed>;

type Embed = z.output<typeof embedSchema>;

const counted = (value: string | undefined): number => (value === undefined ? 0 : codePointLength(value.trim()));

/** The characters Discord counts against the 6000 shared by all embeds of one message. */
export function embedSize(embed: Embed): number {
  const fields = embed.fields ?? [];
  return (
    counted(embed.title) +
    counted(embed.description) +
    counted(embed.footer?.text) +
    counted(embed.author?.name) +
    fields.reduce((sum, f) => sum + counted(f.name) + counted(f.value), 0)
  );
}

export const embedListSchema = list(embedSchema, { max: EMBED_LIMITS.embeds }).check((ctx) => {
  const total = ctx.value.reduce((sum, embed) => sum + embedSize(embed), 0);
  if (total > EMBED_LIMITS.total) report(ctx, FieldErrors.embedSizeExceeded(EMBED_LIMITS.total));
});
