import { once } from 'node:events';
import { Events, type GuildMember } from 'discord.js';
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
    // The bot keeps no members in memory (src/client-cache.ts): the join is seen as an event.
    const joined = once(bot.client, Events.GuildMemberAdd, { signal: AbortSignal.timeout(5000) }) as Promise<[GuildMember]>;
    harness.emulator.gateway.dropConnections();
    const dave = harness.join(guild, 'dave');
    await resumed;
    const [member] = await joined;
    expect(member.id).toBe(dave.id);
    const response = await harness.as(alice).run('#general', 'about');
    expect(response.kind).toBe('message');
  });
});
