// @ts-check
/**
 * What `npm start` and the other npm scripts run:
 * `node --conditions=roots-compiled scripts/launch.mjs src/main.ts [arguments…]`.
 *
 * Runs the compiled copy of the entry from dist/ in this very process when dist/ was built from the
 * sources exactly as they are now (see build.mjs); after a change, compiles first (a second or two),
 * so an edited source never runs stale. If compiling fails, runs the TypeScript with tsx instead and
 * says so in one line: a syntax error is then reported against the source, as before.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, compiledPathOf, COMPILED_CONDITION, isCurrent, ROOT } from './build.mjs';

const [entry, ...args] = process.argv.slice(2);
const compiled = entry === undefined ? undefined : compiledPathOf(entry);
if (entry === undefined || compiled === undefined) {
  console.error(`usage: node ${COMPILED_CONDITION} scripts/launch.mjs <a .ts file in src/> [arguments…]`);
  process.exit(2);
}
// Without the condition the compiled sandbox would import the emulator's TypeScript and fail.
if (!process.execArgv.includes(COMPILED_CONDITION)) {
  console.error(`scripts/launch.mjs needs node's ${COMPILED_CONDITION} flag, as the npm scripts give it.`);
  process.exit(2);
}

/** Whether dist/ holds the sources as they are now, compiling them first if they changed. */
async function ensureCompiled() {
  try {
    if (isCurrent()) return true;
    const { seconds } = await build();
    console.error(`The TypeScript changed since the last build: compiled it into dist/ in ${seconds.toFixed(1)} s.`);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`Could not compile into dist/ (${reason}); running the TypeScript with tsx instead, which starts slower.`);
    return false;
  }
}

/** The entry from source, in a child process (tsx's loader must be there from the process's start). */
function runFromSource(/** @type {string} */ source) {
  // The same node flags but the condition: from source, workspace packages are TypeScript too.
  const flags = process.execArgv.filter((flag) => flag !== COMPILED_CONDITION);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.resolve(ROOT, source), ...args], { stdio: 'inherit' });
  // Ctrl-C reaches the child from the terminal itself; a supervisor's signals reach only this process.
  process.on('SIGINT', () => {});
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGHUP'])) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal === null ? 0 : constants.signals[signal])));
}

if (await ensureCompiled()) {
  // The entry reads its arguments from process.argv as if node had been started on it.
  process.argv = [process.argv[0] ?? process.execPath, compiled, ...args];
  await import(pathToFileURL(compiled).href);
} else {
  runFromSource(entry);
}
