import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { postsIn, startRitualBed, type RitualBed } from './support.js';

describe('/ritual resume checks the channel first', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('leaves the ritual paused and says what to fix while the bot still cannot post there', async () => {
    rb = await startRitualBed('2026-03-02T08:00:00Z');
    await rb.useLogChannel();
    await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London' });
    const botRole = rb.guild.members.get(rb.bed.harness.emulator.bot.id)?.roles[0] ?? '';
    const deny = (bits: bigint) => [{ id: botRole, type: OverwriteType.Role, allow: '0', deny: String(bits) }];
    rb.bed.harness.world.updateChannel(rb.poems.id, { overwrites: deny(PermissionFlagsBits.SendMessages) });
    await rb.at('2026-03-02T09:00:00Z');
    expect(postsIn(rb, rb.modLog)).toHaveLength(1);

    const refused = await rb.asModerator('ritual resume', { ritual: 1 });
    expect(refused.content).toBe(
      `I still can't post in <#${rb.poems.id}>, so I've left ritual #1 paused. Please give me **Send Messages** there, then \`/ritual resume ritual:1\` again.`,
    );
    // The ritual opens a thread, so the thread permissions count too.
    rb.bed.harness.world.updateChannel(rb.poems.id, { overwrites: deny(PermissionFlagsBits.CreatePublicThreads) });
    const threads = await rb.asModerator('ritual resume', { ritual: 1 });
    expect(threads.content).toContain('Please give me **Create Public Threads** there');
    await rb.at('2026-03-09T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toEqual([]);
    expect(postsIn(rb, rb.modLog)).toHaveLength(1); // no second note to moderators

    rb.bed.harness.world.updateChannel(rb.poems.id, { overwrites: [] });
    const resumed = await rb.asModerator('ritual resume', { ritual: 1 });
    expect(resumed.content).toBe('Welcome back! Ritual #1 is running again, from now on.');
    await rb.at('2026-03-16T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(1);
  });
});
