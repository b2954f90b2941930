import { afterEach, describe, expect, it } from 'vitest';
import { postsIn, startRitualBed, type RitualBed } from './support.js';

// Friday 6 March 2026, 8:00 UTC.
const FRIDAY_8AM = '2026-03-06T08:00:00Z';

describe('the podcast club, as moderators and members read it', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('is described as a podcast-club prompt, and tells moderators (not members) how to choose an episode', async () => {
    rb = await startRitualBed(FRIDAY_8AM);
    const created = await rb.asModerator('ritual create', { kind: 'podcast', channel: '#poems', cron: '0 9 * * 5', timezone: 'UTC' });
    expect(created.content).toBe(
      'All set! Ritual #1 will post a podcast-club prompt every Friday at 9:00 am (UTC).\nTo choose a specific episode for the club, add it with `/podcast add`.',
    );
    // Every starter prompt in turn: none of them speaks to moderators in public.
    const starters = rb.bed.bot.ctx.content.rituals.podcasts.length;
    for (let week = 0; week < starters; week += 1) await rb.at(new Date(Date.parse('2026-03-06T09:00:00Z') + week * 7 * 86_400_000).toISOString());
    const posts = postsIn(rb, rb.poems);
    expect(posts).toHaveLength(starters);
    for (const post of posts) expect(JSON.stringify(post.embeds)).not.toMatch(/\/podcast add|Moderators can/);
  });

  it('thanks a member privately for their first "I listened", as it counts them', async () => {
    rb = await startRitualBed(FRIDAY_8AM);
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#poems', cron: '0 9 * * 5', timezone: 'UTC' });
    await rb.at('2026-03-06T09:00:00Z');
    const [post] = postsIn(rb, rb.poems);
    if (!post) throw new Error('expected the podcast post');

    const thanks = rb.bed.harness.nextPost({ channelId: rb.poems.id, visibleTo: rb.alice.id, where: (m) => m.ephemeral });
    const first = await rb.bed.harness.as(rb.alice).click(post, 'I listened');
    expect(first.kind === 'update' && first.message?.buttons[0]?.label).toBe('I listened · 1');
    expect((await thanks).content).toBe("Thank you for listening! You're counted. 🎧");
    expect(rb.bed.harness.read(rb.poems, rb.alice).filter((m) => m.ephemeral)).toHaveLength(1);
    expect(rb.bed.harness.read(rb.poems, rb.morgan).filter((m) => m.ephemeral)).toEqual([]);
  });
});
