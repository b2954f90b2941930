import { MessageFlags, type ButtonInteraction, type ModalMessageModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { ProtocolMessage } from './step-view.js';

/**
 * Discord waits 3 seconds for an interaction's first answer. Showing the redrawn step *as* that
 * answer (an update) costs one request, outside the bot's global rate limit; but a redraw may
 * queue behind other work on the same run. So the answer is the redrawn message when it is ready
 * in time, and otherwise an acknowledgement sent at 2 seconds followed by an edit.
 */
const ACKNOWLEDGE_AFTER_MS = 2_000;

export interface Answer {
  /** The message the interaction came from, if it is one the answer can change. */
  readonly messageId: string | null;
  /** Shows `message` in place of the interaction's message. */
  show(message: ProtocolMessage): Promise<void>;
  /** Makes sure the interaction is answered, leaving its message as it is. Safe to call again. */
  acknowledge(): Promise<void>;
}

/** Interactions on a message: a button, a menu, or a form opened from a button. */
export type OnMessage = ButtonInteraction | StringSelectMenuInteraction | ModalMessageModalSubmitInteraction;

export function timelyAnswer(interaction: OnMessage): Answer {
  // 'open' until something is sent; single-threaded, so checking and setting it can't race.
  let state: 'open' | 'acknowledged' | 'shown' = 'open';
  let acknowledged: Promise<void> = Promise.resolve();
  const acknowledgeNow = () => {
    state = 'acknowledged';
    acknowledged = interaction.deferUpdate().then(() => undefined);
    // Awaited by whoever answers next; this only keeps a failure from going unhandled meanwhile.
    acknowledged.catch(() => undefined);
  };
  const timer = setTimeout(() => {
    if (state === 'open') acknowledgeNow();
  }, ACKNOWLEDGE_AFTER_MS);
  timer.unref();
  const source = interaction.message;
  return {
    messageId: source.flags.has(MessageFlags.Ephemeral) ? null : source.id,
    async show(message) {
      const body = { embeds: message.embeds, components: message.components, allowedMentions: { parse: [] } };
      if (state === 'open') {
        state = 'shown';
        clearTimeout(timer);
        await interaction.update(body);
        return;
      }
      await acknowledged;
      await interaction.editReply(body);
    },
    async acknowledge() {
      clearTimeout(timer);
      if (state === 'open') acknowledgeNow();
      await acknowledged;
    },
  };
}
