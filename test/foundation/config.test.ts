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
});
