import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createInFlight } from '../../src/scheduling/in-flight.js';

const logger = createLogger({ level: 'silent' });

describe('InFlight, the one way to wait for work under way', () => {
  it('starts spawned work at once, and settles only when it is done', async () => {
    const work = createInFlight(logger);
    let started = false;
    let finish!: () => void;
    work.spawn('test', async () => {
      started = true;
      await new Promise<void>((resolve) => (finish = resolve));
    });
    expect(started).toBe(true);
    expect(work.size).toBe(1);
    let settled = false;
    const waiting = work.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    finish();
    await waiting;
    expect(work.size).toBe(0);
  });

  it('logs a failure instead of throwing it, and takes no new work once closed', async () => {
    const work = createInFlight(logger);
    work.spawn('sync throw', () => {
      throw new Error('boom');
    });
    work.spawn('async throw', async () => Promise.reject(new Error('boom')));
    await work.close();
    let ran = false;
    work.spawn('late', async () => void (ran = true));
    expect(ran).toBe(false);
    expect(work.size).toBe(0);
  });
});
