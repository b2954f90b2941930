import { loadCommunity } from './community.js';
import { ContentError, type ContentProblem, type ContentResult } from './load.js';
import { loadOnboardingContent } from '../onboarding/content.js';
import { loadRitualContent } from '../rituals/content.js';
import { loadCourses, shippedPracticeProblems } from '../courses/content.js';
import { loadProtocols } from '../protocols/protocol-content.js';

/**
 * Everything the bot reads from `data/`, validated once at start-up. A feature with content adds
 * its loader to this table, one line; every problem in every file is reported together.
 */
const LOADERS = {
  community: loadCommunity,
  onboarding: loadOnboardingContent,
  rituals: loadRitualContent,
  courses: loadCourses,
  protocols: loadProtocols,
} as const;

type Loaded<L> = L extends () => Promise<ContentResult<infer T>> ? T : never;

export type Content = { readonly [K in keyof typeof LOADERS]: Loaded<(typeof LOADERS)[K]> };

export async function loadContent(): Promise<ContentResult<Content>> {
  const entries = Object.entries(LOADERS) as [keyof Content, () => Promise<ContentResult<unknown>>][];
  const results = await Promise.all(entries.map(async ([key, load]) => [key, await load()] as const));
  const problems: ContentProblem[] = results.flatMap(([, result]) => (result.ok ? [] : result.error.problems));
  const loaded = Object.fromEntries(results.flatMap(([key, result]) => (result.ok ? [[key, result.value]] : []))) as Partial<Content>;
  problems.push(...(await crossCheck(loaded)));
  if (problems.length > 0) return { ok: false, error: new ContentError(problems) };
  // Every result is ok here; the table's types say which value each key holds.
  return { ok: true, value: loaded as Content };
}

/** What one file can't know alone: whether what it names in other content exists. Runs on what loaded. */
async function crossCheck({ courses, protocols }: Partial<Content>): Promise<ContentProblem[]> {
  // A lesson's "Practise" button must lead to a protocol that ships.
  return courses !== undefined && protocols !== undefined ? shippedPracticeProblems(courses, protocols) : [];
}
