import { afterEach, describe, expect, it } from 'vitest';
import { postsIn, startRitualBed, type RitualBed } from './support.js';

describe('when the clock goes back', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('counts the next run again from now, says so in the log, and promises no run that will not come', async () => {
    rb = await startRitualBed('2026-03-02T08:00:00Z');
    await rb.asModerator('ritual create', { kind: 'prompt', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC', text: 'What went well?' });
    await rb.at('2026-03-02T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(1);

    // The machine's clock was a fortnight fast, and is corrected.
    await rb.at('2026-02-17T12:00:00Z');
    expect(rb.bed.logs.filter((line) => /clock stands earlier/.test(line.msg))).toHaveLength(1);
    const list = await rb.asModerator('ritual list');
    const card = list.embeds[0]?.fields?.[0]?.value ?? '';
    expect(card).toContain('Next runs:\n• Mon 23 Feb, 9:00 am');
    expect(card).not.toContain('Mon 2 Mar, 9:00 am'); // already posted: it won't post again

    await rb.at('2026-02-23T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(2);
    await rb.at('2026-03-02T09:00:00Z'); // the ledger already holds this one
    expect(postsIn(rb, rb.poems)).toHaveLength(2);
    await rb.at('2026-03-09T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(3);
  });
});
