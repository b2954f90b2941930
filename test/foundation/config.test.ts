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
        database: { kind: 'sqlite', path: 'data/roots.sqlite' },
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

  it('chooses PostgreSQL when DATABASE_URL is set, and SQLite at DATABASE_PATH otherwise', () => {
    const url = 'postgres://roots:s3cret@db.internal:5432/roots';
    const result = loadConfig({ DATABASE_URL: url, DATABASE_PATH: 'ignored.sqlite' });
    expect(result.ok && result.config.database).toEqual({ kind: 'postgres', url });
    const blank = loadConfig({ DATABASE_URL: ' ', DATABASE_PATH: 'data/here.sqlite' });
    expect(blank.ok && blank.config.database).toEqual({ kind: 'sqlite', path: 'data/here.sqlite' });
  });

  it('names a bad DATABASE_URL without ever printing it (it carries the password)', () => {
    for (const bad of ['mysql://roots:hunter2-pass@localhost/roots', 'postgres//roots:hunter2-pass@localhost', 'hunter2-pass']) {
      const result = loadConfig({ DATABASE_URL: bad });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.problems).toEqual([expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL such as postgres:\/\//)]);
      expect(result.error.message).not.toContain('hunter2');
    }
  });

  it('never repeats the token value in its message', () => {
    const secret = 'secret-looking.value"with-a-quote';
    const result = loadConfig({ DISCORD_TOKEN: secret });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toContain(secret);
  });
});
