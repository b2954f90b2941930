import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './project-root.js';

const PackageJson = z.object({ version: z.string() });

/** The bot's version as released, read once from package.json. */
export const BOT_VERSION: string = PackageJson.parse(
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')),
).version;
