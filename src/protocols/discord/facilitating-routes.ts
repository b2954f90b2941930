import { ButtonStyle, ComponentType, MessageFlags, type ButtonInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import { defineComponent, type ComponentRoute, type InServer } from '../../interactions/handlers.js';
import { finishRun, moveStep, setPaused, type Direction } from '../facilitation.js';
import { facilitatedRunAt, runFrom, runWithProtocol } from '../run-guards.js';
import { actorOf, assertOnPrompt, ioOf, placeOf, redrawFor, runQueueOf } from './acting.js';
import { backButton, finishButton, finishNowButton, keepGoingButton, nextButton, pauseButton, resumeButton } from './custom-ids.js';
import { orExplain } from './explain.js';
import { showCurrentStep, showFinish, showMove } from './thread-messages.js';
import type { Answer } from './timely-answer.js';

/** The facilitator's controls: Next, Back, Pause, Resume and Finish (asking first when early). */

type StepButton = ButtonInteraction<InServer>;
type Redraw = (answer: Answer) => Promise<void>;

/** A control on a step's message: it changes the run, then the change is redrawn as its answer. */
function stepControl(spec: typeof nextButton, change: (interaction: StepButton, runId: number, step: number, ctx: BotContext) => Promise<Redraw>): ComponentRoute {
  return defineComponent({
    kind: 'button',
    spec,
    scope: 'server',
    async run(interaction, [runId, step], ctx) {
      const redraw = await change(interaction, runId, step, ctx);
      await redrawFor(interaction, ctx, runId, redraw);
    },
  });
}

const moveRoute = (spec: typeof nextButton, direction: Direction) =>
  stepControl(spec, async (interaction, runId, step, ctx) => {
    const { protocol } = orExplain(await runWithProtocol(ctx.db, ctx.content.protocols, runId, placeOf(interaction)));
    const moved = orExplain(await moveStep(ctx, protocol, { runId, fromStep: step, direction, actor: actorOf(interaction) }));
    return (answer) => showMove(ioOf(interaction, ctx), moved, answer);
  });

const pauseRoute = (spec: typeof pauseButton, paused: boolean) =>
  stepControl(spec, async (interaction, runId, step, ctx) => {
    orExplain(await setPaused(ctx, { runId, step, paused, actor: actorOf(interaction) }));
    return (answer) => showCurrentStep(ioOf(interaction, ctx), runId, answer);
  });

/** Finishes from the step's own Finish button, or from the "Finish now" confirmation. */
async function finish(interaction: StepButton, ctx: BotContext, runId: number, step: number, from: 'step' | 'confirmation'): Promise<void> {
  if (from === 'confirmation') await assertOwnPrompt(interaction, ctx, runId, step);
  const finished = orExplain(await finishRun(ctx, { runId, step, actor: actorOf(interaction) }));
  if (from === 'step') {
    await redrawFor(interaction, ctx, runId, (answer) => showFinish(ioOf(interaction, ctx), finished, answer));
    return;
  }
  await interaction.update({ content: 'Finished. The summary is at the end of the thread, and the thread is archived.', components: [] });
  await runQueueOf(ctx).serialize(runId, () => showFinish(ioOf(interaction, ctx), finished));
}

/**
 * The "finish early?" answers change the prompt they are pressed on, so they act only on their own
 * prompt: the private question asked for this run at this step, never another message.
 */
async function assertOwnPrompt(interaction: StepButton, ctx: BotContext, runId: number, step: number): Promise<void> {
  orExplain(await runFrom(ctx.db, runId, placeOf(interaction)));
  assertOnPrompt(interaction, finishNowButton.encode(runId, step));
}

const finishRoute = defineComponent({
  kind: 'button',
  spec: finishButton,
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    const { protocol } = orExplain(await runWithProtocol(ctx.db, ctx.content.protocols, runId, placeOf(interaction)));
    if (step === protocol.steps.length - 1) {
      await finish(interaction, ctx, runId, step, 'step');
      return;
    }
    // Finishing early can't be undone: ask first, and only someone who may finish.
    orExplain(await facilitatedRunAt(ctx.db, runId, step, actorOf(interaction)));
    await interaction.reply({
      content: `Finish **${protocol.title}** now, at step ${step + 1} of ${protocol.steps.length}? The summary will hold what the group has added so far, and the thread will be archived.`,
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, custom_id: finishNowButton.encode(runId, step), label: 'Finish now', style: ButtonStyle.Danger },
            { type: ComponentType.Button, custom_id: keepGoingButton.encode(runId, step), label: 'Keep going', style: ButtonStyle.Secondary },
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
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    await finish(interaction, ctx, runId, step, 'confirmation');
  },
});

const keepGoingRoute = defineComponent({
  kind: 'button',
  spec: keepGoingButton,
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    await assertOwnPrompt(interaction, ctx, runId, step);
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
