import 'dotenv/config';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST } from '@discordjs/rest';
import { Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { loadConfig } from './config.js';
import { exitAfterFlushing } from './lifecycle.js';
import { createLogger } from './logger.js';

/**
 * `npm run start:shards`: the bot as several processes, one per shard, through discord.js's
 * ShardingManager. Each process is `src/main.ts` as `npm start` runs it, told by the manager which
 * shard it serves (`SHARDS`, `SHARD_COUNT`); it connects for that shard only and runs the scheduled
 * work of that shard's servers only (src/sharding/). Shard 0 also receives every DM.
 *
 * One process with every shard (`npm start`) is simpler and is enough until one machine's memory
 * or CPU runs out; this is for going past that. Every process must reach the same PostgreSQL database.
 */

/** Discord lets one IDENTIFY per `max_concurrency` bucket through every 5 s; a little more, to be safe. */
const IDENTIFY_WINDOW_MS = 5_500;
/** How long one shard may take to connect and receive its servers before the start counts as failed. */
const SHARD_READY_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(loaded.error.message);
    return 1;
  }
  const { config } = loaded;
  if (config.connection.kind !== 'discord') {
    console.error('`npm run start:shards` connects to Discord and needs DISCORD_TOKEN. Without one, `npm start` runs the local sandbox.');
    return 1;
  }
  const { token, apiUrl } = config.connection;
  const logger = createLogger({ level: config.logLevel, secrets: [token] });

  // ShardingManager's own 'auto' asks discord.com directly; asking here honours DISCORD_API_URL.
  const rest = new REST(apiUrl === undefined ? {} : { api: apiUrl }).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const totalShards = config.shards.kind === 'all' ? config.shards.count : gateway.shards;
  const { max_concurrency: maxConcurrency } = gateway.session_start_limit;
  // A SQLite file serves one process (a second is refused at start), so the shards' processes
  // would all but the first fail over and over: say what to do instead, before starting any.
  if (config.database.kind === 'sqlite' && totalShards > 1) {
    console.error(
      `One process per shard needs PostgreSQL: set DATABASE_URL so all ${totalShards} shards share one database. On SQLite, \`npm start\` runs every shard in one process.`,
    );
    return 1;
  }

  // Each shard runs as this manager does: the compiled main.js beside this file, with the flags the
  // launcher gave (scripts/launch.mjs), or the TypeScript through tsx.
  const compiled = import.meta.url.endsWith('.js');
  const manager = new ShardingManager(fileURLToPath(new URL(compiled ? './main.js' : './main.ts', import.meta.url)), {
    token,
    totalShards,
    mode: 'process',
    execArgv: compiled ? [...process.execArgv] : ['--import', 'tsx'],
    respawn: true,
  });
  manager.on('shardCreate', (shard: Shard) => logger.info({ shard: shard.id, of: totalShards }, 'starting a shard'));

  let stopping = false;
  const stopAll = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // A shard that exits now must stay down.
    manager.respawn = false;
    logger.info({ signal }, 'stopping every shard');
    // Each shard stops as on its own SIGTERM: scheduled work, then handlers, then the connection.
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return;
        const exited = once(child, 'exit');
        shard.kill();
        await exited;
      }),
    );
    logger.info('every shard stopped');
  };
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, (s) => void stopAll(s).then(resolve));
  });

  try {
    // Shards i and i + max_concurrency share a bucket: spacing the starts by 5.5 s / max_concurrency
    // gives each bucket its 5 s between IDENTIFYs even across processes, which no process can see.
    await manager.spawn({ amount: totalShards, delay: Math.ceil(IDENTIFY_WINDOW_MS / maxConcurrency), timeout: SHARD_READY_TIMEOUT_MS });
  } catch (error) {
    logger.fatal({ err: error }, 'a shard could not start');
    console.error('Roots Bot could not start every shard; the shard that failed printed why above.');
    await stopAll('SIGTERM');
    // REST's keep-alive sockets and the manager's timers would keep a failed start alive.
    return exitAfterFlushing(logger, 1);
  }
  logger.info({ shards: totalShards }, 'every shard is online');
  await stopped;
  return 0;
}

process.exitCode = await main();
