import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import type { APIAttachment } from 'discord-api-types/v10';
import type { UploadedFile } from '@roots-bot/discord-emulator';

/**
 * The files the bot sends (a course report, a privacy export), saved where the person can open
 * them: one folder per attachment, so two reports of the same name never overwrite each other and
 * a file shown again after a restart lands where it did before. Each gets a number for `open N`.
 */

export interface SavedFile {
  readonly number: number;
  /** Where it was saved, as the person would type it: relative to where they started the sandbox. */
  readonly path: string;
  readonly filename: string;
  readonly text: boolean;
}

/** Text the terminal can print as it is; the rest is better opened with another program. */
const TEXT_TYPES = /^(text\/|application\/(json|csv|xml|x-ndjson|markdown|yaml))/i;
const TEXT_EXTENSIONS = /\.(txt|md|markdown|csv|tsv|json|ndjson|ya?ml|xml|log)$/i;

export function looksLikeText(file: UploadedFile): boolean {
  if (!TEXT_TYPES.test(file.contentType) && !TEXT_EXTENSIONS.test(file.filename)) return false;
  return !file.data.includes(0);
}

/** A name safe on any file system: no folders, nothing hidden, nothing a shell would trip over. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim();
  return cleaned === '' ? 'file' : cleaned.slice(0, 120);
}

export class SavedFiles {
  readonly #saved = new Map<string, SavedFile>();

  constructor(
    /** The folder files go in, e.g. `data/sandbox-files`. */
    private readonly dir: string,
    /** The bytes the bot uploaded, by attachment id. */
    private readonly bytes: (attachmentId: string) => UploadedFile | undefined,
    private readonly cwd: string = process.cwd(),
  ) {}

  /** Saves the attachment (once) and says where; undefined when the emulator has no bytes for it. */
  save(attachment: Pick<APIAttachment, 'id' | 'filename'>): SavedFile | undefined {
    const known = this.#saved.get(attachment.id);
    if (known) return known;
    const file = this.bytes(attachment.id);
    if (!file) return undefined;
    const folder = join(this.dir, attachment.id);
    const target = join(folder, safeFilename(attachment.filename));
    if (!existsSync(target)) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(target, file.data);
    }
    const shown = relative(this.cwd, target);
    const saved: SavedFile = {
      number: this.#saved.size + 1,
      path: shown.startsWith('..') || isAbsolute(shown) ? target : shown,
      filename: attachment.filename,
      text: looksLikeText(file),
    };
    this.#saved.set(attachment.id, saved);
    return saved;
  }

  /** The file numbered `number`, or the latest one when null. */
  find(number: number | null): SavedFile | undefined {
    const all = [...this.#saved.values()];
    return number === null ? all.at(-1) : all.find((file) => file.number === number);
  }

  /** The file's text, for printing in the terminal. */
  text(saved: SavedFile): string | undefined {
    const id = [...this.#saved.entries()].find(([, file]) => file === saved)?.[0];
    const file = id === undefined ? undefined : this.bytes(id);
    return file ? file.data.toString('utf8') : undefined;
  }

  get count(): number {
    return this.#saved.size;
  }
}
