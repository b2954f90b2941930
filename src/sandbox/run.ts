import { mkdirSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { destination } from 'pino';
import { Harness, restoreWorld } from '@roots-bot/discord-emulator';
import type { RunningBot } from '../bot.js';
import { ManualClock } from '../clock.js';
import type { Config } from '../config.js';
import { sqliteAt } from '../db/target.js';
import { startSandboxDashboard } from '../dashboard/start.js';
import { createLogger } from '../logger.js';
import { buildDemoGuild, findDemoGuild, type DemoGuild } from './demo-guild.js';
import { setUpDemoCommunity } from './demo-setup.js';
import { startBotOnEmulator } from './sandbox-bot.js';
import { terminalIo } from './terminal/io.js';
import { Session } from './terminal/session.js';
import { styleFor } from './terminal/style.js';
import { openSandboxData, WorldKeeper, worldPathFor, type Opening } from './world-file.js';

/**
 * `npm start` without a DISCORD_TOKEN: the Discord emulator with a demo server, the real bot
 * connected to it, and a terminal to act as the people in that server. The bot's logs go to a file
 * beside the sandbox database so they never interleave with the conversation.
 */

/** `data/sandbox.sqlite` → `data/sandbox.log`. */
export function logPathFor(databasePath: string): string {
  const extension = extname(databasePath);
  return `${extension === '' ? databasePath : databasePath.slice(0, -extension.length)}.log`;
}

/** `data/sandbox.sqlite` → `data/sandbox-files`: where the files the bot sends are saved. */
export function filesDirFor(databasePath: string): string {
  const extension = extname(databasePath);
  return `${extension === '' ? databasePath : databasePath.slice(0, -extension.length)}-files`;
}

export async function runSandbox(config: Config): Promise<number> {
  const style = styleFor(process.stdout, process.env);
  const say = (...lines: string[]) => process.stdout.write(lines.map((line) => `${line}\n`).join(''));
  say(
    style.bold('No DISCORD_TOKEN set, so this is the local sandbox: a pretend Discord server on your computer.'),
    'Nothing you do here reaches Discord. Starting the server "Roots Community" and Roots Bot…',
  );

  const worldPath = worldPathFor(config.sandboxDatabasePath);
  let opening: Opening;
  try {
    opening = openSandboxData(config.sandboxDatabasePath);
  } catch (error) {
    say(style.warn(`The sandbox's saved data in ${dirname(config.sandboxDatabasePath)} couldn't be opened or moved aside: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }
  if (opening.kind === 'fresh' && opening.note !== null) say('', style.warn(opening.note), '');

  let harness: Harness;
  try {
    // A reopened world keeps its bot user, so the messages it wrote are still the bot's.
    harness = await Harness.start(opening.kind === 'restored' ? { botUserId: opening.world.botUserId } : {});
  } catch (error) {
    say(style.warn(`The pretend Discord server couldn't start: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }
  const logPath = logPathFor(config.sandboxDatabasePath);
  mkdirSync(dirname(logPath), { recursive: true });
  const logFile = destination({ dest: logPath, sync: true });
  const logger = createLogger({ level: config.logLevel, secrets: [harness.emulator.token], destination: logFile });
  let demo: DemoGuild | null = null;
  if (opening.kind === 'restored') {
    restoreWorld(harness.world, opening.world);
    demo = findDemoGuild(harness.world);
  }
  // Stable IDs: what the bot stored about the demo server last time still matches it.
  demo ??= harness.world.withStableIds(() => buildDemoGuild(harness));
  const clock = new ManualClock(opening.kind === 'restored' ? opening.clockStart : Date.now());
  // `time +7d` moves Discord's time too: threads left a week archive themselves, as they would.
  harness.followClock(clock);

  let bot: RunningBot;
  try {
    bot = await startBotOnEmulator(harness.emulator, { database: sqliteAt(config.sandboxDatabasePath), logger, clock });
  } catch (error) {
    logger.fatal({ err: error }, 'Roots Bot could not start in the sandbox');
    logFile.end();
    await harness.close();
    say(style.warn(`Roots Bot couldn't start: ${error instanceof Error ? error.message : String(error)}`), `The details are in ${logPath}.`);
    return 1;
  }
  // From here the world is saved as it changes, so it and the database always go together.
  const keeper = new WorldKeeper(config.sandboxDatabasePath, harness, clock, logger);
  keeper.save();
  await setUpDemoCommunity(bot.ctx, demo);
  // A failure in the bot's background work must not end the sandbox; the log keeps it.
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'an unhandled promise rejection');
  process.on('unhandledRejection', onRejection);

  const dashboard = await startSandboxDashboard(bot, harness.emulator, config.dashboard?.kind === 'sandbox' ? config.dashboard : { port: 0 }).catch((error: unknown) => {
    logger.warn({ err: error }, 'the dashboard could not start');
    const busy = (error as { code?: unknown }).code === 'EADDRINUSE';
    say(style.warn(busy ? `The moderator dashboard couldn't start: its port is in use. Set DASHBOARD_PORT to another port (0 picks a free one).` : `The moderator dashboard couldn't start; the details are in ${logPath}.`));
    return undefined;
  });
  say(
    opening.kind === 'restored'
      ? 'Welcome back: the server, its people, messages and threads, and the clock are as you left them.'
      : 'A fresh start: the demo server and its rituals are set up for you.',
    `Roots Bot is online. Its data is kept in ${config.sandboxDatabasePath}, the pretend Discord in ${worldPath}, and the bot's log in ${logPath}.`,
    `You are ${style.bold('morgan')}, a moderator, in #general. Type ${style.bold('help')} to see what you can do, or ${style.bold('quit')} to leave.`,
    ...(dashboard === undefined ? [] : [`The moderator dashboard is at ${style.bold(dashboard.url)}: open it in your browser and sign in as morgan.`]),
  );
  const io = terminalIo(process.stdin, process.stdout);
  const session = new Session({ harness, guild: demo.guild, start: { person: demo.moderator, channel: demo.channels.general }, clock, io, style, logger, filesDir: filesDirFor(config.sandboxDatabasePath) });
  const stopOnSignal = () => io.close();
  process.once('SIGTERM', stopOnSignal);
  try {
    await session.run();
  } finally {
    process.off('SIGTERM', stopOnSignal);
    session.stop();
    io.close();
    say('', 'Closing the sandbox. See you soon!');
    await dashboard?.close();
    await bot.stop();
    keeper.close();
    await harness.close();
    process.off('unhandledRejection', onRejection);
    logFile.flushSync();
    logFile.end();
  }
  return 0;
}
