import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import type { Feature } from '../../src/features/feature.js';
import { startTestBed, type TestBed } from '../support/bot.js';

/** A feature keeping notes per member, standing in for onboarding and courses. */
function notesFeature(): Feature & { notes: Map<string, string[]> } {
  const notes = new Map<string, string[]>();
  const key = (guildId: string, userId: string) => `${guildId}/${userId}`;
  return {
    name: 'notes',
    notes,
    privacy: {
      export: async (_db, guildId, userId) => notes.get(key(guildId, userId)) ?? [],
      forget: async (_trx, guildId, userId) => {
        const count = notes.get(key(guildId, userId))?.length ?? 0;
        notes.delete(key(guildId, userId));
        return count;
      },
    },
  };
}

describe('/privacy', () => {
  let bed: TestBed;
  let guild: GuildRecord;
  let alice: UserRecord;
  let ben: UserRecord;
  const feature = notesFeature();

  beforeEach(async () => {
    bed = await startTestBed(
      (h) => {
        guild = h.guild('Roots', { owner: 'morgan' });
        h.channel(guild, 'general');
        alice = h.member(guild, 'alice');
        ben = h.member(guild, 'ben');
      },
      { features: () => [feature] },
    );
    feature.notes.set(`${guild.id}/${alice.id}`, ['committed to Be Kind', 'introduced herself']);
    feature.notes.set(`${guild.id}/${ben.id}`, ['committed to Hold Hope']);
  });
  afterEach(() => bed.close());

  it('gives a member their own data as a JSON file', async () => {
    const response = await bed.harness.as(alice).run('#general', 'privacy export');
    if (response.kind !== 'message') throw new Error('expected a message');
    const [file] = response.message.attachments;
    expect(file?.filename).toBe('my-roots-data.json');
    const stored = bed.harness.world.files.get(file?.id ?? '');
    const exported = JSON.parse(stored?.data.toString() ?? '{}') as { userId: string; exportedAt: string; data: Record<string, unknown> };
    expect(exported.userId).toBe(alice.id);
    // The service hands a Date on; the file says when in ISO-8601, as it always has.
    expect(exported.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(exported.data).toEqual({ notes: ['committed to Be Kind', 'introduced herself'] });
  });

  it('forgets a member after they confirm, and only that member, and only when they confirm', async () => {
    const prompt = await bed.harness.as(alice).run('#general', 'privacy forget');
    if (prompt.kind !== 'message') throw new Error('expected a message');
    expect(prompt.message.buttons.map((b) => b.label)).toEqual(['Yes, forget me', 'Keep my data']);

    const done = await bed.harness.as(alice).click(prompt.message, 'Yes, forget me');
    expect(done.kind === 'update' && done.message?.content).toBe('Done. I deleted 2 records about you in this server.');
    expect(feature.notes.has(`${guild.id}/${alice.id}`)).toBe(false);
    expect(feature.notes.get(`${guild.id}/${ben.id}`)).toEqual(['committed to Hold Hope']);
  });

  it('keeps everything when the member changes their mind', async () => {
    const prompt = await bed.harness.as(alice).run('#general', 'privacy forget');
    if (prompt.kind !== 'message') throw new Error('expected a message');
    const kept = await bed.harness.as(alice).click(prompt.message, 'Keep my data');
    expect(kept.kind === 'update' && kept.message?.buttons).toEqual([]);
    expect(feature.notes.get(`${guild.id}/${alice.id}`)).toHaveLength(2);
  });
});
