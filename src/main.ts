import 'dotenv/config';
import { startBot, type RunningBot } from './bot.js';
import { loadConfig } from './config.js';
import { exitAfterFlushing, explainStartFailure, stopOnSignal } from './lifecycle.js';
import { passwordOf } from './db/target.js';
import { createLogger } from './logger.js';

/**
 * `npm start`. With DISCORD_TOKEN set, the bot connects to Discord; without it, the local sandbox
 * starts: the Discord emulator, the same bot against it, and a terminal to act as members.
 */
async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(loaded.error.message);
    return 1;
  }
  const { config } = loaded;
  // Loaded only when used: a bot on Discord never needs the emulator, nor the dashboard unless set.
  if (config.connection.kind === 'sandbox') return (await import('./sandbox/run.js')).runSandbox(config);

  const { token, apiUrl } = config.connection;
  const logger = createLogger({ level: config.logLevel, secrets: [token, passwordOf(config.database) ?? ''] });
  let bot: RunningBot;
  try {
    bot = await startBot({ token, apiUrl, database: config.database, logger, shards: config.shards });
  } catch (error) {
    // The details (codes, stack) in the JSON log; the person at the terminal gets plain words.
    logger.fatal({ err: error }, 'Roots Bot could not start');
    console.error(explainStartFailure(error, apiUrl));
    // Not `return 1`: discord.js may still be reconnecting after destroy(), which would keep the
    // process alive (and, once the gateway answers, serving on a closed database).
    return exitAfterFlushing(logger, 1);
  }
  const dashboardConfig = config.dashboard;
  const dashboard =
    dashboardConfig?.kind === 'discord' ? await (await import('./dashboard/start.js')).startDiscordDashboard(bot, dashboardConfig, apiUrl) : undefined;
  if (dashboard !== undefined && dashboardConfig !== null) {
    logger.info({ listening: dashboard.url, publicUrl: dashboardConfig.publicUrl }, 'the moderator dashboard is up');
  }
  // The dashboard stops taking requests before the bot closes its database.
  const stop = async () => {
    await dashboard?.close();
    await bot.stop();
  };
  await stopOnSignal({ stop }, logger);
  // Spawned by a ShardingManager (`npm run start:shards`), the IPC channel to it would keep this
  // process alive after the bot stopped.
  if (process.connected) process.disconnect();
  return 0;
}

process.exitCode = await main();
