import { inlineText } from '../../presentation/inline-text.js';
import { addPodcast, addPoem, editPodcast, editPoem, podcastInput, poemInput, type LibraryServices } from '../library.js';
import type { LibraryEntry, LibraryKind } from '../model.js';
import type { RitualOutcome } from '../problems.js';
import type { RitualKey, RitualsT } from './messages.js';

/**
 * `/poem` and `/podcast` are the same command over a different library: what differs is here, and
 * library-command.ts and library-routes.ts build both from it.
 */

export interface FormField {
  readonly id: string;
  readonly label: RitualKey;
  readonly paragraph?: boolean;
  readonly required: boolean;
  readonly maxLength: number;
  readonly placeholder?: RitualKey;
}

export interface LibrarySpec {
  readonly kind: LibraryKind;
  /** The command's description, in English: its other languages are in command-localizations.ts. */
  readonly description: string;
  /** The word for one entry, as the remove option is named: `poem`, `episode`. */
  readonly noun: string;
  /** At most five: Discord's limit for a form. */
  readonly fields: readonly FormField[];
  add(services: LibraryServices, guildId: string, userId: string, values: Readonly<Record<string, string>>): Promise<RitualOutcome<LibraryEntry>>;
  /** Changes the fields given (the dashboard's edit form); `basedOn` is the revision the form showed. */
  edit(services: LibraryServices, guildId: string, id: number, basedOn: number, values: Readonly<Record<string, string>>): Promise<RitualOutcome<LibraryEntry>>;
  /** An entry's fields as the form types them, by field id. */
  values(entry: LibraryEntry): Readonly<Record<string, string>>;
  /**
   * One line naming an entry, in the reader's words. Names are the moderators' words: made safe for
   * the bot's Markdown by default; autocomplete, which shows text as typed, passes `plain`.
   */
  describe(t: RitualsT, entry: LibraryEntry, text?: (name: string) => string): string;
}

export const POEMS: LibrarySpec = {
  kind: 'poem',
  noun: 'poem',
  description: "The server's poems for the poetry ritual",
  fields: [
    { id: 'title', label: 'library.field.poem.title', required: true, maxLength: 200 },
    { id: 'author', label: 'library.field.poem.author', required: true, maxLength: 100 },
    { id: 'year', label: 'library.field.poem.year', required: false, maxLength: 4, placeholder: 'library.field.poem.year.placeholder' },
    { id: 'source', label: 'library.field.poem.source', required: false, maxLength: 300, placeholder: 'library.field.poem.source.placeholder' },
    { id: 'text', label: 'library.field.poem.text', paragraph: true, required: true, maxLength: 3800 },
  ],
  add: (services, guildId, userId, values) =>
    addPoem(services, guildId, userId, { title: values.title ?? '', author: values.author ?? '', year: values.year ?? '', source: values.source ?? '', text: values.text ?? '', questions: '' }),
  edit: (services, guildId, id, basedOn, values) => editPoem(services, guildId, id, basedOn, values),
  values: (entry) => (entry.kind === 'poem' ? poemInput(entry) : {}),
  describe(t, entry, text = inlineText) {
    const line = { id: String(entry.id), title: text(entry.title) };
    if (entry.kind !== 'poem') return t('library.line.podcast', line);
    const author = text(entry.author);
    return entry.year === null ? t('library.line.poem', { ...line, author }) : t('library.line.poem-year', { ...line, author, year: String(entry.year) });
  },
};

export const PODCASTS: LibrarySpec = {
  kind: 'podcast',
  noun: 'episode',
  description: "The server's podcast-club episodes and prompts",
  fields: [
    { id: 'title', label: 'library.field.podcast.title', required: true, maxLength: 200 },
    { id: 'show', label: 'library.field.podcast.show', required: false, maxLength: 100 },
    { id: 'link', label: 'library.field.podcast.link', required: false, maxLength: 500, placeholder: 'library.field.podcast.link.placeholder' },
    { id: 'about', label: 'library.field.podcast.about', paragraph: true, required: false, maxLength: 1000 },
    { id: 'questions', label: 'library.field.podcast.questions', paragraph: true, required: true, maxLength: 920 },
  ],
  add: (services, guildId, userId, values) =>
    addPodcast(services, guildId, userId, { title: values.title ?? '', show: values.show ?? '', link: values.link ?? '', about: values.about ?? '', questions: values.questions ?? '' }),
  edit: (services, guildId, id, basedOn, values) => editPodcast(services, guildId, id, basedOn, values),
  values: (entry) => (entry.kind === 'podcast' ? podcastInput(entry) : {}),
  describe(t, entry, text = inlineText) {
    const line = { id: String(entry.id), title: text(entry.title) };
    return entry.kind === 'podcast' && entry.show !== null ? t('library.line.podcast-show', { ...line, show: text(entry.show) }) : t('library.line.podcast', line);
  },
};

/** Text as typed, for places that show no Markdown (autocomplete choices, thread names). */
export const plain = (name: string): string => name;
