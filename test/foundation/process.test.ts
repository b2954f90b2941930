import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '@roots-bot/discord-emulator';
import { publishCommands } from '../../src/interactions/publish.js';
import { loadCommands } from '../../src/interactions/registry.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** An npm script's entry point, minus npm, with the environment given and no .env file. */
function start(env: Record<string, string>, entry: readonly string[] = ['src/main.ts']): Run {
  const child = spawn(TSX, [...entry], {
    cwd: ROOT,
    // An empty DOTENV_CONFIG_PATH target keeps a developer's own .env out of the test.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('npm run migrate', () => {
  it('applies the migrations and lists them with status', async () => {
    const env = { DATABASE_PATH: `${mkdtempSync(`${tmpdir()}/roots-migrate-`)}/bot.sqlite` };
    const before = start(env, ['src/db/migrate-cli.ts', 'status']);
    expect(await before.exited).toBe(0);
    expect(before.output()).toMatch(/pending\s+2026-11-24T00-00_guild-settings/);
    const up = start(env, ['src/db/migrate-cli.ts', 'up']);
    expect(await up.exited).toBe(0);
    const after = start(env, ['src/db/migrate-cli.ts', 'status']);
    expect(await after.exited).toBe(0);
    expect(after.output()).toMatch(/applied \S+Z\s+2026-11-24T00-00_guild-settings/);
    expect(after.output()).not.toContain('pending');
  }, 30_000);
});

describe('the bot as a process (npm start)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('refuses a bad environment with one message naming every problem, and exit code 1', async () => {
    const token = 'this-is.not-a.token';
    const run = start({ DISCORD_TOKEN: token, LOG_LEVEL: 'loud', DEV_GUILD_ID: 'abc' });
    expect(await run.exited).toBe(1);
    const output = run.output();
    expect(output).toContain("Roots Bot can't start yet");
    for (const name of ['DISCORD_TOKEN', 'DEV_GUILD_ID', 'LOG_LEVEL']) expect(output).toContain(`- ${name} `);
    expect(output).not.toContain(token);
  }, 20_000);

  it('connects with a token and API URL, answers, and stops cleanly on SIGTERM without logging the token', async () => {
    harness = await Harness.start({ rateLimits: { disabled: true } });
    const guild = harness.guild('Roots', { owner: 'morgan' });
    harness.channel(guild, 'general');
    const alice = harness.member(guild, 'alice');
    const { emulator } = harness;
    await publishCommands({ token: emulator.token, apiUrl: emulator.apiUrl }, (await loadCommands()).definitions);

    const run = start({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_PATH: `${mkdtempSync(`${tmpdir()}/roots-process-`)}/bot.sqlite`,
      LOG_LEVEL: 'debug',
    });
    await expect.poll(run.output, { timeout: 15_000, interval: 100 }).toContain('Roots Bot is online');

    const reply = await harness.as(alice).run('#general', 'about');
    expect(reply.kind).toBe('message');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Roots Bot stopped');
    expect(run.output()).not.toContain(emulator.token);
  }, 30_000);
});
