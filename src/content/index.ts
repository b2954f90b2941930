import { loadCommunity } from './community.js';
import { ContentError, type ContentProblem, type ContentResult } from './load.js';
import { loadOnboardingContent } from '../onboarding/content.js';
import { loadRitualContent } from '../rituals/content.js';
import { loadCourses } from '../courses/content.js';
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
  if (problems.length > 0) return { ok: false, error: new ContentError(problems) };
  // Every result is ok here; the table's types say which value each key holds.
  return { ok: true, value: Object.fromEntries(results.map(([key, result]) => [key, result.ok ? result.value : undefined])) as unknown as Content };
}
