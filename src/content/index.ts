import { loadCommunity, type Community } from './community.js';
import { ContentError, type ContentProblem, type ContentResult } from './load.js';

/**
 * Everything the bot reads from `data/`, validated once at start-up. A feature with content adds a
 * field here and its loader to `loadContent`, so every problem in every file is reported together.
 */
export interface Content {
  readonly community: Community;
}

export async function loadContent(): Promise<ContentResult<Content>> {
  const [community] = await Promise.all([loadCommunity()]);
  const problems: ContentProblem[] = [];
  for (const result of [community]) if (!result.ok) problems.push(...result.error.problems);
  if (!community.ok || problems.length > 0) return { ok: false, error: new ContentError(problems) };
  return { ok: true, value: { community: community.value } };
}
