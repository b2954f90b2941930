import { MessageFlags, type ButtonInteraction, type CacheType, type ChatInputCommandInteraction, type ModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import { isModerator } from '../../interactions/access.js';
import type { InServer } from '../../interactions/handlers.js';
import type { RunQueue } from '../run-queue.js';
import type { Actor, Place } from '../run-guards.js';
import { refuse } from './explain.js';
import type { ProtocolsSay } from './messages.js';
import { PROTOCOLS } from './feature-key.js';
import { showCurrentStep, type Io } from './thread-messages.js';
import { timelyAnswer, type Answer, type OnMessage } from './timely-answer.js';

/** What the protocol routes share: who acted, where to write, and how to answer. */

type Acting<C extends CacheType = CacheType> = ButtonInteraction<C> | StringSelectMenuInteraction<C> | ModalSubmitInteraction<C> | ChatInputCommandInteraction<C>;

/** Who acted, judged in the server and channel the interaction came from. */
export function actorOf(interaction: Acting<InServer>): Actor {
  return { userId: interaction.user.id, isModerator: isModerator(interaction), where: placeOf(interaction) };
}

export function placeOf(interaction: Acting<InServer>): Place {
  return { guildId: interaction.guildId, channelId: interaction.channelId };
}

export function ioOf(interaction: Acting, ctx: BotContext): Io {
  return { client: interaction.client, ctx };
}

/** This bot's run queue, kept by its protocols feature. */
export function runQueueOf(ctx: BotContext): RunQueue {
  const protocols = ctx.features.get(PROTOCOLS);
  // Protocol routes only exist through the feature; a command used without it is a wiring mistake.
  if (protocols === undefined) throw new Error('the protocols feature is not running in this bot');
  return protocols.runs;
}

/**
 * Runs one of the run's queued redraws answering `interaction`, and makes sure it is answered
 * even if the redraw fails (the router then tells the member privately).
 */
export async function redrawFor(interaction: OnMessage, ctx: BotContext, runId: number, redraw: (answer: Answer) => Promise<void>): Promise<void> {
  const answer = timelyAnswer(interaction);
  try {
    await runQueueOf(ctx).serialize(runId, () => redraw(answer));
  } finally {
    await answer.acknowledge().catch(() => undefined);
  }
}

/** After a change on the current step: redraws it, as the answer when it was clicked there. */
export function redrawCurrentStep(interaction: OnMessage, ctx: BotContext, runId: number): Promise<void> {
  return redrawFor(interaction, ctx, runId, (answer) => showCurrentStep(ioOf(interaction, ctx), runId, answer));
}

/**
 * An answer to one of the bot's private questions ("finish early?", "stop?") changes the message
 * it is pressed on, so it acts only there: on a private message that carries `questionId`.
 */
export function assertOnPrompt(interaction: ButtonInteraction<InServer>, questionId: string, t: ProtocolsSay): void {
  const { message } = interaction;
  const own = message.flags.has(MessageFlags.Ephemeral) && message.resolveComponent(questionId) !== null;
  if (!own) refuse({ kind: 'not-this-prompt' }, t);
}
