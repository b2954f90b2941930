import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type ChannelRecord, type InterceptStage, type RequestMatcher } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import { openDatabase } from '../../../src/db/connection.js';
import { migrate } from '../../../src/db/migrator.js';
import type { DatabaseTarget } from '../../../src/db/target.js';
import { ensureGuildSettings } from '../../../src/guilds/guild-settings.js';
import { loadRitualContent } from '../../../src/rituals/content.js';
import { createSchedule } from '../../../src/rituals/schedules.js';
import { startChildBot, type ChildBot } from '../../support/child-bot.js';
import { freshTarget } from '../../support/database.js';

/**
 * Exactly once, with a real crash: the bot runs in a child process, the emulator holds its post at
 * a chosen moment, the test kills the process with SIGKILL, starts a new one on the same database
 * and counts what members see.
 */

const MONDAY_8AM = Date.parse('2026-03-02T08:00:00Z');
const MONDAY_9AM = Date.parse('2026-03-02T09:00:00Z');

interface Scene {
  readonly harness: Harness;
  readonly poems: ChannelRecord;
  readonly database: DatabaseTarget;
  start(clockMs: number): Promise<ChildBot>;
  /** The post the ritual made (what members see), its thread's messages, and the ledger row. */
  outcome(): Promise<{ posts: number; threads: number; threadMessages: number; ledger: { state: string; attempts: number }[] }>;
}

async function scene(options: { readonly history: boolean }): Promise<Scene> {
  // The restarted process identifies again within Discord's 5 s IDENTIFY window; that is not what this studies.
  const harness = await Harness.start({ rateLimits: { disabled: true }, sessionStarts: { identifyWindowMs: 0 } });
  const guild = harness.guild('Roots', { owner: 'owner' });
  const botRole = guild.members.get(harness.emulator.bot.id)?.roles[0] ?? '';
  // Without Read Message History, Discord lists no messages: the bot can't look back for its post.
  const noHistory = [{ id: botRole, type: OverwriteType.Role, allow: '0', deny: String(PermissionFlagsBits.ReadMessageHistory) }];
  const poems = harness.channel(guild, 'poems', options.history ? {} : { overwrites: noHistory });
  const database = await freshTarget();

  // The moderator's schedule, written through the same service /ritual create uses.
  const db = openDatabase(database);
  await migrate(db);
  const clock = new ManualClock(MONDAY_8AM);
  await ensureGuildSettings(db, clock, guild.id);
  const content = await loadRitualContent();
  if (!content.ok) throw content.error;
  const created = await createSchedule({ db, clock, content: content.value }, guild.id, 'morgan', {
    kind: 'poem',
    channelId: poems.id,
    cron: '0 9 * * 1',
    timeZone: 'Europe/London',
    openThread: true,
  });
  expect(created.ok).toBe(true);
  await db.destroy();

  const bot = harness.emulator.bot.id;
  return {
    harness,
    poems,
    database,
    start: (clockMs) => startChildBot(harness.emulator, { database, clockMs, features: ['rituals'] }),
    async outcome() {
      const reader = openDatabase(database);
      try {
        const ledger = await reader.selectFrom('ritual_occurrences').select(['state', 'attempts']).execute();
        const threads = harness.threadsOf(poems);
        return {
          posts: harness.world.messagesIn(poems.id).filter((r) => r.message.author.id === bot).length,
          threads: threads.length,
          threadMessages: threads.reduce((sum, t) => sum + harness.world.messagesIn(t.id).length, 0),
          ledger,
        };
      } finally {
        await reader.destroy();
      }
    },
  };
}

const postTo =
  (channel: ChannelRecord): RequestMatcher =>
  (r) =>
    r.method === 'POST' && r.route === '/channels/:channel_id/messages' && r.params.channel_id === channel.id;

/** Starts the bot, lets the 9:00 ritual begin, holds its post at `stage`, and kills the bot there. */
async function crashMidPost(s: Scene, stage: InterceptStage) {
  const hold = s.harness.emulator.faults.hold(postTo(s.poems), stage);
  const first = await s.start(MONDAY_8AM);
  first.setClock(MONDAY_9AM);
  const held = await hold.next();
  expect((await s.outcome()).ledger).toEqual([{ state: 'claimed', attempts: 1 }]);
  await first.crash();
  return { held, hold };
}

// Each test starts the bot as a process twice: a cold start takes many seconds on a busy machine.
describe('a crash at any point posts the ritual exactly once', { timeout: 120_000 }, () => {
  let s: Scene;
  let restarted: ChildBot | undefined;
  afterEach(async () => {
    await restarted?.stop();
    restarted = undefined;
    await s.harness.close();
  });

  /** Statuses of the posts sent to #poems (0: the connection was cut before the answer). */
  const sendsToPoems = () =>
    s.harness.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${s.poems.id}/messages`)).map((r) => r.status);

  async function restartAndSettle(): Promise<void> {
    restarted = await s.start(MONDAY_9AM + 30_000);
    await restarted.settled();
  }

  it('between claim and post: the post never left, the restart sends it', async () => {
    s = await scene({ history: true });
    const { held, hold } = await crashMidPost(s, 'before-handling');
    held.drop();
    hold.dispose();
    await restartAndSettle();
    expect(await s.outcome()).toEqual({ posts: 1, threads: 1, threadMessages: 1, ledger: [{ state: 'posted', attempts: 2 }] });
  });

  it('between claim and post, with the post still in flight: it lands after the crash, the restart finds it', async () => {
    s = await scene({ history: true });
    const { held, hold } = await crashMidPost(s, 'before-handling');
    const landed = s.harness.nextPost({ channelId: s.poems.id });
    hold.dispose(); // releases what it held: the dead process's request reaches "Discord"
    await landed;
    await restartAndSettle();
    expect(held.request.params.channel_id).toBe(s.poems.id);
    expect(await s.outcome()).toEqual({ posts: 1, threads: 1, threadMessages: 1, ledger: [{ state: 'posted', attempts: 2 }] });
  });

  it('after the post, before it was recorded: the restart recognises its own post', async () => {
    s = await scene({ history: true });
    const { held, hold } = await crashMidPost(s, 'after-handling');
    expect((await s.outcome()).posts).toBe(1);
    held.drop();
    hold.dispose();
    await restartAndSettle();
    expect(await s.outcome()).toEqual({ posts: 1, threads: 1, threadMessages: 1, ledger: [{ state: 'posted', attempts: 2 }] });
    expect(sendsToPoems()).toEqual([0]); // found by its marker: never sent again
  });

  it('after the post, with no Read Message History to look back: the nonce makes Discord return the same post', async () => {
    s = await scene({ history: false });
    const { held, hold } = await crashMidPost(s, 'after-handling');
    held.drop();
    hold.dispose();
    await restartAndSettle();
    expect(await s.outcome()).toEqual({ posts: 1, threads: 1, threadMessages: 1, ledger: [{ state: 'posted', attempts: 2 }] });
    expect(sendsToPoems()).toEqual([0, 200]); // sent again, and answered with the first post
  });
});
