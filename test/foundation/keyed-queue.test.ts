import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../src/scheduling/keyed-queue.js';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('a keyed queue', () => {
  it("runs one key's jobs in the order they came, even when the first is slower, and other keys' beside them", async () => {
    const queue = createKeyedQueue<string>();
    const done: string[] = [];
    await Promise.all([
      queue.serialize('dave', async () => {
        await later(30);
        done.push('dave left');
      }),
      queue.serialize('dave', async () => {
        done.push('dave came back');
      }),
      queue.serialize('alice', async () => {
        done.push('alice joined');
      }),
    ]);
    expect(done).toEqual(['alice joined', 'dave left', 'dave came back']);
  });

  it('goes on after a job fails, which fails alone', async () => {
    const queue = createKeyedQueue<number>();
    const failed = queue.serialize(1, () => Promise.reject(new Error('no')));
    const next = queue.serialize(1, () => Promise.resolve('yes'));
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('yes');
  });
});
