import { RESTJSONErrorCodes, Routes, type Client, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import { isDiscordError } from './discord-errors.js';

/**
 * Answers through an interaction's token even if its thread archived meanwhile. Filling in a
 * "thinking…" reply, or editing one, is an edit in the interaction's channel, and Discord refuses
 * edits in an archived thread (50083, Topics → Threads): a thread can archive between the deferral
 * and the answer, by its inactivity timer or by the bot finishing what the thread was for. Then the
 * thread is opened again (a thread the bot started or manages; a thread member may too) and the
 * answer sent once more. Anything else Discord refuses is the caller's.
 */
export async function evenInArchivedThread<T>(interaction: RepliableInteraction, answer: () => Promise<T>): Promise<T> {
  try {
    return await answer();
  } catch (error) {
    if (!isDiscordError(error, RESTJSONErrorCodes.InvalidActionOnArchivedThread) || interaction.channelId === null) throw error;
    // By REST, not the cache: after a restart an archived thread isn't in it.
    await interaction.client.rest.patch(Routes.channel(interaction.channelId), { body: { archived: false } });
    return answer();
  }
}

/**
 * Opens `channelId` again if it is a thread that archived itself after a quiet spell, before the
 * bot edits a message there: Discord refuses edits in an archived thread (50083), while a new
 * message would wake it anyway. Thread updates arrive over the gateway, so the cache knows a
 * thread's state; a request is made only to reopen one, or to find one the cache doesn't hold
 * (after a restart, archived threads aren't in it). Reopening is a courtesy: if it fails, the edit
 * that follows fails with Discord's own reason, where its caller handles it.
 */
export async function reopenIfArchived(client: Client, channelId: string | null, logger: Logger, reason: string): Promise<void> {
  const channel = channelId === null ? null : await client.channels.fetch(channelId).catch(() => null);
  if (!channel?.isThread() || channel.archived !== true) return;
  try {
    await channel.setArchived(false, reason);
  } catch (error) {
    logger.warn({ err: error, thread: channel.id }, `could not reopen an archived thread: ${reason}`);
  }
}
