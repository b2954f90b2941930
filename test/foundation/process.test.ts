import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { start } from '../support/entry-process.js';
import { Harness } from '@roots-bot/discord-emulator';
import { publishCommands } from '../../src/interactions/publish.js';
import { loadCommands } from '../../src/interactions/registry.js';


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

// Well-shaped, but no application has it.
const WRONG_TOKEN = `MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.${'x'.repeat(38)}`;

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a start that fails (npm start with a token)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('ends the process with code 1 and a plain message when the gateway refuses every connection', async () => {
    // Discord's REST answers and names a gateway; the gateway refuses every WebSocket upgrade.
    let upgrades = 0;
    const server = createServer((request, response) => {
      if (request.url?.endsWith('/gateway/bot')) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }));
        return;
      }
      response.statusCode = 404;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ message: '404: Not Found', code: 0 }));
    });
    server.on('upgrade', (_request, socket) => {
      upgrades += 1;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
    });
    servers.push(server);
    const port = await listen(server);

    const run = start({
      DISCORD_TOKEN: WRONG_TOKEN,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      DATABASE_PATH: `${mkdtempSync(`${tmpdir()}/roots-process-`)}/bot.sqlite`,
    });
    const exited = await Promise.race([run.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    if (exited === 'still running') run.child.kill('SIGKILL');
    expect(exited).toBe(1);
    expect(run.errors()).toContain('Roots Bot could not start');
    expect(run.errors()).toContain('could not be reached');
    expect(run.output()).toContain('"msg":"Roots Bot could not start"');
    // A handful of tries, not a reconnect loop; and none once the process is gone.
    expect(upgrades).toBeGreaterThan(0);
    expect(upgrades).toBeLessThanOrEqual(6);
    const after = upgrades;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(upgrades).toBe(after);
  }, 40_000);

  it('says in plain words that Discord could not be reached, keeping the details in the log', async () => {
    const run = start({
      DISCORD_TOKEN: WRONG_TOKEN,
      DISCORD_API_URL: `http://127.0.0.1:${await closedPort()}/api`,
      DATABASE_PATH: `${mkdtempSync(`${tmpdir()}/roots-process-`)}/bot.sqlite`,
    });
    expect(await run.exited).toBe(1);
    const errors = run.errors();
    expect(errors).toContain('could not be reached');
    expect(errors).toContain('firewall');
    expect(errors).toContain('DISCORD_API_URL');
    // The codes stay in the JSON log on standard output, not in the sentence.
    expect(errors).not.toContain('ECONNREFUSED');
    expect(errors).not.toContain('{"level"');
    expect(run.output()).toMatch(/"level":60.*"code":"ECONNREFUSED"/);
  }, 30_000);

  it('says so plainly when Discord refuses the token', async () => {
    const harness = await Harness.start({ rateLimits: { disabled: true } });
    try {
      const run = start({
        DISCORD_TOKEN: WRONG_TOKEN,
        DISCORD_API_URL: harness.emulator.apiUrl,
        DATABASE_PATH: `${mkdtempSync(`${tmpdir()}/roots-process-`)}/bot.sqlite`,
      });
      expect(await run.exited).toBe(1);
      expect(run.errors()).toContain('Discord did not accept the bot token');
      expect(run.errors()).toContain('Reset Token');
      expect(run.output()).not.toContain(WRONG_TOKEN);
    } finally {
      await harness.close();
    }
  }, 30_000);
});
