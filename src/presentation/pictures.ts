import type { BotContext } from '../context.js';
import { ENGLISH, type Reader } from '../i18n/locales.js';
import { errorReference } from '../interactions/errors.js';
import type { Picture, TextMeasure } from '../pictures/index.js';
import { presentationMessages } from './messages.js';

/** A picture as discord.js sends a file: the PNG, its name, and its text alternative. */
export interface PictureFile {
  readonly attachment: Buffer;
  readonly name: string;
  readonly description: string;
}

export type DrawnPictures =
  | { readonly ok: true; readonly files: PictureFile[] }
  /** Nothing drawn: the reply goes out as text, with this sentence and the log's reference. */
  | { readonly ok: false; readonly files: []; readonly note: string };

/**
 * Builds and renders a reply's pictures. A picture is an extra: if building or rendering fails,
 * the failure is logged with a reference and the reply goes out without pictures, never failing
 * the command, because the embed beside them already carries every number. The note is written
 * for `reader`, who reads the reply.
 */
export async function drawPictures(
  ctx: Pick<BotContext, 'pictures' | 'logger'>,
  build: (text: TextMeasure) => readonly Picture[],
  reader: Reader = ENGLISH,
): Promise<DrawnPictures> {
  try {
    const pictures = build(await ctx.pictures.textMeasure());
    const files = await Promise.all(
      pictures.map(async (picture) => ({ attachment: await ctx.pictures.render(picture), name: picture.name, description: picture.alt })),
    );
    return { ok: true, files };
  } catch (error) {
    const ref = errorReference();
    ctx.logger.error({ err: error, ref }, 'a picture could not be drawn; the reply went out as text');
    return { ok: false, files: [], note: presentationMessages.for(reader)('picture.not-drawn', { reference: ref }) };
  }
}

/** The `attachment://` link an embed's image uses to show one of the message's files. */
export function attachmentUrl(file: Pick<PictureFile, 'name'>): string {
  return `attachment://${file.name}`;
}
