import type { ButtonInteraction, ModalSubmitInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { isModerator } from '../interactions/access.js';
import { UserFacingError } from '../interactions/errors.js';
import { replyPrivately } from '../interactions/replies.js';
import { fail, succeed } from '../outcome.js';
import { describeProblem } from './problem-messages.js';
import type { Problem, RunOutcome } from './problems.js';
import type { Protocol } from './protocol-content.js';
import type { Actor } from './run-guards.js';
import { serialize } from './run-queue.js';
import { findRun, type Run } from './runs.js';
import type { Io } from './thread-messages.js';
import { timelyAnswer, type Answer, type OnMessage } from './timely-answer.js';

/** What the protocol routes share: who acted, where to write, and how to answer. */

export type Repliable = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

export const UNKNOWN_PROTOCOL = "That protocol isn't available anymore. Type `/protocol start` to see the ones you can run.";

export function actorOf(interaction: Repliable): Actor {
  return { userId: interaction.user.id, isModerator: isModerator(interaction) };
}

export function ioOf(interaction: Repliable, ctx: BotContext): Io {
  return { client: interaction.client, ctx };
}

/** Tells only the member who acted why nothing happened; mentions in it never ping. */
async function tell(interaction: Repliable, problem: Problem): Promise<void> {
  await replyPrivately(interaction, { content: describeProblem(problem), allowedMentions: { parse: [] } });
}

/**
 * Runs one of the run's queued redraws answering `interaction`, and makes sure it is answered
 * even if the redraw fails (the router then tells the member privately).
 */
export async function redrawFor(interaction: OnMessage, runId: number, redraw: (answer: Answer) => Promise<void>): Promise<void> {
  const answer = timelyAnswer(interaction);
  try {
    await serialize(runId, () => redraw(answer));
  } finally {
    await answer.acknowledge().catch(() => undefined);
  }
}

export async function runWithProtocol(ctx: BotContext, runId: number): Promise<RunOutcome<{ run: Run; protocol: Protocol }>> {
  const run = await findRun(ctx.db, runId);
  if (run === undefined) return fail({ kind: 'no-such-run' });
  const protocol = ctx.content.protocols.get(run.protocolId);
  if (protocol === undefined) throw new UserFacingError(UNKNOWN_PROTOCOL);
  return succeed({ run, protocol });
}

/** Unwraps a service outcome, telling the member about a problem; undefined when there was one. */
export async function orTell<T>(interaction: Repliable, outcome: RunOutcome<T>): Promise<T | undefined> {
  if (outcome.ok) return outcome.value;
  await tell(interaction, outcome.problem);
  return undefined;
}
