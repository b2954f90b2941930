import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type ChannelRecord, type GuildRecord } from '@roots-bot/discord-emulator';
import { publishCommands } from '../../src/interactions/publish.js';
import { loadCommands } from '../../src/interactions/registry.js';
import { shardOfGuild } from '../../src/sharding/shards.js';
import { freshTarget } from '../support/database.js';
import { start } from '../support/entry-process.js';

// In both test projects: on PostgreSQL the shards run as processes; on SQLite they are refused.
describe('the bot as one process per shard (npm run start:shards)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('spawns a process per shard on PostgreSQL, each serving its own servers, and stops them all on SIGTERM; on SQLite says it needs PostgreSQL', async () => {
    harness = await Harness.start({ rateLimits: { disabled: true }, sessionStarts: { maxConcurrency: 2 } });
    const h = harness;
    // A snowflake's shard comes from its millisecond: servers made a millisecond apart spread, but a
    // busy machine can skip milliseconds, so make servers until both shards have some.
    const servers: { guild: GuildRecord; general: ChannelRecord; shard: number }[] = [];
    const spread = () => new Set(servers.map((server) => server.shard)).size === 2;
    for (let n = 0; n < 20 && (n < 4 || !spread()); n += 1) {
      const guild = h.guild(`Roots ${n}`, { owner: 'morgan' });
      servers.push({ guild, general: h.channel(guild, 'general'), shard: shardOfGuild(guild.id, 2) });
      const at = Date.now();
      while (Date.now() === at) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(new Set(servers.map((server) => server.shard))).toEqual(new Set([0, 1]));
    const alice = h.user('alice');
    for (const { guild } of servers) h.member(guild, 'alice');
    const { emulator } = h;
    await publishCommands({ token: emulator.token, apiUrl: emulator.apiUrl }, (await loadCommands()).definitions);

    const database = await freshTarget();
    const run = start(
      {
        DISCORD_TOKEN: emulator.token,
        DISCORD_API_URL: emulator.apiUrl,
        ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : { DATABASE_PATH: database.path }),
        SHARD_COUNT: '2',
      },
      ['src/shards.ts'],
    );
    if (database.kind === 'sqlite') {
      // A SQLite file serves one process: the manager says what to do before starting any shard.
      expect(await run.exited).toBe(1);
      expect(run.errors()).toContain('One process per shard needs PostgreSQL');
      expect(run.output()).not.toContain('starting a shard');
      return;
    }
    const online = () =>
      run
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"Roots Bot is online"'))
        .map((line) => JSON.parse(line) as { shards: { ids: number[] }; guilds: number })
        .sort((a, b) => (a.shards.ids[0] ?? 0) - (b.shards.ids[0] ?? 0));
    await expect.poll(() => online().length, { timeout: 80_000, interval: 200 }).toBe(2);
    expect(run.output()).toContain('every shard is online');
    expect(online().map((line) => line.shards)).toEqual([
      { count: 2, ids: [0] },
      { count: 2, ids: [1] },
    ]);
    expect(online().map((line) => line.guilds)).toEqual([0, 1].map((shard) => servers.filter((server) => server.shard === shard).length));

    // Discord sends each server's interactions to its shard's process only: every one answers.
    for (const { general } of servers) expect((await h.as(alice).run(general, 'about')).kind).toBe('message');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output().match(/"msg":"Roots Bot stopped"/g)).toHaveLength(2);
    expect(run.output()).toContain('every shard stopped');
    expect(run.output()).not.toContain(emulator.token);
  }, 120_000);

  it('refuses to start without a token: the sandbox is one process', async () => {
    const run = start({}, ['src/shards.ts']);
    expect(await run.exited).toBe(1);
    expect(run.errors()).toContain('needs DISCORD_TOKEN');
  }, 20_000);
});

