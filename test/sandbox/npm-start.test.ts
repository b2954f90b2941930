import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly logPath: string;
}

/** `npm start` with no token, as a person would run it, with `input` piped in. */
function startSandbox(input: string): Promise<Run> {
  const dir = mkdtempSync(`${tmpdir()}/roots-sandbox-cli-`);
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', SANDBOX_DATABASE_PATH: `${dir}/sandbox.sqlite`, LOG_LEVEL: 'info', DASHBOARD_PORT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, logPath: `${dir}/sandbox.log` }));
  });
}

describe('npm start without a DISCORD_TOKEN', () => {
  it('says it is the sandbox, answers /about, and exits on quit', { timeout: 15_000 }, async () => {
    const run = await startSandbox('/about\nquit\nthis line is never read\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No DISCORD_TOKEN set, so this is the local sandbox: a pretend Discord server on your computer.');
    expect(run.stdout).toContain('Roots Bot in #general (only you can see this)');
    expect(run.stdout).toContain('Roots Bot · Roots');
    expect(run.stdout).toContain('Our mission');
    expect(run.stdout).toMatch(/The moderator dashboard is at http:\/\/127\.0\.0\.1:\d+: open it in your browser and sign in as morgan\./);
    expect(run.stdout).not.toContain('this line is never read');
    expect(run.stdout.trimEnd().endsWith('Closing the sandbox. See you soon!')).toBe(true);
    // Piped output is for reading and scripting: no colour codes, no prompts, no log lines.
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).not.toContain('morgan in #general>');
    expect(run.stdout).not.toContain('"level"');
    expect(existsSync(run.logPath)).toBe(true);
  });

  it('also finishes cleanly at the end of input, without quit', { timeout: 15_000 }, async () => {
    const run = await startSandbox('as alice\n/about\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('You are now alice, in #general.');
    expect(run.stdout).toContain('Roots Bot · Roots');
    expect(run.stdout).toContain('Closing the sandbox. See you soon!');
  });
});
