import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PackageScripts = z.object({ scripts: z.object({ start: z.string() }) });

/**
 * The node flags `npm start` gives before scripts/launch.mjs (the compiled-packages condition, the
 * heap's settings), read from package.json so tests and benches run the bot exactly as it runs.
 */
export const START_NODE_FLAGS: readonly string[] = (() => {
  const { start } = PackageScripts.parse(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'))).scripts;
  const words = start.split(' ');
  const launcher = words.indexOf('scripts/launch.mjs');
  if (words[0] !== 'node' || launcher < 0) throw new Error(`npm start no longer runs \`node … scripts/launch.mjs\`: ${start}`);
  return words.slice(1, launcher);
})();

export interface Run {
  readonly child: ChildProcess;
  /** Standard output and standard error together, in order. */
  readonly output: () => string;
  /** Standard error alone: what a person at the terminal reads among the JSON log lines. */
  readonly errors: () => string;
  readonly exited: Promise<number | null>;
}

/**
 * An npm script's entry point as the script runs it (compiled, through scripts/launch.mjs), minus
 * npm, with the environment given and no .env file.
 */
export function start(env: Record<string, string>, entry: readonly string[] = ['src/main.ts']): Run {
  const child = spawn(process.execPath, [...START_NODE_FLAGS, 'scripts/launch.mjs', ...entry], {
    cwd: ROOT,
    // An empty DOTENV_CONFIG_PATH target keeps a developer's own .env out of the test.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    errors += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, errors: () => errors, exited };
}

