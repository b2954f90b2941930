import type { Feature } from '../features/feature.js';
import { UserFacingError } from '../interactions/errors.js';
import { defineComponent } from '../interactions/handlers.js';
import { replyPrivately } from '../interactions/replies.js';
import { startTicker } from '../scheduling/ticker.js';
import { listenButtonRow, listenedButton } from './listen-button.js';
import { recordListen, ritualPrivacy } from './listens.js';
import { createRitualRuntime, registerRituals, type RuntimeOptions } from './runtime.js';
import { discordTransport } from './transport.js';

/** The podcast club's "I listened": counts the member once, and shows the count on the button. */
const listened = defineComponent({
  kind: 'button',
  spec: listenedButton,
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

/**
 * Weekly rituals: poems, podcast-club prompts and custom prompts posted on moderators' schedules.
 * A ticker (every minute, at once on start and whenever the clock jumps) claims and posts what is
 * due; commands live in commands/ritual.ts, poem.ts and podcast.ts.
 */
export function createRitualsFeature(options: RuntimeOptions = {}): Feature {
  return {
    name: 'rituals',
    components: [listened],
    privacy: ritualPrivacy,
    async start(client, ctx) {
      const { db, clock, logger } = ctx;
      const runtime = createRitualRuntime({ db, clock, logger, transport: discordTransport(client), runningSince: ctx.startedAt }, options);
      const ticker = startTicker({ name: 'rituals', clock, logger, onTick: runtime.tick });
      const unregister = registerRituals(ctx, {
        deliver: runtime.deliver,
        async settled() {
          await ticker.settled();
          await runtime.idle();
        },
      });
      return {
        async stop() {
          unregister();
          await ticker.stop();
          await runtime.idle();
        },
      };
    },
  };
}

export const ritualsFeature = createRitualsFeature();
