import { afterEach, describe, expect, it } from 'vitest';
import { postsIn, startRitualBed, type RitualBed } from './support.js';

const DAY = 86_400_000;

describe("a server's rotation", () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('is shared by its podcast rituals: no prompt repeats in the server until the library has gone round', async () => {
    rb = await startRitualBed('2026-03-02T08:00:00Z');
    // Two podcast rituals into one channel, two days apart, as in the issue.
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC', thread: false });
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#poems', cron: '0 9 * * 3', timezone: 'UTC', thread: false });
    const library = rb.bed.bot.ctx.content.rituals.podcasts.length;
    for (let day = 0; day < 7 * Math.ceil(library / 2); day += 1) await rb.at(new Date(Date.parse('2026-03-02T09:00:00Z') + day * DAY).toISOString());
    const titles = postsIn(rb, rb.poems).map((post) => post.embeds[0]?.title);
    expect(titles.length).toBeGreaterThanOrEqual(library);
    expect(new Set(titles.slice(0, library)).size).toBe(library);
  });

  it('outlives a deleted ritual: a new one carries on where the server was', async () => {
    rb = await startRitualBed('2026-03-02T08:00:00Z');
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC', thread: false });
    await rb.at('2026-03-02T09:00:00Z');
    const ask = await rb.asModerator('ritual delete', { ritual: 1 });
    await rb.bed.harness.as(rb.morgan).click(ask, 'Delete it');
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC', thread: false });
    await rb.at('2026-03-09T09:00:00Z');
    const [first, second] = postsIn(rb, rb.poems).map((post) => post.embeds[0]?.title);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });
});
