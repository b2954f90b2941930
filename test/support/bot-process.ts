import { z } from 'zod';
import { startBot } from '../../src/bot.js';
import { ManualClock } from '../../src/clock.js';
import { createFeatures } from '../../src/features/index.js';
import { createLogger } from '../../src/logger.js';
import { RITUALS } from '../../src/rituals/discord/feature.js';

/**
 * The bot as a process of its own, for tests that kill it (`kill -9`) and start it again: the same
 * startBot, against an emulator URL and token from the environment, on a ManualClock the parent
 * moves over IPC. Run with `fork(path, { execArgv: ['--import', 'tsx'] })` (see child-bot.ts).
 */

const Env = z.object({
  ROOTS_API_URL: z.url(),
  ROOTS_TOKEN: z.string().min(1),
  // One of the two: PostgreSQL when the URL is set.
  ROOTS_DATABASE_PATH: z.string().min(1).optional(),
  ROOTS_DATABASE_URL: z.string().min(1).optional(),
  ROOTS_CLOCK_MS: z.coerce.number().int(),
  /** Comma-separated feature names to run; all when unset. */
  ROOTS_FEATURES: z.string().optional(),
});

export const ParentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('clock'), at: z.number().int() }),
  z.object({ type: z.literal('settle'), id: z.number().int() }),
]);
export type ParentMessage = z.infer<typeof ParentMessage>;
export type ChildMessage = { type: 'ready' } | { type: 'settled'; id: number } | { type: 'failed'; message: string };

const env = Env.parse(process.env);
const send = (message: ChildMessage) => process.send?.(message);
const wanted = env.ROOTS_FEATURES?.split(',').map((name) => name.trim());
const clock = new ManualClock(env.ROOTS_CLOCK_MS);

try {
  const bot = await startBot({
    token: env.ROOTS_TOKEN,
    apiUrl: env.ROOTS_API_URL,
    database: env.ROOTS_DATABASE_URL ? { kind: 'postgres', url: env.ROOTS_DATABASE_URL } : { kind: 'sqlite', path: env.ROOTS_DATABASE_PATH ?? '' },
    logger: createLogger({ level: 'warn', secrets: [env.ROOTS_TOKEN], destination: process.stderr }),
    clock,
    features: () => createFeatures().filter((feature) => wanted === undefined || wanted.includes(feature.name)),
  });
  process.on('message', (raw) => {
    const message = ParentMessage.parse(raw);
    if (message.type === 'clock') clock.set(message.at);
    else void (bot.ctx.features.get(RITUALS)?.running()?.settled() ?? Promise.resolve()).then(() => send({ type: 'settled', id: message.id }));
  });
  process.once('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
  send({ type: 'ready' });
} catch (error) {
  const causes: string[] = [];
  for (let e: unknown = error; e instanceof Error && causes.length < 5; e = e.cause) causes.push(e.message);
  send({ type: 'failed', message: causes.length > 0 ? causes.join(': ') : String(error) });
  process.exit(1);
}
