import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm start` with no token on a given data folder, with `input` piped in; resolves to what it printed. */
function startSandbox(dir: string, input: string): Promise<{ code: number | null; stdout: string }> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', SANDBOX_DATABASE_PATH: `${dir}/sandbox.sqlite`, LOG_LEVEL: 'info', DASHBOARD_PORT: '0' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** The time in "…it's now Tuesday, January 12, 2027 at 1:30 PM." as milliseconds. */
function clockIn(stdout: string, line: RegExp): number {
  const shown = line.exec(stdout)?.[1] ?? '';
  const at = Date.parse(shown.replace(/^\w+, /, '').replace(' at ', ' '));
  if (Number.isNaN(at)) throw new Error(`no clock reading matching ${String(line)} in the output`);
  return at;
}

describe('npm start, some work, quit, npm start again', () => {
  // Two cold starts of the whole bot: slow on a busy machine, so the limit is generous.
  it('finds the protocol in its thread, the members who they were, and the rituals still coming', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(`${tmpdir()}/roots-sandbox-restart-`);
    // Weeks forward: the issue was rituals going silent when a moved clock was forgotten.
    const first = await startSandbox(dir, ['join dave', 'as morgan', '/protocol start protocol:five-whys topic:"Students skip homework"', 'time +20d', 'quit', ''].join('\n'));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('A fresh start');
    expect(first.stdout).toContain('dave joined Roots Community.');
    expect(first.stdout).toContain('Welcome to Roots Community, dave!');
    expect(first.stdout).toContain('Step 1 of 8');
    expect(existsSync(`${dir}/sandbox.world.json`)).toBe(true);
    const leftAt = clockIn(first.stdout, /⏩ 20 days later: it's now (.+)\./);

    const second = await startSandbox(
      dir,
      ['time', '/onboarding stats', 'as dave', 'as morgan', 'show thread Students skip homework', 'click Next', 'time +7d', 'quit', ''].join('\n'),
    );
    expect(second.code).toBe(0);
    const out = second.stdout;
    expect(out).toContain('Welcome back');
    expect(out).not.toContain('start fresh');
    // The clock goes on from where it was left, not from today.
    expect(clockIn(out, /The bot's clock says (.+)\./)).toBeGreaterThanOrEqual(leftAt);
    // dave is still a member: no "nobody called dave", no second join, no second welcome, counted once.
    expect(out).toContain('You are now dave, in #general.');
    expect(out).not.toContain('nobody called dave');
    expect(out).not.toContain('Welcome to Roots Community, dave!');
    expect(out).toMatch(/Joined: 1\b/);
    // The thread is there with the protocol in it, and it moves on.
    expect(out).toContain('── thread "Students skip homework" in #general ──');
    expect(out).toContain('Step 2 of 8');
    // A week later both rituals post.
    const afterTravel = out.slice(out.indexOf('⏩ 7 days later'));
    expect(afterTravel).toContain('Roots Bot in #poems');
    expect(afterTravel).toContain('Roots Bot in #podcast-club');
  });
});
