import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelRecord, Harness } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrator.js';
import type { DatabaseTarget } from '../../src/db/target.js';
import { ensureGuildSettings } from '../../src/guilds/guild-settings.js';
import { loadRitualContent } from '../../src/rituals/content.js';
import { createSchedule } from '../../src/rituals/schedules.js';
import { startChildBot, type ChildBot } from './child-bot.js';

/**
 * `kill -9` in the middle of a fan-out: several bot processes on one database see one ritual fall
 * due in many servers at once, one is killed at a random point, a new one starts in its place, and
 * what members see is counted. The multi-process test runs it at a size the suite can afford; the
 * bench at 1,000 servers.
 */

export const MONDAY_8AM = Date.parse('2026-03-02T08:00:00Z');
const MONDAY_9AM = Date.parse('2026-03-02T09:00:00Z');
// Past every lease a killed process held (ATTEMPT_LEASE_MS), so its occurrences are taken up.
const LATER = MONDAY_9AM + 60_000;

/**
 * A weekly poem at 9:00 on Mondays in each channel's server, written through the service /ritual
 * create uses; `openThread` gives each post a discussion thread (a second request per server).
 */
export async function seedRituals(target: DatabaseTarget, channels: readonly ChannelRecord[], { openThread = false } = {}): Promise<void> {
  const db = openDatabase(target);
  try {
    await migrate(db);
    const clock = new ManualClock(MONDAY_8AM);
    const content = await loadRitualContent();
    if (!content.ok) throw content.error;
    for (const channel of channels) {
      const guildId = channel.guildId ?? '';
      await ensureGuildSettings(db, clock, guildId);
      const created = await createSchedule({ db, clock, content: content.value }, guildId, 'morgan', {
        kind: 'poem',
        channelId: channel.id,
        cron: '0 9 * * 1',
        timeZone: 'UTC',
        openThread,
      });
      if (!created.ok) throw new Error(`could not create a schedule: ${JSON.stringify(created.problem)}`);
    }
  } finally {
    await db.destroy();
  }
}

export interface FanOutCrash {
  /** The bot's posts in each server's channel: exactly once means all 1. */
  readonly postsPerServer: readonly number[];
  /** Every post the processes sent to those channels, the killed one's included. */
  readonly sends: number;
  /** The ledger's state of each occurrence. */
  readonly ledger: readonly string[];
  /** Servers that had their post when the process was killed. */
  readonly killedAfter: number;
  /** Seconds from 9:00 to the kill, and from the restart to the last post. */
  readonly secondsToKill: number;
  readonly secondsAfterRestart: number;
}

/** Makes `guilds` servers with a #poems channel, seeds their rituals, and runs the crash. */
export async function killMidFanOut(h: Harness, target: DatabaseTarget, options: { readonly guilds: number; readonly processes: number }): Promise<FanOutCrash> {
  const channels = Array.from({ length: options.guilds }, (_, i) => h.channel(h.guild(`Roots ${i}`, { owner: 'owner' }), 'poems'));
  await seedRituals(target, channels);
  const start = () => startChildBot(h.emulator, { database: target, clockMs: MONDAY_8AM, features: ['rituals'] });
  const bots: ChildBot[] = [];
  try {
    bots.push(...(await Promise.all(Array.from({ length: options.processes }, start))));
    const botId = h.emulator.bot.id;
    const postsIn = (channel: ChannelRecord) => h.world.messagesIn(channel.id).filter((r) => r.message.author.id === botId).length;
    const posted = () => channels.filter((channel) => postsIn(channel) > 0).length;

    // All see 9:00 at once and race for the same servers.
    const began = performance.now();
    for (const bot of bots) bot.setClock(MONDAY_9AM);
    const killAt = Math.floor(options.guilds * (0.2 + Math.random() * 0.5));
    while (posted() < killAt) await sleep(5);
    const victim = Math.floor(Math.random() * bots.length);
    await bots[victim]?.crash();
    const killedAfter = posted();
    const secondsToKill = (performance.now() - began) / 1000;
    bots.splice(victim, 1);

    // The survivors finish what they can; a new process takes the dead one's place, and once its
    // leases ran out everything it held is taken up.
    await Promise.all(bots.map((bot) => bot.settled()));
    const restarted = performance.now();
    bots.push(await start());
    for (const bot of bots) bot.setClock(LATER);
    await Promise.all(bots.map((bot) => bot.settled()));
    const secondsAfterRestart = (performance.now() - restarted) / 1000;

    const paths = channels.map((channel) => `/channels/${channel.id}/messages`);
    const sends = h.emulator.requests.filter((r) => r.method === 'POST' && paths.some((p) => r.path.endsWith(p))).length;
    const reader = openDatabase(target);
    try {
      const ledger = await reader.selectFrom('ritual_occurrences').select(['state']).execute();
      return { postsPerServer: channels.map(postsIn), sends, ledger: ledger.map((row) => row.state), killedAfter, secondsToKill, secondsAfterRestart };
    } finally {
      await reader.destroy();
    }
  } finally {
    await Promise.allSettled(bots.map((bot) => bot.stop()));
  }
}
