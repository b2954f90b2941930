import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Harness, type GuildRecord } from '@roots-bot/discord-emulator';
import { START_NODE_FLAGS } from '../test/support/entry-process.js';
import type { ChildMessage, ParentMessage } from './memory-process.js';
import { defineBench, round, type Figures } from './support.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The launcher runs memory-process.ts compiled, as `npm start` runs the bot (no TypeScript loader). */
const LAUNCHER = `${ROOT}scripts/launch.mjs`;
/** Server counts measured; `MEMORY_BENCH_SERVERS=1000 npm run bench memory` measures one. */
const SIZES = (process.env.MEMORY_BENCH_SERVERS ?? '1000,2500').split(',').map(Number);
const MEMBERS = 100;
const MB = 1024 * 1024;

type Subject = 'bot' | 'bare';

/** A world of `guilds` servers with `MEMBERS` members each (the bot and the owner among them) and two channels. */
async function world(guilds: number): Promise<{ harness: Harness; servers: GuildRecord[] }> {
  const harness = await Harness.start({ rateLimits: { disabled: true } });
  const servers: GuildRecord[] = [];
  for (let g = 0; g < guilds; g += 1) {
    const guild = harness.guild(`School ${g + 1}`, { owner: 'owner' });
    harness.channel(guild, 'general');
    harness.channel(guild, 'poems');
    servers.push(guild);
  }
  // Straight through the world: the harness's member() looks a username up among every user.
  for (const [g, guild] of servers.entries()) {
    for (let m = guild.members.size; m < MEMBERS; m += 1) harness.world.seatMember(guild.id, harness.world.createUser({ username: `teacher-${g}-${m}` }).id);
  }
  return { harness, servers };
}

/**
 * Starts `subject` in a process of its own against the emulator, measures its RSS once every
 * server has arrived, then again after every member has been seen once (a GUILD_MEMBER_UPDATE each,
 * as members who change their nickname, pass screening or join over the weeks make the bot see them).
 */
async function measure(harness: Harness, servers: readonly GuildRecord[], subject: Subject): Promise<{ ready: number; seen: number; heapSeen: number }> {
  const child = fork(LAUNCHER, ['bench/memory-process.ts'], {
    cwd: ROOT,
    execArgv: [...START_NODE_FLAGS, '--expose-gc'],
    env: { ...process.env, ROOTS_API_URL: harness.emulator.apiUrl, ROOTS_TOKEN: harness.emulator.token, ROOTS_MEMORY_SUBJECT: subject },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const next = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message as Extract<ChildMessage, { type: T }>);
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error(`the ${subject} process exited`)));
    });
  const send = (message: ParentMessage) => child.send(message);
  try {
    const ready = await next('ready');
    if (ready.guilds !== servers.length) throw new Error(`the ${subject} saw ${ready.guilds} servers of ${servers.length}`);
    let measured = next('measured');
    send({ type: 'measure', memberUpdates: 0 });
    const atReady = await measured;

    let updates = 0;
    for (const [g, guild] of servers.entries()) {
      for (const userId of guild.members.keys()) {
        if (userId === harness.emulator.bot.id) continue;
        harness.world.updateMember(guild.id, userId, { nick: 'Teacher' });
        updates += 1;
      }
      // Paced by what the process has taken in: a flood it can't keep up with would measure the
      // socket's backlog, and starve its heartbeats until the connection drops.
      if (g % 10 === 9) {
        const seen = next('seen');
        send({ type: 'seen', memberUpdates: updates });
        await seen;
      }
    }
    measured = next('measured');
    send({ type: 'measure', memberUpdates: updates });
    const seen = await measured;
    return { ready: atReady.rssBytes / MB, seen: seen.rssBytes / MB, heapSeen: seen.heapBytes / MB };
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

export default defineBench({
  name: 'memory: the bot beside a bare discord.js client',
  description: `RSS (MB) of the bot (every feature) and of a bare discord.js client with the same intents and discord.js' default caches, each in its own process, at 1,000 and 2,500 servers × ${MEMBERS} members: after READY and every GUILD_CREATE (then a GC), and after every member has been seen once. Target: the bot ≤ 150 MB at 1,000 × ${MEMBERS}.`,
  async run() {
    const figures: Record<string, number> = {};
    for (const guilds of SIZES) {
      const { harness, servers } = await world(guilds);
      try {
        for (const subject of ['bare', 'bot'] as const) {
          const rss = await measure(harness, servers, subject);
          const label = `${guilds} × ${MEMBERS}, ${subject === 'bot' ? 'bot' : 'bare discord.js'}`;
          figures[`${label}: RSS at ready (MB)`] = round(rss.ready, 0);
          figures[`${label}: RSS, every member seen (MB)`] = round(rss.seen, 0);
          figures[`${label}: heap, every member seen (MB)`] = round(rss.heapSeen, 0);
        }
      } finally {
        await harness.close();
      }
    }
    return figures satisfies Figures;
  },
});
