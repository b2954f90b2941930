import { ButtonStyle, ComponentType, MessageFlags, type ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { defineComponent, type ComponentRoute } from '../interactions/handlers.js';
import { backButton, finishButton, finishNowButton, keepGoingButton, nextButton, pauseButton, resumeButton } from './custom-ids.js';
import { finishRun, moveStep, setPaused, type Direction } from './facilitation.js';
import { actorOf, ioOf, orTell, redrawFor, runWithProtocol } from './route-helpers.js';
import { facilitatedRunAt } from './run-guards.js';
import { serialize } from './run-queue.js';
import { showCurrentStep, showFinish, showMove } from './thread-messages.js';

/** The facilitator's controls: Next, Back, Pause, Resume and Finish (asking first when early). */

function moveRoute(spec: typeof nextButton, direction: Direction) {
  return defineComponent({
    kind: 'button',
    spec,
    scope: 'anywhere',
    async run(interaction, [runId, step], ctx) {
      const found = await orTell(interaction, await runWithProtocol(ctx, runId));
      if (found === undefined) return;
      const moved = await orTell(interaction, await moveStep(ctx, found.protocol, { runId, fromStep: step, direction, actor: actorOf(interaction) }));
      if (moved === undefined) return;
      await redrawFor(interaction, runId, (answer) => showMove(ioOf(interaction, ctx), moved, answer));
    },
  });
}

function pauseRoute(spec: typeof pauseButton, paused: boolean) {
  return defineComponent({
    kind: 'button',
    spec,
    scope: 'anywhere',
    async run(interaction, [runId, step], ctx) {
      const changed = await orTell(interaction, await setPaused(ctx, { runId, step, paused, actor: actorOf(interaction) }));
      if (changed === undefined) return;
      await redrawFor(interaction, runId, (answer) => showCurrentStep(ioOf(interaction, ctx), runId, answer));
    },
  });
}

/** Finishes from the step's own Finish button, or from the "Finish now" confirmation. */
async function finish(interaction: ButtonInteraction, ctx: BotContext, runId: number, step: number, from: 'step' | 'confirmation'): Promise<void> {
  const finished = await orTell(interaction, await finishRun(ctx, { runId, step, actor: actorOf(interaction) }));
  if (finished === undefined) return;
  if (from === 'step') {
    await redrawFor(interaction, runId, (answer) => showFinish(ioOf(interaction, ctx), finished, answer));
    return;
  }
  await interaction.update({ content: 'Finished. The summary is at the end of the thread, and the thread is archived.', components: [] });
  await serialize(runId, () => showFinish(ioOf(interaction, ctx), finished));
}

const finishRoute = defineComponent({
  kind: 'button',
  spec: finishButton,
  scope: 'anywhere',
  async run(interaction, [runId, step], ctx) {
    const found = await orTell(interaction, await runWithProtocol(ctx, runId));
    if (found === undefined) return;
    const { protocol } = found;
    if (step === protocol.steps.length - 1) {
      await finish(interaction, ctx, runId, step, 'step');
      return;
    }
    // Finishing early can't be undone: ask first, and only someone who may finish.
    const allowed = await orTell(interaction, await facilitatedRunAt(ctx.db, runId, step, actorOf(interaction)));
    if (allowed === undefined) return;
    await interaction.reply({
      content: `Finish **${protocol.title}** now, at step ${step + 1} of ${protocol.steps.length}? The summary will hold what the group has added so far, and the thread will be archived.`,
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, custom_id: finishNowButton.encode(runId, step), label: 'Finish now', style: ButtonStyle.Danger },
            { type: ComponentType.Button, custom_id: keepGoingButton.encode(), label: 'Keep going', style: ButtonStyle.Secondary },
          ],
        },
      ],
      flags: MessageFlags.Ephemeral,
    });
  },
});

const finishNowRoute = defineComponent({
  kind: 'button',
  spec: finishNowButton,
  scope: 'anywhere',
  async run(interaction, [runId, step], ctx) {
    await finish(interaction, ctx, runId, step, 'confirmation');
  },
});

const keepGoingRoute = defineComponent({
  kind: 'button',
  spec: keepGoingButton,
  scope: 'anywhere',
  async run(interaction) {
    await interaction.update({ content: 'Carrying on; nothing changed.', components: [] });
  },
});

export const facilitatingRoutes: readonly ComponentRoute[] = [
  moveRoute(nextButton, 'next'),
  moveRoute(backButton, 'back'),
  pauseRoute(pauseButton, true),
  pauseRoute(resumeButton, false),
  finishRoute,
  finishNowRoute,
  keepGoingRoute,
];
