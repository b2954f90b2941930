import type { DiscordEmulator } from '@roots-bot/discord-emulator';
import { startBot, type BotOptions, type RunningBot } from '../bot.js';
import { publishCommands } from '../interactions/publish.js';
import { loadCommands } from '../interactions/registry.js';

/**
 * Starts the bot against the emulator exactly as `npm start` starts it against Discord — the same
 * startBot — with only the token and API URL differing. Commands are published first, as
 * `npm run deploy-commands` would.
 */
export async function startBotOnEmulator(emulator: DiscordEmulator, options: Omit<BotOptions, 'token' | 'apiUrl'>): Promise<RunningBot> {
  const registry = await loadCommands(options.commandsDir);
  await publishCommands({ token: emulator.token, apiUrl: emulator.apiUrl }, registry.definitions);
  return startBot({ ...options, registry, token: emulator.token, apiUrl: emulator.apiUrl });
}
