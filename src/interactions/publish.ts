import { REST } from '@discordjs/rest';
import { Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';

export interface PublishTarget {
  readonly token: string;
  readonly apiUrl?: string | undefined;
  /** Resolved from the token when unset. */
  readonly appId?: string | undefined;
  /** A server to publish to (instant, for testing); unset publishes globally (all servers). */
  readonly guildId?: string | undefined;
}

const Application = z.object({ id: z.string() });
const PublishedCommands = z.array(z.object({ id: z.string(), name: z.string() }));

/**
 * Replaces the application's slash commands with `definitions` in one bulk overwrite, so commands
 * removed from `commands/` disappear from Discord too.
 */
export async function publishCommands(
  target: PublishTarget,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<{ scope: string; names: string[] }> {
  const rest = new REST(target.apiUrl === undefined ? {} : { api: target.apiUrl }).setToken(target.token);
  const appId = target.appId ?? Application.parse(await rest.get(Routes.currentApplication())).id;
  const route = target.guildId === undefined ? Routes.applicationCommands(appId) : Routes.applicationGuildCommands(appId, target.guildId);
  const published = PublishedCommands.parse(await rest.put(route, { body: definitions }));
  return {
    scope: target.guildId === undefined ? 'every server (global commands can take up to an hour to appear)' : `server ${target.guildId}`,
    names: published.map((command) => command.name),
  };
}
