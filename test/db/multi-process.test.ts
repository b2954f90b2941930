import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type ChannelRecord } from '@roots-bot/discord-emulator';
import { startBot } from '../../src/bot.js';
import { ManualClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrator.js';
import type { DatabaseTarget } from '../../src/db/target.js';
import { ensureGuildSettings } from '../../src/guilds/guild-settings.js';
import { createLogger } from '../../src/logger.js';
import { loadRitualContent } from '../../src/rituals/content.js';
import { DEFAULT_RUNTIME_OPTIONS } from '../../src/rituals/discord/runtime.js';
import { createSchedule } from '../../src/rituals/schedules.js';
import { startChildBot, type ChildBot } from '../support/child-bot.js';
import { freshTarget, testDialect } from '../support/database.js';

/**
 * Past one process. On PostgreSQL, several bot processes share one database and the ritual ledger
 * keeps "exactly once" between them: three processes fan out one due ritual in many servers, one
 * is killed (`kill -9`) at a random point mid fan-out, another starts in its place, and every
 * server ends with exactly one post. On SQLite the bot is one process, and a second one is refused.
 */

// Servers with a ritual due at 9:00. The suite runs on 2 cores beside everything else: 150 keeps
// this test under a minute there; the fan-out logic is the same at 1,000 (see the report).
const GUILDS = 150;
const PROCESSES = 3;
const MONDAY_8AM = Date.parse('2026-03-02T08:00:00Z');
const MONDAY_9AM = Date.parse('2026-03-02T09:00:00Z');
// Past every lease a killed process held (ATTEMPT_LEASE_MS), so its occurrences are taken up.
const LATER = MONDAY_9AM + 60_000;

async function seedRituals(target: DatabaseTarget, channels: readonly ChannelRecord[]): Promise<void> {
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
        openThread: false,
      });
      if (!created.ok) throw new Error(`could not create a schedule: ${JSON.stringify(created.problem)}`);
    }
  } finally {
    await db.destroy();
  }
}

describe('more than one bot process on one database', () => {
  let harness: Harness | undefined;
  const bots: ChildBot[] = [];
  afterEach(async () => {
    await Promise.allSettled(bots.splice(0).map((bot) => bot.stop()));
    await harness?.close();
    harness = undefined;
  });

  if (testDialect === 'postgres') {
    it(`posts a due ritual exactly once in each of ${GUILDS} servers across ${PROCESSES} processes, one killed mid fan-out`, async () => {
      harness = await Harness.start({ rateLimits: { disabled: true } });
      const h = harness;
      const channels = Array.from({ length: GUILDS }, (_, i) => h.channel(h.guild(`Roots ${i}`, { owner: 'owner' }), 'poems'));
      const target = await freshTarget();
      await seedRituals(target, channels);

      bots.push(...(await Promise.all(Array.from({ length: PROCESSES }, () => startChildBot(h.emulator, { database: target, clockMs: MONDAY_8AM, features: ['rituals'] })))));
      const botId = h.emulator.bot.id;
      const postsIn = (channel: ChannelRecord) => h.world.messagesIn(channel.id).filter((r) => r.message.author.id === botId).length;
      const posted = () => channels.filter((channel) => postsIn(channel) > 0).length;

      // All three see 9:00 at once and race for the same servers.
      for (const bot of bots) bot.setClock(MONDAY_9AM);
      const killAt = Math.floor(GUILDS * (0.2 + Math.random() * 0.5));
      while (posted() < killAt) await sleep(5);
      const victim = Math.floor(Math.random() * PROCESSES);
      await bots[victim]?.crash();
      const killedAfter = posted();
      expect(killedAfter).toBeLessThan(GUILDS); // killed mid fan-out, not after it
      bots.splice(victim, 1);

      // The survivors finish what they can; a new process takes the dead one's place, and once its
      // leases ran out everything it held is taken up.
      await Promise.all(bots.map((bot) => bot.settled()));
      bots.push(await startChildBot(h.emulator, { database: target, clockMs: MONDAY_9AM, features: ['rituals'] }));
      for (const bot of bots) bot.setClock(LATER);
      await Promise.all(bots.map((bot) => bot.settled()));

      const counts = channels.map(postsIn);
      expect({ missing: counts.filter((n) => n === 0).length, twice: counts.filter((n) => n > 1).length }).toEqual({ missing: 0, twice: 0 });
      // Not thanks to Discord's nonce alone: no two processes sent the same post. Only what the
      // killed process had in flight (16 at a time) was sent a second time.
      const paths = new Set(channels.map((channel) => `/channels/${channel.id}/messages`));
      const sends = h.emulator.requests.filter((r) => r.method === 'POST' && [...paths].some((p) => r.path.endsWith(p))).length;
      expect(sends).toBeLessThanOrEqual(GUILDS + DEFAULT_RUNTIME_OPTIONS.concurrency);
      const reader = openDatabase(target);
      try {
        const ledger = await reader.selectFrom('ritual_occurrences').select(['state']).execute();
        expect(ledger).toHaveLength(GUILDS);
        expect(ledger.every((row) => row.state === 'posted')).toBe(true);
      } finally {
        await reader.destroy();
      }
    }, 240_000);
  } else {
    it('refuses a second bot process on the same SQLite file, saying what to do', async () => {
      harness = await Harness.start({ rateLimits: { disabled: true } });
      const h = harness;
      const channels = [h.channel(h.guild('Roots', { owner: 'owner' }), 'poems')];
      const target = await freshTarget();
      await seedRituals(target, channels);
      bots.push(await startChildBot(h.emulator, { database: target, clockMs: MONDAY_8AM, features: ['rituals'] }));
      // A second bot, in this process: the first one (the child) holds the file.
      const second = startBot({
        token: h.emulator.token,
        apiUrl: h.emulator.apiUrl,
        database: target,
        logger: createLogger({ level: 'silent' }),
        features: () => [],
      });
      await expect(second).rejects.toThrow(/already in use by another Roots Bot \(process \d+\)\. SQLite serves one bot process: stop the other one first, or use PostgreSQL \(DATABASE_URL\)/);

      // Once the first is gone (even killed), the file is free again.
      await bots.pop()?.crash();
      bots.push(await startChildBot(h.emulator, { database: target, clockMs: MONDAY_8AM, features: ['rituals'] }));
    }, 120_000);
  }
});
