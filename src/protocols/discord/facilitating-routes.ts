import { ButtonStyle, ComponentType, MessageFlags, type ButtonInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import { defineComponent, type ComponentRoute, type InServer } from '../../interactions/handlers.js';
import { finishRun, moveStep, setPaused, type Direction } from '../facilitation.js';
import { facilitatedRunAt, runFrom, runWithProtocol } from '../run-guards.js';
import { actorOf, assertOnPrompt, ioOf, placeOf, redrawFor, runQueueOf } from './acting.js';
import { backButton, finishButton, finishNowButton, keepGoingButton, nextButton, pauseButton, resumeButton } from './custom-ids.js';
import { memberAudience, type Audience } from './audience.js';
import { orExplain } from './explain.js';
import { showCurrentStep, showFinish, showMove } from './thread-messages.js';
import type { ProtocolsSay } from './messages.js';
import type { Answer } from './timely-answer.js';

/** The facilitator's controls: Next, Back, Pause, Resume and Finish (asking first when early). */

type StepButton = ButtonInteraction<InServer>;
type Redraw = (answer: Answer) => Promise<void>;

/** A control on a step's message: it changes the run, then the change is redrawn as its answer. */
function stepControl(spec: typeof nextButton, change: (interaction: StepButton, runId: number, step: number, ctx: BotContext, member: Audience) => Promise<Redraw>): ComponentRoute {
  return defineComponent({
    kind: 'button',
    spec,
    scope: 'server',
    async run(interaction, [runId, step], ctx) {
      const redraw = await change(interaction, runId, step, ctx, await memberAudience(interaction, ctx));
      await redrawFor(interaction, ctx, runId, redraw);
    },
  });
}

const moveRoute = (spec: typeof nextButton, direction: Direction) =>
  stepControl(spec, async (interaction, runId, step, ctx, { t }) => {
    const { protocol } = orExplain(await runWithProtocol(ctx.db, ctx.content.protocols, runId, placeOf(interaction)), t);
    const moved = orExplain(await moveStep(ctx, protocol, { runId, fromStep: step, direction, actor: actorOf(interaction) }), t);
    return (answer) => showMove(ioOf(interaction, ctx), moved, answer);
  });

const pauseRoute = (spec: typeof pauseButton, paused: boolean) =>
  stepControl(spec, async (interaction, runId, step, ctx, { t }) => {
    orExplain(await setPaused(ctx, { runId, step, paused, actor: actorOf(interaction) }), t);
    return (answer) => showCurrentStep(ioOf(interaction, ctx), runId, answer);
  });

/** Finishes from the step's own Finish button, or from the "Finish now" confirmation. */
async function finish(interaction: StepButton, ctx: BotContext, runId: number, step: number, from: 'step' | 'confirmation', { t }: Audience): Promise<void> {
  if (from === 'confirmation') await assertOwnPrompt(interaction, ctx, runId, step, t);
  const finished = orExplain(await finishRun(ctx, { runId, step, actor: actorOf(interaction) }), t);
  if (from === 'step') {
    await redrawFor(interaction, ctx, runId, (answer) => showFinish(ioOf(interaction, ctx), finished, answer));
    return;
  }
  await interaction.update({ content: t('finish.done'), components: [] });
  await runQueueOf(ctx).serialize(runId, () => showFinish(ioOf(interaction, ctx), finished));
}

/**
 * The "finish early?" answers change the prompt they are pressed on, so they act only on their own
 * prompt: the private question asked for this run at this step, never another message.
 */
async function assertOwnPrompt(interaction: StepButton, ctx: BotContext, runId: number, step: number, t: ProtocolsSay): Promise<void> {
  orExplain(await runFrom(ctx.db, runId, placeOf(interaction)), t);
  assertOnPrompt(interaction, finishNowButton.encode(runId, step), t);
}

const finishRoute = defineComponent({
  kind: 'button',
  spec: finishButton,
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    const member = await memberAudience(interaction, ctx);
    const { t } = member;
    const { protocol } = orExplain(await runWithProtocol(ctx.db, ctx.content.protocols, runId, placeOf(interaction)), t);
    if (step === protocol.steps.length - 1) {
      await finish(interaction, ctx, runId, step, 'step', member);
      return;
    }
    // Finishing early can't be undone: ask first, and only someone who may finish.
    orExplain(await facilitatedRunAt(ctx.db, runId, step, actorOf(interaction)), t);
    await interaction.reply({
      content: t('finish.confirm', { protocol: member.read(protocol).title, step: step + 1, total: protocol.steps.length }),
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, custom_id: finishNowButton.encode(runId, step), label: t('finish.now'), style: ButtonStyle.Danger },
            { type: ComponentType.Button, custom_id: keepGoingButton.encode(runId, step), label: t('prompt.keep-going'), style: ButtonStyle.Secondary },
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
    await finish(interaction, ctx, runId, step, 'confirmation', await memberAudience(interaction, ctx));
  },
});

const keepGoingRoute = defineComponent({
  kind: 'button',
  spec: keepGoingButton,
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    const { t } = await memberAudience(interaction, ctx);
    await assertOwnPrompt(interaction, ctx, runId, step, t);
    await interaction.update({ content: t('prompt.carrying-on'), components: [] });
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
