import { afterEach, describe, expect, it } from 'vitest';
import { expectOnePostAt, postsIn, ritualRows, startRitualBed, type RitualBed } from './support.js';

describe('rituals and the clock', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  describe('daylight saving (America/New_York, 2026)', () => {
    it('spring forward: a 2:30 ritual on the night 2:30 never happens posts at 3:00, the first instant after the gap', async () => {
      rb = await startRitualBed('2026-03-07T12:00:00Z');
      const created = await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '30 2 * * 0', timezone: 'America/New_York' });
      expect(created.embeds[0]?.fields?.[0]?.value).toContain('Sun 8 Mar, 3:00 am');

      await rb.at('2026-03-08T06:59:00Z'); // 1:59 EST: not yet
      expect(postsIn(rb, rb.poems)).toEqual([]);
      await rb.at('2026-03-08T07:00:00Z'); // 3:00 EDT
      expectOnePostAt(rb, rb.poems, '2026-03-08T07:00:00Z');
      await rb.at('2026-03-08T07:30:00Z'); // 3:30 EDT, what luxon would have read "2:30" as: nothing more
      expect(postsIn(rb, rb.poems)).toHaveLength(1);
      await rb.at('2026-03-15T06:30:00Z'); // the next Sunday, 2:30 EDT
      expect(postsIn(rb, rb.poems)).toHaveLength(2);
    });

    it('fall back: a 1:30 ritual on the night 1:30 happens twice posts once, at the first', async () => {
      rb = await startRitualBed('2026-10-31T12:00:00Z');
      await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '30 1 * * 0', timezone: 'America/New_York' });
      await rb.at('2026-11-01T05:30:00Z'); // 1:30 EDT
      expectOnePostAt(rb, rb.poems, '2026-11-01T05:30:00Z');
      await rb.at('2026-11-01T06:30:00Z'); // 1:30 EST, the same wall time again
      expect(postsIn(rb, rb.poems)).toHaveLength(1);
      expect((await ritualRows(rb)).map((row) => row.occurrence_at)).toEqual(['2026-11-01T05:30:00.000Z']);
      await rb.at('2026-11-08T06:30:00Z'); // next week, 1:30 EST
      expect(postsIn(rb, rb.poems)).toHaveLength(2);
    });
  });

  describe('downtime', () => {
    it('posts once, late, an occurrence missed within the catch-up window', async () => {
      rb = await startRitualBed('2026-03-02T08:00:00Z');
      await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London' });
      await rb.bed.bot.stop();
      rb.clock.set(Date.parse('2026-03-02T14:30:00Z')); // 5½ hours late; the window is 6
      await rb.bed.restart();
      await rb.settled();
      expectOnePostAt(rb, rb.poems, '2026-03-02T09:00:00Z');
      await rb.bed.restart();
      await rb.settled();
      expect(postsIn(rb, rb.poems)).toHaveLength(1);
    });

    it('records an occurrence beyond the window as missed, shows it in /ritual list, and posts nothing', async () => {
      rb = await startRitualBed('2026-03-02T08:00:00Z');
      await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London', catch_up_hours: 2 });
      await rb.bed.bot.stop();
      rb.clock.set(Date.parse('2026-03-02T11:30:00Z')); // 2½ hours late; this ritual allows 2
      await rb.bed.restart();
      await rb.settled();
      expect(postsIn(rb, rb.poems)).toEqual([]);
      expect(await ritualRows(rb)).toEqual([{ schedule_id: 1, occurrence_at: '2026-03-02T09:00:00.000Z', state: 'missed', attempts: 0 }]);
      const list = await rb.asModerator('ritual list');
      expect(list.embeds[0]?.fields?.[0]?.value).toContain('⚠️ Missed while I was offline: Mon 2 Mar, 9:00 am (too late to post by then).');
      // The schedule carries on as usual.
      await rb.at('2026-03-09T09:00:00Z');
      expectOnePostAt(rb, rb.poems, '2026-03-09T09:00:00Z');
    });

    it('never bursts: after hours away an hourly ritual posts only its latest occurrence', async () => {
      rb = await startRitualBed('2026-03-02T08:30:00Z');
      await rb.asModerator('ritual create', { kind: 'prompt', channel: '#poems', cron: '0 * * * *', timezone: 'UTC', text: 'Stretch and breathe.' });
      await rb.bed.bot.stop();
      rb.clock.set(Date.parse('2026-03-02T13:15:00Z')); // 9:00 … 13:00 fell due while down
      await rb.bed.restart();
      await rb.settled();
      expectOnePostAt(rb, rb.poems, '2026-03-02T13:00:00Z');
      const states = (await ritualRows(rb)).map((row) => `${row.occurrence_at.slice(11, 16)} ${row.state}`);
      expect(states).toEqual(['09:00 missed', '10:00 missed', '11:00 missed', '12:00 missed', '13:00 posted']);
    });

    it('while running, a jump of the clock (the sandbox\'s `time +7d`) posts what fell due in between', async () => {
      rb = await startRitualBed('2026-03-02T10:00:00Z');
      await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London' });
      await rb.at('2026-03-09T10:00:00Z');
      expectOnePostAt(rb, rb.poems, '2026-03-09T09:00:00Z');
    });
  });
});
