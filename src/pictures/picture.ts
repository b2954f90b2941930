/**
 * A picture ready to render: its SVG, the file name it is sent as, and the words that say what it
 * shows, for people who can't see it (Discord's attachment `description`, at most 1,024 characters).
 */
export interface Picture {
  /** `course-progress-1.png`: unique in its message; `attachment://` links to it. */
  readonly name: string;
  readonly svg: string;
  readonly alt: string;
}

/** Discord's limit on an attachment's description. */
export const ALT_TEXT_LIMIT = 1024;

export function picture(name: string, svg: string, alt: string): Picture {
  const text = alt.replace(/\s+/g, ' ').trim();
  return { name, svg, alt: text.length <= ALT_TEXT_LIMIT ? text : `${text.slice(0, ALT_TEXT_LIMIT - 1)}…` };
}
