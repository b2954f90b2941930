import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../project-root.js';
import { loadContentFile, type ContentResult } from './load.js';

/** `data/` ships the content; code reads it from here so tests and the sandbox see the same files. */
export const DATA_DIR = path.join(PROJECT_ROOT, 'data', path.sep);

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const CommunitySchema = z.strictObject({
  name: text(100),
  tagline: text(200),
  about: text(1000),
  mission: text(1000),
  vision: text(1000),
});

export type Community = z.output<typeof CommunitySchema>;

export function loadCommunity(file = `${DATA_DIR}community.json`): Promise<ContentResult<Community>> {
  return loadContentFile(file, CommunitySchema);
}
