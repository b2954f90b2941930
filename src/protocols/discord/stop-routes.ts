import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import { defineComponent, type ComponentRoute, type InServer } from '../../interactions/handlers.js';
import { stoppableRun, stopRun } from '../facilitation.js';
import { actorOf, assertOnPrompt, ioOf, runQueueOf } from './acting.js';
import { stopButton, stopKeepGoingButton } from './custom-ids.js';
import { memberAudience } from './audience.js';
import { orExplain } from './explain.js';
import type { ProtocolsSay } from './messages.js';
import { showStop } from './thread-messages.js';

/** The answers to `/protocol stop`'s question: Yes, stop, or Keep going. */

type Answer = (interaction: ButtonInteraction<InServer>, runId: number, ctx: BotContext, t: ProtocolsSay) => Promise<void>;

/** An answer acts only on the private question it belongs to, the one asked for this run. */
const answerTo = (spec: typeof stopButton, answer: Answer): ComponentRoute =>
  defineComponent({
    kind: 'button',
    spec,
    scope: 'server',
    async run(interaction, [runId], ctx) {
      const { t } = await memberAudience(interaction, ctx);
      assertOnPrompt(interaction, stopButton.encode(runId), t);
      await answer(interaction, runId, ctx, t);
    },
  });

export const stopRoutes: readonly ComponentRoute[] = [
  answerTo(stopButton, async (interaction, runId, ctx, t) => {
    const stopped = orExplain(await stopRun(ctx, { runId, actor: actorOf(interaction) }), t);
    await interaction.update({ content: t('stop.done'), components: [] });
    await runQueueOf(ctx).serialize(runId, () => showStop(ioOf(interaction, ctx), stopped, interaction.user.id));
  }),
  answerTo(stopKeepGoingButton, async (interaction, runId, ctx, t) => {
    orExplain(await stoppableRun(ctx.db, runId, actorOf(interaction)), t);
    await interaction.update({ content: t('prompt.carrying-on'), components: [] });
  }),
];
