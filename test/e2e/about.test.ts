import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../support/bot.js';

describe('/about', () => {
  let bed: TestBed;
  let alice: UserRecord;
  let guild: GuildRecord;

  beforeEach(async () => {
    bed = await startTestBed((h) => {
      guild = h.guild('Roots', { owner: 'morgan' });
      h.channel(guild, 'general');
      alice = h.member(guild, 'alice');
    });
  });
  afterEach(() => bed.close());

  it('tells a member what the bot is, privately, with the mission and version', async () => {
    const response = await bed.harness.as(alice).run('#general', 'about');
    expect(response.kind).toBe('message');
    if (response.kind !== 'message') return;
    const [card] = response.message.embeds;
    expect(response.message.ephemeral).toBe(true);
    expect(card?.title).toBe('Roots Bot · Roots');
    expect(card?.description).toContain('We help educators grow');
    expect(card?.fields?.find((f) => f.name === 'Version')?.value).toBe(bed.bot.ctx.version);
    // Ephemeral: nobody else in the channel sees it.
    expect(bed.harness.read('#general')).toEqual([]);
    expect(bed.harness.read('#general', alice).map((m) => m.id)).toEqual([response.message.id]);
  });
});
