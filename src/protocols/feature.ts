import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import type { Feature } from '../features/feature.js';
import { addingRoutes } from './adding-routes.js';
import { facilitatingRoutes } from './facilitating-routes.js';
import { practiceRoutes } from './practice-routes.js';
import { protocolPrivacy } from './privacy.js';
import { serialize } from './run-queue.js';
import { countOpenRuns, runsNeedingMessages } from './runs.js';
import { postCurrentStep, postSummary, type Io } from './thread-messages.js';

/**
 * After a restart, puts back what a stop in the middle of a move or a finish left undone: a step
 * without its message, or a finished run without its summary. Everything else resumes by itself,
 * since every button reads its run from the database. Such leftovers are rare, so start-up waits
 * for them: the bot is online with every protocol whole.
 */
async function restoreMessages(client: Client<true>, ctx: BotContext): Promise<number> {
  const io: Io = { client, ctx };
  const pending = await runsNeedingMessages(ctx.db);
  await Promise.all(
    pending.map((run) =>
      serialize(run.id, () => (run.state === 'finished' ? postSummary(io, run) : postCurrentStep(io, run.id))).catch((error: unknown) => {
        ctx.logger.error({ err: error, run: run.id }, 'could not restore a protocol message after a restart');
      }),
    ),
  );
  return pending.length;
}

export function createProtocolsFeature(): Feature {
  return {
    name: 'protocols',
    components: [...addingRoutes, ...facilitatingRoutes, ...practiceRoutes],
    async start(client, ctx) {
      const restored = await restoreMessages(client, ctx);
      const open = await countOpenRuns(ctx.db);
      if (open > 0 || restored > 0) ctx.logger.info({ open, restored }, 'protocols resumed where their groups left them');
      return { stop: async () => undefined };
    },
    privacy: protocolPrivacy,
  };
}
