import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type GuildRecord } from '@roots-bot/discord-emulator';
import type { RunningBot } from '../../../src/bot.js';
import { ManualClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { createOnboardingFeature } from '../../../src/onboarding/discord/feature.js';
import { startBotOnEmulator } from '../../../src/sandbox/sandbox-bot.js';
import { shardOfGuild, shardsOf } from '../../../src/sharding/shards.js';
import type { LogLine } from '../../support/bot.js';
import { freshTarget } from '../../support/database.js';
import { commitTo, introduce, message, modal, nextDm, START } from './support.js';

/**
 * One process per shard (`npm run start:shards`): Discord sends every DM, and so every click on an
 * onboarding DM, to shard 0, whatever server the walk belongs to. A member of a server held by
 * shard 1 walks it from their DMs all the same: shard 0 carries the walk on from the shared
 * database and reaches the server by REST (introduction post, member role).
 */

async function nextMillisecond(): Promise<void> {
  const at = Date.now();
  while (Date.now() === at) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('an onboarding DM for a server on another shard than 0', () => {
  let harness: Harness | undefined;
  const bots: RunningBot[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    await harness?.close();
    harness = undefined;
  });

  it('is walked from the DMs to the end: shard 0 answers each click, posts the introduction and grants the role', async () => {
    const h = (harness = await Harness.start({ rateLimits: { disabled: true }, sessionStarts: { maxConcurrency: 2, identifyWindowMs: 0 } }));
    // A server on shard 1 of 2 (its shard comes from its ID's millisecond).
    let guild: GuildRecord | undefined;
    for (let n = 0; guild === undefined; n += 1) {
      const made = h.guild(`Roots ${n}`, { owner: 'morgan' });
      if (shardOfGuild(made.id, 2) === 1) guild = made;
      await nextMillisecond();
    }
    const memberRoleId = h.role(guild, 'Member');
    const general = h.channel(guild, 'general');
    const introductions = h.channel(guild, 'introductions');
    h.channel(guild, 'welcome');
    h.channel(guild, 'mod-log');
    const morgan = h.user('morgan');

    const clock = new ManualClock(START);
    const database = await freshTarget();
    const logs: LogLine[][] = [];
    for (const shard of [0, 1]) {
      const lines: LogLine[] = [];
      logs.push(lines);
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
          done();
        },
      });
      const logger = createLogger({ level: 'debug', secrets: [h.emulator.token], destination });
      bots.push(await startBotOnEmulator(h.emulator, { database, logger, clock, shards: { kind: 'some', shards: shardsOf(2, [shard]) }, features: () => [createOnboardingFeature()] }));
    }
    const [shard0, shard1] = bots;
    expect(shard0?.client.guilds.cache.has(guild.id)).toBe(false);
    expect(shard1?.client.guilds.cache.has(guild.id)).toBe(true);

    const setup = await h.as(morgan).run(general, 'onboarding setup', { 'member-role': 'Member', introductions: '#introductions', 'welcome-channel': '#welcome', 'log-channel': '#mod-log' });
    expect(setup.kind).toBe('message');

    // The join reaches shard 1, which sends the welcome DM.
    const dave = h.user('dave', { globalName: 'Dave' });
    const welcomed = nextDm(h, dave);
    h.join(guild, 'dave');
    const welcome = await welcomed;
    expect(welcome.embeds[0]?.title).toBe('Tenet 1 of 5 · Share Generously');

    // Every click in the DM reaches shard 0 only.
    const second = message(await h.as(dave).click(welcome, 'I commit to this'));
    expect(second.embeds[0]?.title).toBe('Tenet 2 of 5 · Be Kind');
    const form = modal(await h.as(dave).click(second, 'Add a reflection'));
    const third = message(await h.as(dave).submit(form, { reflection: 'Assume good intent.' }));
    expect(third.embeds[0]?.title).toBe('Tenet 3 of 5 · Hold Hope');
    const last = await commitTo(h, dave, third, 3);
    expect(last.embeds[0]?.title).toBe('Last step: say hello 👋');
    const { summary, post } = await introduce(h, dave, last, introductions);

    expect(post?.content).toContain(`Please welcome <@${dave.id}> to ${guild.name}!`);
    expect(h.world.member(guild.id, dave.id).roles).toContain(memberRoleId);
    expect(summary.embeds[0]?.description).toContain('You now have the **Member** role');
    // Shard 0 reached the server without taking it into its cache: it still holds only its own.
    expect(shard0?.client.guilds.cache.has(guild.id)).toBe(false);
    // Nothing went wrong on either side (no apology, nothing logged as an error).
    expect(logs.flat().filter((line) => line.level >= 50)).toEqual([]);
    const commitments = await shard0?.db.selectFrom('onboarding_commitments').select('tenet_name').where('user_id', '=', dave.id).execute();
    expect(commitments).toHaveLength(5);
  }, 60_000);
});
