// @ts-check
/**
 * The compiled copy of the bot that the npm scripts run (`npm install` builds it; scripts/launch.mjs
 * checks it is current before every start). Plain JavaScript so that plain `node` runs it: the point
 * is a start that loads neither tsx nor esbuild's hooks.
 *
 * Every TypeScript file the bot runs is transpiled one for one by esbuild, so the layout, and every
 * path a module finds from `import.meta.url` (commands/, migrations/), stays as in the sources. Files
 * that are read rather than imported (data/, package.json, fonts) stay where they are and are found
 * from the project root. No type checking here: `npm test` does that, and a type error must not make
 * `npm install` fail.
 *
 * `node scripts/build.mjs` builds; `--prepare` (npm's prepare script, after `npm install`/`npm ci`)
 * never fails the install: a start compiles again, or runs the sources, if this build didn't happen.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What is compiled (a folder or one file, relative to the root), and where to. */
const TREES = [
  { from: 'src', to: 'dist/src' },
  { from: 'commands', to: 'dist/commands' },
  { from: 'migrations', to: 'dist/migrations' },
  // The memory bench measures the bot as `npm start` runs it: compiled.
  { from: 'bench/memory-process.ts', to: 'dist/bench/memory-process.js' },
  // The sandbox starts the emulator. A package's exports must stay inside the package, so its build
  // is its own `dist/`, which the `roots-compiled` condition of its exports names.
  { from: 'packages/discord-emulator/src', to: 'packages/discord-emulator/dist' },
];

/** Written last by a build: the fingerprint of the sources it compiled. */
const STAMP = path.join(ROOT, 'dist', '.built-from');

/** The node flag that makes imports of workspace packages take their compiled `dist/`. */
export const COMPILED_CONDITION = '--conditions=roots-compiled';

const isSource = (/** @type {string} */ file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts');

/** Every file under `dir`, relative to it (Node 20.0 has no recursive readdir). */
function walk(/** @type {string} */ dir, prefix = '') {
  /** @type {string[]} */
  const files = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...walk(dir, relative));
    else files.push(relative);
  }
  return files;
}

/**
 * The TypeScript files of each tree, as [source, compiled] absolute paths, in a stable order. A tree
 * that doesn't exist is skipped (a checkout without benches still builds).
 */
function sources() {
  /** @type {{ source: string; compiled: string }[]} */
  const files = [];
  for (const tree of TREES) {
    const from = path.join(ROOT, tree.from);
    if (!existsSync(from)) continue;
    const to = path.join(ROOT, tree.to);
    if (statSync(from).isFile()) {
      files.push({ source: from, compiled: to });
      continue;
    }
    for (const file of walk(from).filter(isSource).sort()) {
      files.push({ source: path.join(from, file), compiled: path.join(to, file.replace(/\.ts$/, '.js')) });
    }
  }
  return files;
}

function esbuildVersion() {
  const require = createRequire(import.meta.url);
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8'))).version;
}

/**
 * A hash of what a build is made from: every source's path and content, this script, and esbuild's
 * version. Content, not modification times: a checkout, a stash or a copy that keeps times still
 * counts as a change exactly when the text changed. About 2 MB of sources: a few milliseconds.
 */
export function fingerprint() {
  const hash = createHash('sha256');
  hash.update(`esbuild ${esbuildVersion()}\0`);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const { source } of sources()) {
    hash.update(`\0${path.relative(ROOT, source)}\0`);
    hash.update(readFileSync(source));
  }
  return hash.digest('hex');
}

/** Whether dist/ was built from the sources exactly as they are now. */
export function isCurrent() {
  if (!existsSync(STAMP)) return false;
  if (!TREES.every((tree) => !existsSync(path.join(ROOT, tree.from)) || existsSync(path.join(ROOT, tree.to)))) return false;
  return readFileSync(STAMP, 'utf8').trim() === fingerprint();
}

function writeAtomically(/** @type {string} */ file, /** @type {Uint8Array | string} */ contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  // A start running beside this build (another terminal, a test) reads a whole file or none.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Compiles every tree and removes what no source produces any more (a deleted command must not
 * stay loadable), then records the fingerprint. Returns how long it took.
 */
export async function build() {
  const started = performance.now();
  const builtFrom = fingerprint();
  rmSync(STAMP, { force: true });
  const { transform, stop } = await import('esbuild');
  const files = sources();
  /** @type {Set<string>} */
  const written = new Set();
  // One at a time would leave esbuild's service idle: it transforms many files in parallel. Its
  // process is stopped after, or it would live beside the bot that the launcher starts next.
  await Promise.all(
    files.map(async ({ source, compiled }) => {
      const result = await transform(readFileSync(source, 'utf8'), {
        loader: 'ts',
        format: 'esm',
        platform: 'node',
        target: 'node20',
        sourcefile: source,
        // Linked maps: stack traces point at the TypeScript under NODE_OPTIONS=--enable-source-maps.
        sourcemap: 'external',
        // tsconfig.json's settings that change emitted code (ES2023 class fields, verbatim imports).
        tsconfigRaw: { compilerOptions: { target: 'ES2023', useDefineForClassFields: true, verbatimModuleSyntax: true } },
      });
      const mapName = `${path.basename(compiled)}.map`;
      writeAtomically(compiled, `${result.code}//# sourceMappingURL=${mapName}\n`);
      writeAtomically(`${compiled}.map`, result.map);
      written.add(compiled).add(`${compiled}.map`);
    }),
  ).finally(stop);
  for (const tree of TREES) {
    const to = path.join(ROOT, tree.to);
    if (!existsSync(to) || statSync(to).isFile()) continue;
    for (const file of walk(to)) {
      const absolute = path.join(to, file);
      if (!written.has(absolute) && !absolute.endsWith('.tmp')) rmSync(absolute, { force: true });
    }
  }
  writeAtomically(STAMP, `${builtFrom}\n`);
  return { files: files.length, seconds: (performance.now() - started) / 1000 };
}

/** The compiled counterpart of a source file (relative to the root or absolute), if it is built. */
export function compiledPathOf(/** @type {string} */ source) {
  const relative = path.relative(ROOT, path.resolve(ROOT, source));
  for (const tree of TREES) {
    if (relative === tree.from) return path.join(ROOT, tree.to);
    if (isSource(relative) && relative.startsWith(`${tree.from}${path.sep}`)) {
      return path.join(ROOT, tree.to, relative.slice(tree.from.length + 1).replace(/\.ts$/, '.js'));
    }
  }
  return undefined;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const prepare = process.argv.includes('--prepare');
  try {
    const { files, seconds } = await build();
    console.log(`Compiled ${files} TypeScript files into dist/ in ${seconds.toFixed(1)} s.`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!prepare) throw error;
    // The install itself succeeded; `npm start` compiles again, or runs the sources, and says so.
    console.warn(`Could not compile the TypeScript into dist/ (${reason.split('\n')[0]}); \`npm start\` will try again.`);
  }
}
