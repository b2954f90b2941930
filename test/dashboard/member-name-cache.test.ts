import { describe, expect, it } from 'vitest';
import { memberNameCache, type NameSource } from '../../src/dashboard/member-name-cache.js';

/** A server of `count` members called member0…, answering as Discord would and counting what it was asked. */
function fakeDiscord(count: number) {
  const everyone = new Map<string, string>(Array.from({ length: count }, (_, i) => [`u${i}`, `member${i}`] as const));
  const asked: string[] = [];
  let down = false;
  const source: NameSource = {
    batch: 3,
    someOf: async (guildId, userIds) => {
      asked.push(`${guildId} some ${userIds.join(',')}`);
      return down ? undefined : new Map(userIds.flatMap((id) => (everyone.has(id) ? [[id, everyone.get(id) ?? '']] : [])));
    },
    everyoneIn: async (guildId) => {
      asked.push(`${guildId} everyone`);
      return down ? undefined : everyone;
    },
  };
  return { source, asked, everyone, goDown: () => (down = true) };
}

describe('the dashboard’s member names', () => {
  it('asks Discord once for names it has, however often a page shows them', async () => {
    const discord = fakeDiscord(10);
    const names = memberNameCache(discord.source);
    expect(await names.namesIn('g', ['u1', 'u2', 'u1'])).toEqual(new Map([['u1', 'member1'], ['u2', 'member2']]));
    expect(await names.namesIn('g', ['u2', 'u1'])).toEqual(new Map([['u1', 'member1'], ['u2', 'member2']]));
    expect(await names.namesIn('g', ['u2', 'u3'])).toEqual(new Map([['u2', 'member2'], ['u3', 'member3']]));
    expect(discord.asked).toEqual(['g some u1,u2', 'g some u3']);
  });

  it('remembers someone who left as gone, without asking again', async () => {
    const discord = fakeDiscord(2);
    const names = memberNameCache(discord.source);
    expect(await names.namesIn('g', ['u1', 'left'])).toEqual(new Map([['u1', 'member1']]));
    expect(await names.namesIn('g', ['left'])).toEqual(new Map());
    expect(discord.asked).toEqual(['g some u1,left']);
  });

  it('asks for the whole server once when a page needs more than one request’s worth', async () => {
    const discord = fakeDiscord(10);
    const names = memberNameCache(discord.source);
    expect((await names.namesIn('g', ['u0', 'u1', 'u2', 'u3'])).size).toBe(4);
    expect((await names.namesIn('g', ['u7', 'u8', 'u9'])).get('u9')).toBe('member9');
    expect(discord.asked).toEqual(['g everyone']);
  });

  it('keeps servers apart and forgets names after a while', async () => {
    const discord = fakeDiscord(3);
    const names = memberNameCache(discord.source, { ttlMs: 20 });
    await names.namesIn('g', ['u1']);
    await names.namesIn('other', ['u1']);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await names.namesIn('g', ['u1']);
    expect(discord.asked).toEqual(['g some u1', 'other some u1', 'g some u1']);
  });

  it('remembers nothing when Discord could not be asked', async () => {
    const discord = fakeDiscord(3);
    const names = memberNameCache(discord.source);
    discord.goDown();
    expect(await names.namesIn('g', ['u1'])).toEqual(new Map());
    expect(await names.namesIn('g', ['u1'])).toEqual(new Map());
    expect(discord.asked).toEqual(['g some u1', 'g some u1']);
  });
});
