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
        database: { kind: 'sqlite', path: 'data/roots.sqlite' },
        sandboxDatabasePath: 'data/sandbox.sqlite',
        logLevel: 'info',
        shards: { kind: 'auto' },
      },
    });
  });

  it('opens as many shards as Discord recommends by default, or SHARD_COUNT of them', () => {
    const plan = (env: Record<string, string>) => {
      const result = loadConfig({ DISCORD_TOKEN: TOKEN, ...env });
      return result.ok ? result.config.shards : result.error.problems;
    };
    expect(plan({})).toEqual({ kind: 'auto' });
    expect(plan({ SHARD_COUNT: ' auto ' })).toEqual({ kind: 'auto' });
    expect(plan({ SHARD_COUNT: '4' })).toEqual({ kind: 'all', count: 4 });
    for (const bad of ['0', '-1', '2.5', 'many', '04']) expect(plan({ SHARD_COUNT: bad })).toEqual(['SHARD_COUNT must be auto (as many shards as Discord recommends) or a whole number of shards, 1 or more']);
  });

  it("serves only its share in a process a ShardingManager spawned (SHARDS and SHARD_COUNT)", () => {
    const plan = (env: Record<string, string>) => {
      const result = loadConfig({ DISCORD_TOKEN: TOKEN, SHARDING_MANAGER: 'true', ...env });
      return result.ok ? result.config.shards : result.error.problems;
    };
    // discord.js sets SHARDS to the shard's id; a list of ids is accepted too.
    expect(plan({ SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ kind: 'some', shards: { count: 2, ids: [1] } });
    expect(plan({ SHARDS: '[0,2]', SHARD_COUNT: '4' })).toEqual({ kind: 'some', shards: { count: 4, ids: [0, 2] } });
    expect(plan({ SHARDS: '2', SHARD_COUNT: '2' })).toEqual(["SHARDS doesn't fit SHARD_COUNT: shard 2 does not exist among 2 shards"]);
    expect(plan({ SHARDS: 'x', SHARD_COUNT: '2' })).toEqual(['SHARDS must be the JSON list of shard ids a ShardingManager sets']);
    expect(plan({ SHARDS: '0' })).toEqual(['SHARD_COUNT must be a number in a process a ShardingManager spawned']);
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
