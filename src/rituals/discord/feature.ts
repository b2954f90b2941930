import { serverReader } from '../../guilds/server-language.js';
import { featureKey } from '../../features/feature-set.js';
import type { Feature } from '../../features/feature.js';
import { startTicker } from '../../scheduling/ticker.js';
import { shardsServedBy } from '../../sharding/client.js';
import { ritualPrivacy } from '../listens.js';
import { listenRoutes } from './listen-routes.js';
import { createRitualRuntime, type RunningRituals, type RuntimeOptions } from './runtime.js';
import { discordTransport } from './transport.js';

/** The rituals feature of one bot, as commands (`/ritual run-now`) and tests reach it. */
export interface RitualsFeature extends Feature {
  /** The runtime once the bot is ready and until it stops; undefined otherwise. */
  running(): RunningRituals | undefined;
}

export const RITUALS = featureKey<RitualsFeature>('rituals');

/**
 * Weekly rituals: poems, podcast-club prompts and custom prompts posted on moderators' schedules.
 * A ticker (every minute, at once on start and whenever the clock jumps) claims and posts what is
 * due in the servers of the shards this process serves; the commands' handlers are in ritual-command.ts and library-command.ts beside this file.
 */
export function createRitualsFeature(options: RuntimeOptions = {}): RitualsFeature {
  let running: RunningRituals | undefined;
  return {
    name: RITUALS.name,
    components: listenRoutes,
    privacy: ritualPrivacy,
    running: () => running,
    async start(client, ctx) {
      const { db, clock, logger } = ctx;
      const runtime = createRitualRuntime(
        {
          db,
          clock,
          logger,
          transport: discordTransport(client),
          runningSince: ctx.startedAt,
          shards: shardsServedBy(client),
          serverReader: (guildId) => serverReader(db, guildId, client.guilds.cache.get(guildId)?.preferredLocale),
          content: ctx.content.rituals,
        },
        options,
      );
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
          // The runtime first: the tick running now stops taking occurrences, and ticker.stop()
          // waits only for the posts already in flight.
          const closed = runtime.close();
          await ticker.stop();
          await closed;
        },
      };
    },
  };
}
