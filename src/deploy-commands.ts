import 'dotenv/config';
import { loadConfig } from './config.js';
import { publishCommands } from './interactions/publish.js';
import { loadCommands } from './interactions/registry.js';

/** `npm run deploy-commands`: publishes `commands/` to DEV_GUILD_ID if set, else globally. */
async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(loaded.error.message);
    return 1;
  }
  const { connection, devGuildId } = loaded.config;
  if (connection.kind !== 'discord') {
    console.error(
      'DISCORD_TOKEN is not set, so there is no Discord application to publish to. (The local sandbox publishes its commands by itself: just run `npm start`.)',
    );
    return 1;
  }
  try {
    const registry = await loadCommands();
    const result = await publishCommands({ ...connection, guildId: devGuildId }, registry.definitions);
    console.log(`Published ${result.names.length} commands to ${result.scope}: ${result.names.map((n) => `/${n}`).join(', ')}`);
    return 0;
  } catch (error) {
    console.error(`Could not publish the commands: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
