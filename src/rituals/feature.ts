import { featureKey } from '../features/feature-set.js';
import type { Feature } from '../features/feature.js';
import { UserFacingError } from '../interactions/errors.js';
import { defineComponent } from '../interactions/handlers.js';
import { replyPrivately } from '../interactions/replies.js';
import { startTicker } from '../scheduling/ticker.js';
import { listenButtonRow, listenedButton } from './listen-button.js';
import { recordListen, ritualPrivacy } from './listens.js';
import { createRitualRuntime, type RunningRituals, type RuntimeOptions } from './runtime.js';
import { discordTransport } from './transport.js';

/** The podcast club's "I listened": counts the member once, and shows the count on the button. */
const listened = defineComponent({
  kind: 'button',
  spec: listenedButton,
  scope: 'anywhere',
  async run(interaction, [occurrenceId], ctx) {
    if (!interaction.inGuild()) throw new UserFacingError('This button only works in the server it was posted in.');
    const outcome = await recordListen(ctx, occurrenceId, interaction.guildId, interaction.user.id);
    switch (outcome.kind) {
      case 'not-a-post':
        throw new UserFacingError("This post isn't counting listens anymore, but thank you for listening!");
      case 'already-counted':
        await replyPrivately(interaction, "You're already counted for this one. Thank you for listening! 🎧");
        return;
      case 'counted':
        await interaction.update({ components: [listenButtonRow(occurrenceId, outcome.total)] });
    }
  },
});

/** The rituals feature of one bot, as commands (`/ritual run-now`) and tests reach it. */
export interface RitualsFeature extends Feature {
  /** The runtime once the bot is ready and until it stops; undefined otherwise. */
  running(): RunningRituals | undefined;
}

export const RITUALS = featureKey<RitualsFeature>('rituals');

/**
 * Weekly rituals: poems, podcast-club prompts and custom prompts posted on moderators' schedules.
 * A ticker (every minute, at once on start and whenever the clock jumps) claims and posts what is
 * due; commands live in commands/ritual.ts, poem.ts and podcast.ts.
 */
export function createRitualsFeature(options: RuntimeOptions = {}): RitualsFeature {
  let running: RunningRituals | undefined;
  return {
    name: RITUALS.name,
    components: [listened],
    privacy: ritualPrivacy,
    running: () => running,
    async start(client, ctx) {
      const { db, clock, logger } = ctx;
      const runtime = createRitualRuntime({ db, clock, logger, transport: discordTransport(client), runningSince: ctx.startedAt }, options);
      const ticker = startTicker({ name: 'rituals', clock, logger, onTick: runtime.tick });
      running = {
        deliver: runtime.deliver,
        async settled() {
          await ticker.settled();
          await runtime.idle();
        },
      };
      return {
        async stop() {
          running = undefined;
          await ticker.stop();
          await runtime.idle();
        },
      };
    },
  };
}
