import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { START_NODE_FLAGS } from '../support/entry-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONDITION = '--conditions=roots-compiled';

/**
 * A project of one source file, with the real build and launcher and the real node_modules: what
 * `npm start` does with dist/, in a copy so the checkout's own dist/ is never touched.
 */
function project(): string {
  const dir = mkdtempSync(`${tmpdir()}/roots-launch-`);
  mkdirSync(`${dir}/src`);
  mkdirSync(`${dir}/scripts`);
  cpSync(`${ROOT}scripts/build.mjs`, `${dir}/scripts/build.mjs`);
  cpSync(`${ROOT}scripts/launch.mjs`, `${dir}/scripts/launch.mjs`);
  writeFileSync(`${dir}/package.json`, JSON.stringify({ name: 'launch-test', type: 'module' }));
  symlinkSync(`${ROOT}node_modules`, `${dir}/node_modules`);
  return dir;
}

/** A source that says which text it is, whether it runs compiled, and its arguments. */
const hello = (version: string) =>
  `const where: string = import.meta.url.includes('/dist/') ? 'dist' : 'source';\nconsole.log(\`${version} from \${where}: \${process.argv.slice(2).join(' ')}\`);\n`;

function launch(dir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [CONDITION, 'scripts/launch.mjs', 'src/hello.ts', ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm start runs the compiled build (scripts/launch.mjs)', () => {
  let dir: string;
  beforeAll(() => {
    dir = project();
    writeFileSync(`${dir}/src/hello.ts`, hello('first'));
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  });

  it('runs dist/ as built when the sources have not changed, without compiling again', () => {
    const run = launch(dir, 'status', '--sandbox');
    expect(run.stdout).toBe('first from dist: status --sandbox\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('compiles again when a source changed, and never runs the stale build', () => {
    writeFileSync(`${dir}/src/hello.ts`, hello('second'));
    const run = launch(dir);
    expect(run.stdout).toBe('second from dist: \n');
    expect(run.stderr).toContain('The TypeScript changed since the last build');
    // Now current again: no second compile.
    expect(launch(dir).stderr).toBe('');
  });

  it('a changed source that does not compile is reported against the source, and the old build does not run', () => {
    writeFileSync(`${dir}/src/hello.ts`, `${hello('third')}console.log(;\n`);
    const run = launch(dir);
    expect(run.stdout).not.toContain('second');
    expect(run.stderr).toContain('Could not compile into dist/');
    expect(run.stderr).toContain('hello.ts');
    expect(run.code).not.toBe(0);
    writeFileSync(`${dir}/src/hello.ts`, hello('fourth'));
    expect(launch(dir).stdout).toBe('fourth from dist: \n');
  });

  it('a deleted source leaves nothing behind in dist/ (a removed command must not stay loadable)', () => {
    writeFileSync(`${dir}/src/extra.ts`, 'export const extra: number = 1;\n');
    launch(dir);
    expect(existsSync(`${dir}/dist/src/extra.js`)).toBe(true);
    rmSync(`${dir}/src/extra.ts`);
    launch(dir);
    expect(existsSync(`${dir}/dist/src/extra.js`)).toBe(false);
  });

  it('refuses to start without the flag that makes imports take compiled workspace packages', () => {
    const run = spawnSync(process.execPath, ['scripts/launch.mjs', 'src/hello.ts'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(CONDITION);
  });
});

describe('the npm scripts', () => {
  it('start the bot, its shards and its tools through the launcher, with the same node flags', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(START_NODE_FLAGS).toContain(CONDITION);
    const entries = { start: 'src/main.ts', 'start:shards': 'src/shards.ts', migrate: 'src/db/migrate-cli.ts', 'db:copy': 'src/db/copy-cli.ts', 'deploy-commands': 'src/deploy-commands.ts' };
    for (const [name, entry] of Object.entries(entries)) expect(scripts[name]).toBe(`node ${START_NODE_FLAGS.join(' ')} scripts/launch.mjs ${entry}`);
    expect(scripts.prepare).toBe('node scripts/build.mjs --prepare');
  });
});
