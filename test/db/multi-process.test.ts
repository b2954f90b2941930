import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '@roots-bot/discord-emulator';
import { startBot } from '../../src/bot.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrator.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_RUNTIME_OPTIONS } from '../../src/rituals/discord/runtime.js';
import { startChildBot, type ChildBot } from '../support/child-bot.js';
import { freshTarget, holdWriteLock, testDialect } from '../support/database.js';
import { killMidFanOut, MONDAY_8AM, seedRituals } from '../support/kill-mid-fan-out.js';

/**
 * Past one process. On PostgreSQL, several bot processes share one database and the ritual ledger
 * keeps "exactly once" between them: three processes fan out one due ritual in many servers, one
 * is killed (`kill -9`) at a random point mid fan-out, another starts in its place, and every
 * server ends with exactly one post. On SQLite the bot is one process, and a second one is refused.
 */

// Servers with a ritual due at 9:00. The suite runs on 2 cores beside everything else: 150 keeps
// this test under a minute there; `npm run bench -- multi-process` runs the same at 1,000.
const GUILDS = 150;
const PROCESSES = 3;

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
      const crash = await killMidFanOut(harness, await freshTarget(), { guilds: GUILDS, processes: PROCESSES });
      expect(crash.killedAfter).toBeLessThan(GUILDS); // killed mid fan-out, not after it
      const counts = crash.postsPerServer;
      expect({ missing: counts.filter((n) => n === 0).length, twice: counts.filter((n) => n > 1).length }).toEqual({ missing: 0, twice: 0 });
      // Not thanks to Discord's nonce alone: no two processes sent the same post. Only what the
      // killed process had in flight (16 at a time) was sent a second time.
      expect(crash.sends).toBeLessThanOrEqual(GUILDS + DEFAULT_RUNTIME_OPTIONS.concurrency);
      expect(crash.ledger).toHaveLength(GUILDS);
      expect(crash.ledger.every((state) => state === 'posted')).toBe(true);
    }, 240_000);

    // Kysely's migration lock and the bot's write lock once deadlocked processes that started
    // together (src/db/postgres.ts): each start runs the migrations, and they must take turns.
    it('lets processes that start together take turns migrating: none fails or deadlocks, each migration runs once', async () => {
      const target = await freshTarget();
      const starts = Array.from({ length: 6 }, () => openDatabase(target));
      try {
        const results = await Promise.allSettled(starts.map((db) => migrate(db)));
        const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
        expect(failures.map((error) => `${error.message}: ${String(error.cause)}`)).toEqual([]);
        const names = results.flatMap((result) => (result.status === 'fulfilled' ? result.value : [])).map((migration) => migration.migrationName);
        // Whoever came first ran each migration; the others found nothing left to do.
        expect(names.length).toBeGreaterThan(0);
        expect(new Set(names).size).toBe(names.length);
        const { rows } = await sql<{ count: number }>`select count(*) as count from kysely_migration`.execute(starts[0]!);
        expect(rows[0]?.count).toBe(names.length);
      } finally {
        await Promise.all(starts.map((db) => db.destroy()));
      }
    });

    it("keys its locks by schema: a bot's write lock held in one schema of a database holds up no bot in another", async () => {
      const [held, other] = [await freshTarget(), await freshTarget()];
      const lock = await holdWriteLock(held);
      const db = openDatabase(other, { budgetMs: 1_000 });
      try {
        await migrate(db);
        await db.insertInto('guild_settings').values({ guild_id: '1', time_zone: 'UTC', created_at: 'now', updated_at: 'now' }).execute();
        expect(await db.selectFrom('guild_settings').select('guild_id').execute()).toEqual([{ guild_id: '1' }]);
      } finally {
        await db.destroy();
        await lock.release();
      }
      // And in its own schema it does hold writes off.
      const blocked = openDatabase(held, { budgetMs: 300 });
      const lockAgain = await holdWriteLock(held);
      try {
        await expect(migrate(blocked)).rejects.toThrow();
      } finally {
        await lockAgain.release();
        await blocked.destroy();
      }
    });
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
