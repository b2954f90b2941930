import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../support/bot.js';

describe('the bot across a dropped gateway connection', () => {
  let bed: TestBed;
  let guild: GuildRecord;
  let alice: UserRecord;

  beforeEach(async () => {
    bed = await startTestBed((h) => {
      guild = h.guild('Roots', { owner: 'morgan' });
      h.channel(guild, 'general');
      alice = h.member(guild, 'alice');
    });
  });
  afterEach(() => bed.close());

  it('resumes, receives what happened while it was away, and keeps answering', async () => {
    const { harness, bot } = bed;
    const resumed = harness.emulator.gateway.nextClientMessage((m) => m.op === 6, 5000);
    harness.emulator.gateway.dropConnections();
    const dave = harness.join(guild, 'dave');
    await resumed;
    await expect.poll(() => bot.client.guilds.cache.get(guild.id)?.members.cache.has(dave.id), { timeout: 5000 }).toBe(true);
    const response = await harness.as(alice).run('#general', 'about');
    expect(response.kind).toBe('message');
  });
});
