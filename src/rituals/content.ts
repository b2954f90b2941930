import { z } from 'zod';
import { DATA_DIR } from '../content/community.js';
import { ContentError, loadContentFile, type ContentResult } from '../content/load.js';
import { localize, translationsSchema } from '../i18n/content.js';
import type { Reader } from '../i18n/locales.js';
import type { LibraryEntry } from './model.js';

/**
 * The starter libraries shipped in `data/rituals/`: public-domain poems (with author, year and
 * where they were first published, and which printing their words follow) and podcast-club
 * prompts. Each server gets its own copy the first time it needs one, and moderators add and
 * remove from there.
 */

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/, 'must be a short id in lowercase letters, digits and dashes');
/**
 * Which printing a poem's words, spelling and punctuation follow. Texts drift between editions
 * (Dickinson's quotation marks, Whitman's revisions), so each starter poem says which one it keeps.
 */
const edition = z
  .string({ error: 'must say which edition the text follows (its words, spelling and punctuation), e.g. "Text as printed in Lyrics of Lowly Life (1896)"' })
  .trim()
  .min(1, 'must say which edition the text follows (its words, spelling and punctuation)')
  .max(300, 'must be at most 300 characters');
const questions = z.array(text(300)).min(2, 'needs at least 2 discussion questions').max(3, 'has at most 3 discussion questions');

/**
 * A poem is the poet's words and is never translated; the questions beside it are the community's,
 * and may be. A podcast prompt is the community's words throughout.
 */
const poemTranslations = translationsSchema(z.object({ questions }));
const podcastTranslations = translationsSchema(z.object({ title: text(200), about: text(1000), questions }));

/** Embed limits shape these: a title fits in 256 characters, a description in 4096. */
export const StarterPoemSchema = z.strictObject({
  key,
  title: text(200),
  author: text(100),
  year: z.number().int().min(1000).max(1928, 'must be before 1929: the starter set ships only public-domain poems'),
  source: text(300),
  edition,
  text: text(3800),
  questions,
  translations: poemTranslations,
});

export const StarterPodcastSchema = z.strictObject({
  key,
  title: text(200),
  show: text(100).optional(),
  link: z.url({ protocol: /^https$/, error: 'must be an https:// link' }).optional(),
  about: text(1000).optional(),
  questions,
  translations: podcastTranslations,
});

const uniqueKeys = <T extends { key: string }>(entries: readonly T[], ctx: z.core.$RefinementCtx<readonly T[]>) => {
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    if (seen.has(entry.key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `the key "${entry.key}" is used twice` });
    seen.add(entry.key);
  }
};

const PoemsSchema = z.array(StarterPoemSchema).min(1, 'needs at least one poem').superRefine(uniqueKeys);
const PodcastsSchema = z.array(StarterPodcastSchema).min(1, 'needs at least one prompt').superRefine(uniqueKeys);

export type StarterPoem = z.output<typeof StarterPoemSchema>;
export type StarterPodcast = z.output<typeof StarterPodcastSchema>;

export interface RitualContent {
  readonly poems: readonly StarterPoem[];
  readonly podcasts: readonly StarterPodcast[];
}

/**
 * A library entry as `reader` reads it: a starter entry takes its translation from the shipped
 * content (a poem only its questions); an entry moderators wrote, or one whose starter text has
 * since changed, stays in the words it was written in.
 */
export function localizeEntry(entry: LibraryEntry, content: RitualContent, reader: Reader): LibraryEntry {
  if (entry.starterKey === null) return entry;
  if (entry.kind === 'poem') {
    const starter = content.poems.find((poem) => poem.key === entry.starterKey);
    if (starter === undefined || starter.title !== entry.title) return entry;
    return { ...entry, ...localize({ questions: entry.questions }, starter.translations, reader).value };
  }
  const starter = content.podcasts.find((podcast) => podcast.key === entry.starterKey);
  if (starter === undefined || starter.title !== entry.title || entry.about === null) return entry;
  return { ...entry, ...localize({ title: entry.title, about: entry.about, questions: entry.questions }, starter.translations, reader).value };
}

export async function loadRitualContent(dir = `${DATA_DIR}rituals/`): Promise<ContentResult<RitualContent>> {
  const [poems, podcasts] = await Promise.all([loadContentFile(`${dir}poems.json`, PoemsSchema), loadContentFile(`${dir}podcasts.json`, PodcastsSchema)]);
  if (poems.ok && podcasts.ok) return { ok: true, value: { poems: poems.value, podcasts: podcasts.value } };
  const problems = [poems, podcasts].flatMap((result) => (result.ok ? [] : result.error.problems));
  return { ok: false, error: new ContentError(problems) };
}
