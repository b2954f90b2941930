import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz012345';

describe('loadConfig', () => {
  it('runs the sandbox with defaults when nothing is set, treating blank lines as unset', () => {
    const result = loadConfig({ DISCORD_TOKEN: '', DATABASE_PATH: '  ', LOG_LEVEL: '' });
    expect(result).toEqual({
      ok: true,
      config: {
        connection: { kind: 'sandbox' },
        dashboard: { kind: 'sandbox', port: 3030, publicUrl: undefined, sessionSecret: undefined },
        devGuildId: undefined,
        databasePath: 'data/roots.sqlite',
        sandboxDatabasePath: 'data/sandbox.sqlite',
        logLevel: 'info',
      },
    });
  });

  it('connects to Discord when a token is set', () => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: '123456789012345678', DEV_GUILD_ID: '223456789012345678' });
    expect(result.ok && result.config.connection).toEqual({ kind: 'discord', token: TOKEN, appId: '123456789012345678', apiUrl: undefined });
    expect(result.ok && result.config.devGuildId).toBe('223456789012345678');
  });

  it('lists every problem by name in one message', () => {
    const result = loadConfig({ DISCORD_TOKEN: 'not-a-token', DEV_GUILD_ID: '42', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://example' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map((p) => p.split(' ')[0])).toEqual(['DISCORD_TOKEN', 'DEV_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL']);
    expect(result.error.message).toMatch(/^Roots Bot can't start yet/);
  });

  it('never repeats the token value in its message', () => {
    const secret = 'secret-looking.value"with-a-quote';
    const result = loadConfig({ DISCORD_TOKEN: secret });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toContain(secret);
  });

  it('keeps the dashboard off against Discord until DASHBOARD_PORT is set, then asks for what sign-in needs', () => {
    const off = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(off.ok && off.config.dashboard).toBeNull();
    const missing = loadConfig({ DISCORD_TOKEN: TOKEN, DASHBOARD_PORT: '3030' });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    for (const name of ['DASHBOARD_PUBLIC_URL', 'DISCORD_CLIENT_SECRET', 'SESSION_SECRET', 'DISCORD_APP_ID']) expect(missing.error.message).toContain(name);
    const short = loadConfig({ DISCORD_TOKEN: TOKEN, SESSION_SECRET: 'short' });
    expect(!short.ok && short.error.message).toContain('SESSION_SECRET must be at least 32 characters');
    const on = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: '123456789012345678',
      DASHBOARD_PORT: '3030',
      DASHBOARD_PUBLIC_URL: 'https://roots.example.org',
      DISCORD_CLIENT_SECRET: 'abcdefghijklmnopqrstuvwxyz',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(on.ok && on.config.dashboard).toMatchObject({ kind: 'discord', port: 3030, publicUrl: 'https://roots.example.org', clientId: '123456789012345678' });
    const badPort = loadConfig({ DASHBOARD_PORT: 'eighty' });
    expect(!badPort.ok && badPort.error.message).toContain('DASHBOARD_PORT must be a port number');
  });
});
