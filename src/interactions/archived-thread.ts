import { RESTJSONErrorCodes, Routes, type RepliableInteraction } from 'discord.js';
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
