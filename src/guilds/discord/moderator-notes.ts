import { Routes, type Client, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { Db } from '../../db/connection.js';
import type { Logger } from '../../logger.js';
import { findGuildSettings } from '../guild-settings.js';

/**
 * Notes for a server's moderators, shared by every feature: they go to the log channel moderators
 * chose (`guild_settings.log_channel_id`). A note is a courtesy, so telling never throws.
 */

/** How a note reaches Discord: the client's REST manager in the bot, a fake in tests. */
export interface NoteSender {
  send(channelId: string, body: RESTPostAPIChannelMessageJSONBody, signal: AbortSignal): Promise<unknown>;
}

export interface ModeratorNoteDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly sender: NoteSender;
}

export type NoteOutcome = 'sent' | 'no-log-channel' | 'undeliverable';

const SEND_TIMEOUT_MS = 30_000;

/** Sends over the client's REST manager, so its rate-limit queues are shared with everything else. */
export function restSender(client: Client): NoteSender {
  return {
    send: (channelId, body, signal) => client.rest.post(Routes.channelMessages(channelId), { body, signal }),
  };
}

/** Posts `text` to the server's log channel, if it has one. Mentions in it never ping. */
export async function tellModerators(deps: ModeratorNoteDeps, guildId: string, text: string): Promise<NoteOutcome> {
  try {
    const channelId = (await findGuildSettings(deps.db, guildId))?.log_channel_id ?? null;
    if (channelId === null) return 'no-log-channel';
    await deps.sender.send(channelId, { content: text, allowed_mentions: { parse: [] } }, AbortSignal.timeout(SEND_TIMEOUT_MS));
    return 'sent';
  } catch (error) {
    deps.logger.warn({ err: error, guild: guildId, note: text }, 'could not post a note for moderators');
    return 'undeliverable';
  }
}
