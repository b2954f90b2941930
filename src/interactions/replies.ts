import { MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import { evenInArchivedThread } from './archived-thread.js';

/**
 * Answers privately whatever state the interaction is in. Discord rejects a second initial response
 * (40060), and a deferred reply left alone shows "thinking…" forever, so the choice follows the
 * interaction's state, not the handler's intent:
 * - nothing sent yet → an ephemeral reply;
 * - a private "thinking…" → replaced by the answer;
 * - a public "thinking…" → removed, and the answer sent privately;
 * - anything else (replied, or a deferred update) → a private follow-up;
 * and in a thread that archived meanwhile, the thread is opened again for it.
 */
export async function replyPrivately(interaction: RepliableInteraction, content: string | InteractionReplyOptions): Promise<void> {
  const options: InteractionReplyOptions = typeof content === 'string' ? { content } : content;
  const flags = MessageFlags.Ephemeral;
  if (!interaction.replied && !interaction.deferred) {
    await interaction.reply({ ...options, flags });
    return;
  }
  const thinking = interaction.deferred && !interaction.replied && interaction.ephemeral !== null;
  if (thinking && interaction.ephemeral === true) {
    await evenInArchivedThread(interaction, () => interaction.editReply({ content: options.content ?? null, embeds: options.embeds ?? [], components: options.components ?? [], ...(options.files ? { files: options.files } : {}) }));
    return;
  }
  if (thinking) await interaction.deleteReply();
  await evenInArchivedThread(interaction, () => interaction.followUp({ ...options, flags }));
}
