import { ChannelType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { postsIn, startRitualBed, type RitualBed } from './support.js';

const MONDAY_8AM = '2026-03-02T08:00:00Z';

describe('discussion threads by default', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('a poem or podcast ritual created without `thread` opens one on each post; a prompt does not', async () => {
    rb = await startRitualBed(MONDAY_8AM);
    const poem = await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC' });
    expect(poem.embeds[0]?.fields?.[0]?.value).toContain('opens a thread');
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#general', cron: '0 9 * * 1', timezone: 'UTC' });
    await rb.asModerator('ritual create', { kind: 'prompt', channel: '#mod-log', cron: '0 9 * * 1', timezone: 'UTC', text: 'Stretch and breathe.' });
    await rb.at('2026-03-02T09:00:00Z');

    for (const channel of [rb.poems, rb.general]) {
      const [post] = postsIn(rb, channel);
      const [thread] = rb.bed.harness.threadsOf(channel);
      expect(thread?.id).toBe(post?.id);
      expect(rb.bed.harness.read(thread?.id ?? '')[0]?.content).toMatch(/^Let's talk!/);
    }
    expect(postsIn(rb, rb.modLog)).toHaveLength(1);
    expect(rb.bed.harness.threadsOf(rb.modLog)).toEqual([]);
  });

  it('still posts without one when the moderator says thread:false', async () => {
    rb = await startRitualBed(MONDAY_8AM);
    await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC', thread: false });
    await rb.at('2026-03-02T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(1);
    expect(rb.bed.harness.threadsOf(rb.poems)).toEqual([]);
  });

  it('opens an announcement thread on a post in an announcement channel, and the next week a new one while the old has archived', async () => {
    rb = await startRitualBed(MONDAY_8AM);
    const news = rb.bed.harness.channel(rb.guild, 'news', { type: ChannelType.GuildAnnouncement });
    await rb.asModerator('ritual create', { kind: 'poem', channel: '#news', cron: '0 9 * * 1', timezone: 'UTC' });
    await rb.at('2026-03-02T09:00:00Z');
    const [first] = rb.bed.harness.threadsOf(news);
    expect(first?.type).toBe(ChannelType.AnnouncementThread);
    expect(rb.bed.harness.read(first?.id ?? '')[0]?.content).toMatch(/^Let's talk!/);

    // A week on the bot's clock is a week in Discord: the quiet thread archived, the new post has its own.
    await rb.at('2026-03-09T09:00:00Z');
    expect(first?.thread?.archived).toBe(true);
    const threads = rb.bed.harness.threadsOf(news);
    expect(threads).toHaveLength(2);
    expect(threads[1]?.thread?.archived).toBe(false);
    expect(rb.bed.harness.read(threads[1]?.id ?? '')[0]?.content).toMatch(/^Let's talk!/);
  });
});
