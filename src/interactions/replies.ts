import { MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';

/**
 * Answers privately whatever state the interaction is in: a first reply, or a follow-up after the
 * handler already replied or deferred. Discord rejects a second initial response (40060), so the
 * choice must follow the interaction's state, not the handler's intent.
 */
export async function replyPrivately(interaction: RepliableInteraction, content: string | InteractionReplyOptions): Promise<void> {
  const options: InteractionReplyOptions = typeof content === 'string' ? { content } : content;
  const flags = MessageFlags.Ephemeral;
  if (interaction.replied || interaction.deferred) {
    await interaction.followUp({ ...options, flags });
  } else {
    await interaction.reply({ ...options, flags });
  }
}
