import { escapeMarkdown } from 'discord.js';

const EVERY_RULE = {
  codeBlock: true,
  inlineCode: true,
  bold: true,
  italic: true,
  underline: true,
  strikethrough: true,
  spoiler: true,
  codeBlockContent: true,
  inlineCodeContent: true,
  escape: true,
  heading: true,
  bulletedList: true,
  numberedList: true,
  maskedLink: true,
} as const;

/**
 * A name or title someone chose (a member's display name, a tenet's name, a topic), made safe to
 * put inside the bot's own Markdown: on one line, and shown as typed rather than rendered, so
 * `[Claim your grant](https://…)` is not a disguised link and `# Hi` is not a heading. Free-text
 * bodies meant as Markdown (a reflection, a poem) don't go through this.
 */
export function inlineText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim(), EVERY_RULE);
}
