import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Events, GatewayDispatchEvents } from 'discord.js';
import { z } from 'zod';
import { BOT_INTENTS, startBot } from '../src/bot.js';
import { sqliteAt } from '../src/db/target.js';
import { createLogger } from '../src/logger.js';

/**
 * One side of the memory bench in a process of its own, so its RSS is its own: the bot (`startBot`,
 * every feature) or a bare discord.js client with the bot's intents and discord.js' default caches.
 * Run compiled through scripts/launch.mjs with `--expose-gc` (see memory.bench.ts).
 */

const Env = z.object({
  ROOTS_API_URL: z.url(),
  ROOTS_TOKEN: z.string().min(1),
  ROOTS_MEMORY_SUBJECT: z.enum(['bot', 'bare']),
});
/** `seen`: reply once this many member updates have arrived; `measure`: then measure too. */
export const ParentMessage = z.object({ type: z.enum(['seen', 'measure']), memberUpdates: z.number().int() });
export type ParentMessage = z.infer<typeof ParentMessage>;
export type ChildMessage =
  | { type: 'ready'; guilds: number }
  | { type: 'seen'; memberUpdates: number }
  | { type: 'measured'; rssBytes: number; heapBytes: number };

const env = Env.parse(process.env);
const send = (message: ChildMessage) => process.send?.(message);

async function connect(): Promise<Client<true>> {
  if (env.ROOTS_MEMORY_SUBJECT === 'bot') {
    const bot = await startBot({
      token: env.ROOTS_TOKEN,
      apiUrl: env.ROOTS_API_URL,
      database: sqliteAt(`${mkdtempSync(`${tmpdir()}/roots-memory-`)}/bot.sqlite`),
      logger: createLogger({ level: 'silent' }),
    });
    return bot.client;
  }
  const client = new Client({ intents: [...BOT_INTENTS], rest: { api: env.ROOTS_API_URL } });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(env.ROOTS_TOKEN);
  return ready;
}

/** RSS once the heap has been collected and the allocator has had a moment to hand memory back. */
async function measure(): Promise<ChildMessage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i += 1) {
    gc();
    await sleep(200);
  }
  const usage = process.memoryUsage();
  return { type: 'measured', rssBytes: usage.rss, heapBytes: usage.heapUsed };
}

const client = await connect();
let updates = 0;
client.ws.on(GatewayDispatchEvents.GuildMemberUpdate, () => (updates += 1));
process.on('message', (raw) => {
  const message = ParentMessage.parse(raw);
  void (async () => {
    while (updates < message.memberUpdates) await sleep(20);
    if (message.type === 'seen') {
      send({ type: 'seen', memberUpdates: updates });
      return;
    }
    // What the updates set off (the bot's onboarding looks each one up) has a moment to finish.
    await sleep(1000);
    send(await measure());
  })();
});
await sleep(1000);
send({ type: 'ready', guilds: client.guilds.cache.size });
