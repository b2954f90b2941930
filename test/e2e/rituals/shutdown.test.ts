import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, type ChannelRecord } from '@roots-bot/discord-emulator';
import { openDatabase } from '../../../src/db/connection.js';
import { startChildBot, type ChildBot } from '../../support/child-bot.js';
import { freshTarget } from '../../support/database.js';
import { MONDAY_8AM, seedRituals } from '../../support/kill-mid-fan-out.js';

/**
 * SIGTERM in the middle of a fan-out: a container runtime gives a process about 10 s before it
 * kills it, and posting to every server at Discord's pace takes far longer. The bot finishes the
 * posts in flight, leaves the rest claimed, and exits; the next start posts the rest, once each.
 */

const MONDAY_9AM = Date.parse('2026-03-02T09:00:00Z');
const SERVERS = 150;
/** What a container runtime waits between SIGTERM and SIGKILL (Docker, Kubernetes: 10 s, 30 s). */
const GRACE_MS = 10_000;

describe('SIGTERM while a ritual is posting to many servers', () => {
  let harness: Harness | undefined;
  let restarted: ChildBot | undefined;
  afterEach(async () => {
    await restarted?.stop();
    restarted = undefined;
    await harness?.close();
  });

  it('stops after the posts in flight; the next start posts the rest, exactly once per server', { timeout: 120_000 }, async () => {
    // Discord-like limits: 50 requests a second for the whole bot, so the fan-out takes seconds.
    harness = await Harness.start();
    const h = harness;
    const channels: ChannelRecord[] = [];
    for (let i = 0; i < SERVERS; i += 1) channels.push(h.channel(h.guild(`School ${i + 1}`, { owner: 'owner' }), 'poems'));

    const database = await freshTarget();
    await seedRituals(database, channels, { openThread: true });

    const botId = h.emulator.bot.id;
    const postsIn = (channel: ChannelRecord) => h.world.messagesIn(channel.id).filter((r) => r.message.author.id === botId).length;
    const posted = () => channels.filter((channel) => postsIn(channel) > 0).length;
    const start = (clockMs: number) => startChildBot(h.emulator, { database, clockMs, features: ['rituals'] });

    const first = await start(MONDAY_8AM);
    first.setClock(MONDAY_9AM);
    await vi.waitFor(() => expect(posted()).toBeGreaterThanOrEqual(20), { timeout: 30_000, interval: 20 });

    const signalled = performance.now();
    await first.stop();
    const stoppedInMs = performance.now() - signalled;
    const postedBeforeExit = posted();
    expect(stoppedInMs).toBeLessThan(GRACE_MS);
    expect(postedBeforeExit).toBeLessThan(SERVERS);

    // What the stopped bot left: every post it started finished and was recorded; the rest wait, untried.
    const reader = openDatabase(database);
    const ledger = await reader.selectFrom('ritual_occurrences').select(['state', 'attempts']).execute();
    await reader.destroy();
    expect(ledger).toHaveLength(SERVERS);
    expect(ledger.filter((row) => row.state === 'posted')).toHaveLength(postedBeforeExit);
    expect(ledger.filter((row) => row.state !== 'posted').every((row) => row.state === 'claimed' && row.attempts === 0)).toBe(true);

    restarted = await start(MONDAY_9AM + 60_000);
    await restarted.settled();
    expect(channels.map(postsIn).filter((n) => n !== 1)).toEqual([]);
    expect(channels.filter((channel) => h.threadsOf(channel).length !== 1)).toEqual([]);
    const after = openDatabase(database);
    const states = await after.selectFrom('ritual_occurrences').select('state').execute();
    await after.destroy();
    expect(states.filter((row) => row.state !== 'posted')).toEqual([]);
  });
});
