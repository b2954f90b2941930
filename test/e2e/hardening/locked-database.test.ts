import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routerSays } from '../../support/i18n.js';

const DATABASE_BUSY_NOTHING_SAVED = routerSays('database-busy-nothing-saved');
const DATABASE_BUSY_PARTLY_SAVED = routerSays('database-busy-partly-saved');
import type { Response, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { holdWriteLock } from '../../support/database.js';

/**
 * Another process (a backup, a `sqlite3` shell; on PostgreSQL another bot's long write) holds the
 * bot's database for 10 s while members use it. Every interaction must be answered within Discord's 3 s, and every answer must be true.
 * Courses are driven through their commands only, as a member would.
 */
const COURSE = 'root-causes-to-grassroots-action';
const LOCK_MS = 10_000;

interface Answer {
  readonly who: UserRecord;
  readonly command: string;
  readonly tookMs: number;
  readonly text: string;
  readonly hasEmbed: boolean;
}

function textOf(response: Response): { text: string; hasEmbed: boolean } {
  if (response.kind !== 'message') return { text: `(${response.kind})`, hasEmbed: false };
  return { text: response.message.content, hasEmbed: response.message.embeds.length > 0 };
}

describe('a database locked by another process for 10 s', () => {
  let bed: TestBed;
  let members: UserRecord[];

  beforeEach(async () => {
    bed = await startTestBed((h) => {
      const guild = h.guild('Roots', { owner: 'morgan' });
      h.channel(guild, 'general');
      members = ['alice', 'ben', 'chloe', 'dev', 'emma'].map((name) => h.member(guild, name));
    });
  });
  afterEach(() => bed.close());

  it('answers every interaction in time, and truthfully: "busy, nothing saved" saved nothing', async () => {
    const answers: Answer[] = [];
    const run = async (who: UserRecord, command: string, options: Record<string, string> = {}) => {
      const started = performance.now();
      const response = await bed.harness.as(who).run('#general', command, options);
      answers.push({ who, command, tookMs: performance.now() - started, ...textOf(response) });
    };
    const enrol = (who: UserRecord) => run(who, 'course enroll', { course: COURSE });

    const other = await holdWriteLock(bed.database);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const lockedAt = performance.now();
    const released = sleep(LOCK_MS).then(() => other.release());

    // Everyone tries to enrol at once, well inside the lock.
    const interactions: Promise<void>[] = members.map((who) => enrol(who));
    // Reads while the lock is held (WAL lets them through).
    interactions.push(...members.map(async (who) => {
      await sleep(3000);
      await run(who, 'course progress');
    }));
    // Tries spread over the lock's last two seconds: the early ones give up, the later ones wait
    // for the lock to go and get through. Either answer is fine; it must be true.
    interactions.push(...members.map(async (who, i) => {
      await sleep(LOCK_MS - 2000 + i * 450);
      await enrol(who);
    }));

    const settled = await Promise.allSettled(interactions);
    await released;
    loop.disable();

    // Every interaction was answered within Discord's deadline (the emulator fails it otherwise).
    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(answers).toHaveLength(15);
    for (const answer of answers) expect(answer.tookMs).toBeLessThan(3000);
    // The event loop never froze: timers (the emulator's, other interactions') kept firing.
    expect(loop.max / 1e6).toBeLessThan(1000);
    expect(answers.some((a) => a.text.includes('something went wrong'))).toBe(false);
    expect(answers.some((a) => a.text === DATABASE_BUSY_PARTLY_SAVED)).toBe(false);

    const byMember = (who: UserRecord, command: string) => answers.filter((a) => a.who === who && a.command === command);
    for (const who of members) {
      const [early, late] = byMember(who, 'course enroll');
      // The first tries all met the lock, and said so.
      expect(early?.text).toBe(DATABASE_BUSY_NOTHING_SAVED);
      // Nobody had enrolled yet, and the reads say exactly that.
      expect(byMember(who, 'course progress')[0]?.hasEmbed).toBe(false);
      if (late === undefined) throw new Error('the second enrolment was not answered');

      // The truth, read back once the database is free: enrolled exactly when told so.
      const progress = textOf(await bed.harness.as(who).run('#general', 'course progress'));
      const toldBusy = late.text === DATABASE_BUSY_NOTHING_SAVED;
      expect({ who: who.username, enrolled: progress.hasEmbed }).toEqual({ who: who.username, enrolled: !toldBusy });
    }
    const lateTries = members.map((who) => byMember(who, 'course enroll')[1]);
    // The lock's end lands in the middle of the last tries: some gave up, and some got through.
    expect(lateTries.some((a) => a?.text === DATABASE_BUSY_NOTHING_SAVED)).toBe(true);
    expect(lateTries.some((a) => a?.text !== DATABASE_BUSY_NOTHING_SAVED)).toBe(true);
    expect(performance.now() - lockedAt).toBeLessThan(LOCK_MS + 4000);
  }, 30_000);
});
