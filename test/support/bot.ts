import { Writable } from 'node:stream';
import { Harness, type EmulatorOptions } from '@roots-bot/discord-emulator';
import type { RunningBot } from '../../src/bot.js';
import type { Clock } from '../../src/clock.js';
import type { DatabaseTarget } from '../../src/db/target.js';
import type { Feature } from '../../src/features/feature.js';
import { createLogger } from '../../src/logger.js';
import type { PictureRenderer } from '../../src/pictures/index.js';
import { startBotOnEmulator } from '../../src/sandbox/sandbox-bot.js';
import { freshTarget } from './database.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly ref?: string;
  readonly [key: string]: unknown;
}

/** An emulator, a bot connected to it, and the bot's log lines, for one end-to-end test. */
export interface TestBed {
  readonly harness: Harness;
  readonly bot: RunningBot;
  readonly logs: LogLine[];
  /** A fresh database of this run's dialect (SQLite, or a PostgreSQL schema in bot-postgres). */
  readonly database: DatabaseTarget;
  /** Stops the bot (as on SIGTERM) and starts it again on the same database. */
  restart(): Promise<RunningBot>;
  close(): Promise<void>;
}

export async function startTestBed(
  setup: (harness: Harness) => void,
  options: {
    emulator?: EmulatorOptions;
    clock?: Clock;
    commandsDir?: string;
    features?: () => readonly Feature[];
    pictures?: PictureRenderer;
    /** Instead of a fresh database of the run's dialect (a test that reaches it through a relay, say). */
    database?: DatabaseTarget;
  } = {},
): Promise<TestBed> {
  // Rate limits and Discord's 5 s between IDENTIFYs of a bucket are studied in their own tests; here
  // they would only slow down restarts (bed.restart() identifies again at once).
  const harness = await Harness.start({ rateLimits: { disabled: true }, sessionStarts: { identifyWindowMs: 0 }, ...options.emulator });
  setup(harness);
  // "Days later" for the bot are days later in Discord too: threads archive as they would.
  if (options.clock) harness.followClock(options.clock);
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', secrets: [harness.emulator.token], destination });
  const database = options.database ?? (await freshTarget());
  const start = () =>
    startBotOnEmulator(harness.emulator, {
      database,
      logger,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.commandsDir ? { commandsDir: options.commandsDir } : {}),
      ...(options.features ? { features: options.features } : {}),
      ...(options.pictures ? { pictures: options.pictures } : {}),
    });
  let bot = await start();
  return {
    harness,
    get bot() {
      return bot;
    },
    logs,
    database,
    async restart() {
      await bot.stop();
      bot = await start();
      return bot;
    },
    async close() {
      await bot.stop();
      await harness.close();
    },
  };
}
