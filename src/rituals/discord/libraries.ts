import { inlineText } from '../../presentation/inline-text.js';
import { addPodcast, addPoem, editPodcast, editPoem, podcastInput, poemInput, type LibraryServices } from '../library.js';
import type { LibraryEntry, LibraryKind } from '../model.js';
import type { RitualOutcome } from '../problems.js';

/**
 * `/poem` and `/podcast` are the same command over a different library: what differs is here, and
 * library-command.ts and library-routes.ts build both from it.
 */

export interface FormField {
  readonly id: string;
  readonly label: string;
  readonly paragraph?: boolean;
  readonly required: boolean;
  readonly maxLength: number;
  readonly placeholder?: string;
}

export interface LibrarySpec {
  readonly kind: LibraryKind;
  readonly description: string;
  /** The word for one entry, as the remove option is named: `poem`, `episode`. */
  readonly noun: string;
  readonly formTitle: string;
  /** At most five: Discord's limit for a form. */
  readonly fields: readonly FormField[];
  add(services: LibraryServices, guildId: string, userId: string, values: Readonly<Record<string, string>>): Promise<RitualOutcome<LibraryEntry>>;
  /** Changes the fields given (the dashboard's edit form); `basedOn` is the revision the form showed. */
  edit(services: LibraryServices, guildId: string, id: number, basedOn: number, values: Readonly<Record<string, string>>): Promise<RitualOutcome<LibraryEntry>>;
  /** An entry's fields as the form types them, by field id. */
  values(entry: LibraryEntry): Readonly<Record<string, string>>;
  /**
   * One line naming an entry. Names are the moderators' words: made safe for the bot's Markdown by
   * default; autocomplete, which shows text as typed, passes `plain`.
   */
  describe(entry: LibraryEntry, text?: (name: string) => string): string;
}

export const POEMS: LibrarySpec = {
  kind: 'poem',
  noun: 'poem',
  description: "The server's poems for the poetry ritual",
  formTitle: 'Add a poem',
  fields: [
    { id: 'title', label: 'Title', required: true, maxLength: 200 },
    { id: 'author', label: 'Poet', required: true, maxLength: 100 },
    { id: 'year', label: 'Year first published', required: false, maxLength: 4, placeholder: '1891' },
    { id: 'source', label: 'Where it was first published', required: false, maxLength: 300, placeholder: 'Please only add poems in the public domain or shared with permission' },
    { id: 'text', label: 'The poem', paragraph: true, required: true, maxLength: 3800 },
  ],
  add: (services, guildId, userId, values) =>
    addPoem(services, guildId, userId, { title: values.title ?? '', author: values.author ?? '', year: values.year ?? '', source: values.source ?? '', text: values.text ?? '', questions: '' }),
  edit: (services, guildId, id, basedOn, values) => editPoem(services, guildId, id, basedOn, values),
  values: (entry) => (entry.kind === 'poem' ? poemInput(entry) : {}),
  describe: (entry, text = inlineText) => `#${entry.id} “${text(entry.title)}”${entry.kind === 'poem' ? ` by ${text(entry.author)}${entry.year === null ? '' : ` (${entry.year})`}` : ''}`,
};

export const PODCASTS: LibrarySpec = {
  kind: 'podcast',
  noun: 'episode',
  description: "The server's podcast-club episodes and prompts",
  formTitle: 'Add a podcast-club episode',
  fields: [
    { id: 'title', label: 'Episode title', required: true, maxLength: 200 },
    { id: 'show', label: 'Show', required: false, maxLength: 100 },
    { id: 'link', label: 'Link to the episode', required: false, maxLength: 500, placeholder: 'https://…' },
    { id: 'about', label: 'What to listen for (optional)', paragraph: true, required: false, maxLength: 1000 },
    { id: 'questions', label: '2 or 3 discussion questions, one per line', paragraph: true, required: true, maxLength: 920 },
  ],
  add: (services, guildId, userId, values) =>
    addPodcast(services, guildId, userId, { title: values.title ?? '', show: values.show ?? '', link: values.link ?? '', about: values.about ?? '', questions: values.questions ?? '' }),
  edit: (services, guildId, id, basedOn, values) => editPodcast(services, guildId, id, basedOn, values),
  values: (entry) => (entry.kind === 'podcast' ? podcastInput(entry) : {}),
  describe: (entry, text = inlineText) => `#${entry.id} “${text(entry.title)}”${entry.kind === 'podcast' && entry.show !== null ? ` (${text(entry.show)})` : ''}`,
};

/** Text as typed, for places that show no Markdown (autocomplete choices, thread names). */
export const plain = (name: string): string => name;
