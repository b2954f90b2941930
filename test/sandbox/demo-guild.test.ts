import { describe, expect, it } from 'vitest';
import { Harness } from '@roots-bot/discord-emulator';
import { buildDemoGuild } from '../../src/sandbox/demo-guild.js';

async function demoIds(): Promise<string[]> {
  const harness = await Harness.start({ rateLimits: { disabled: true } });
  try {
    const demo = harness.world.withStableIds(() => buildDemoGuild(harness));
    const later = harness.world.snowflakes.next();
    expect(BigInt(later)).toBeGreaterThan(BigInt(demo.guild.id));
    return [demo.guild.id, demo.moderator.id, demo.members.alice.id, demo.roles.member, demo.channels.welcome.id, demo.channels.poems.id];
  } finally {
    await harness.close();
  }
}

describe('the sandbox demo server', () => {
  it('has the same IDs in every run, so the sandbox database stays meaningful across restarts', async () => {
    const first = await demoIds();
    const second = await demoIds();
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });
});
