import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Harness, type Response, type UserRecord } from '@roots-bot/discord-emulator';
import { createLogger } from '../src/logger.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { sqliteAt } from '../src/db/target.js';
import { defineBench, now, round } from './support.js';

const LOCK_MS = 10_000;
const MEMBERS = 40;
/** The tries spread over the lock and the 2 s after it, so some meet it and some outlast it. */
const SPREAD_MS = LOCK_MS + 2000;
const DEADLINE_MS = 3000;
const COURSE = 'root-causes-to-grassroots-action';
/** What an answer that says it didn't work looks like (busy, an apology), across versions. */
const SAYS_FAILED = /busy|went wrong|couldn.t|try again/i;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Another process (a backup, a `sqlite3` shell) takes an exclusive lock on the file and holds it
 * for `LOCK_MS`; it writes "locked" once it holds it. Its own busy wait can't freeze the bot: it
 * is another process.
 */
async function holdLock(databasePath: string): Promise<{ released: Promise<void> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1], { timeout: 5000 });
    db.exec('BEGIN EXCLUSIVE');
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); }, ${LOCK_MS});
  `;
  const child = spawn(process.execPath, ['-e', script, databasePath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  if (first !== 'locked') throw new Error(`the lock holder said ${first}`);
  return { released: once(child, 'exit').then(() => undefined) };
}

interface Try {
  readonly who: UserRecord;
  readonly answeredInMs: number | undefined;
  readonly saysFailed: boolean;
}

const textOf = (response: Response): string => (response.kind === 'message' ? `${response.message.content} ${response.message.embeds.map((e) => `${e.title ?? ''} ${e.description ?? ''}`).join(' ')}` : response.kind);
const enrolled = (response: Response): boolean => response.kind === 'message' && response.message.embeds.length > 0;

export default defineBench({
  name: 'database: locked by another process for 10 s',
  description: `Another process holds an exclusive lock on the bot's SQLite file for ${LOCK_MS / 1000} s while ${MEMBERS} members try /course enroll, spread over the lock and the 2 s after. Answered within Discord's 3 s (target: all); false answers, told it failed but saved, or told it worked but not saved (target: 0); the longest the bot's event loop stood still (target: well under 1 s).`,
  async run() {
    const harness = await Harness.start({ rateLimits: { disabled: true } });
    const guild = harness.guild('Roots', { owner: 'morgan' });
    harness.channel(guild, 'general');
    const members = Array.from({ length: MEMBERS }, (_, i) => harness.member(guild, `teacher-${i}`));
    const databasePath = `${mkdtempSync(`${tmpdir()}/roots-bench-lock-`)}/bot.sqlite`;
    const bot = await startBotOnEmulator(harness.emulator, { database: sqliteAt(databasePath), logger: createLogger({ level: 'silent' }) });

    const { released } = await holdLock(databasePath);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const lockedAt = now();
    const heldFor = released.then(() => now() - lockedAt);
    const tries = await Promise.all(
      members.map(async (who, i): Promise<Try> => {
        await sleep((i * SPREAD_MS) / MEMBERS);
        const started = now();
        try {
          const response = await harness.as(who).run('#general', 'course enroll', { course: COURSE });
          return { who, answeredInMs: now() - started, saysFailed: SAYS_FAILED.test(textOf(response)) };
        } catch {
          // The emulator gives up on an interaction not answered within Discord's deadline.
          return { who, answeredInMs: undefined, saysFailed: true };
        }
      }),
    );
    const heldForMs = await heldFor;
    loop.disable();

    // The truth, once the file is free: is each member enrolled?
    const truth = await Promise.all(tries.map(async (attempt) => ({ ...attempt, saved: enrolled(await harness.as(attempt.who).run('#general', 'course progress')) })));
    await bot.stop();
    await harness.close();

    const answered = truth.filter((t) => t.answeredInMs !== undefined);
    const unanswered = truth.filter((t) => t.answeredInMs === undefined);
    return {
      'lock held (s)': round(heldForMs / 1000, 1),
      interactions: truth.length,
      'answered within 3 s': answered.filter((t) => (t.answeredInMs ?? DEADLINE_MS) < DEADLINE_MS).length,
      'answered "it worked"': answered.filter((t) => !t.saysFailed).length,
      'answered "try again" (busy, or an apology)': answered.filter((t) => t.saysFailed).length,
      'not answered ("did not respond")': unanswered.length,
      'false: told "try again", but saved': answered.filter((t) => t.saysFailed && t.saved).length,
      'false: told "it worked", but not saved': answered.filter((t) => !t.saysFailed && !t.saved).length,
      'not answered, but saved': unanswered.filter((t) => t.saved).length,
      'slowest answer (ms)': round(Math.max(0, ...answered.map((t) => t.answeredInMs ?? 0)), 0),
      'longest event-loop stall (ms)': round(loop.max / 1e6, 0),
    };
  },
});
