import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { startTicker } from '../../src/scheduling/ticker.js';

const logger = createLogger({ level: 'silent' });

describe('startTicker', () => {
  it('runs once on start and again whenever the clock jumps, never overlapping', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9));
    const seen: string[] = [];
    let active = 0;
    let overlapped = false;
    const ticker = startTicker({
      name: 'test',
      clock,
      logger,
      onTick: async (now) => {
        active += 1;
        overlapped ||= active > 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen.push(now.toISOString());
        active -= 1;
      },
    });
    clock.advance(60_000);
    clock.advance(60_000);
    await ticker.settled();
    await ticker.stop();
    expect(overlapped).toBe(false);
    // The start tick, then one catching up with both jumps (the second arrived mid-tick).
    expect(seen).toEqual(['2026-11-24T09:00:00.000Z', '2026-11-24T09:02:00.000Z']);
  });

  it('keeps ticking after a failed tick, and stops cleanly', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const ticker = startTicker({
      name: 'failing',
      clock,
      logger,
      onTick: async () => {
        calls += 1;
        if (calls === 1) throw new Error('flaky');
      },
    });
    await ticker.settled();
    clock.advance(1000);
    await ticker.settled();
    await ticker.stop();
    clock.advance(1000);
    await ticker.settled();
    expect(calls).toBe(2);
  });
});
