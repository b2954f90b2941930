import type { Client } from 'discord.js';
import type { BotContext } from '../../context.js';
import { shardsServedBy } from '../../sharding/client.js';
import type { Shards } from '../../sharding/shards.js';
import { protocolPrivacy } from '../privacy.js';
import { createRunQueue, type RunQueue } from '../run-queue.js';
import { countOpenRuns, runsNeedingMessages } from '../runs.js';
import { addingRoutes } from './adding-routes.js';
import { facilitatingRoutes } from './facilitating-routes.js';
import type { ProtocolsFeature } from './feature-key.js';
import { practiceRoutes } from './practice-routes.js';
import { stopRoutes } from './stop-routes.js';
import { postCurrentStep, postSummary, type Io } from './thread-messages.js';

/**
 * After a restart, puts back what a stop in the middle of a move or a finish left undone: a step
 * without its message, or a finished run without its summary. Everything else resumes by itself,
 * since every button reads its run from the database. Such leftovers are rare, so start-up waits
 * for them: the bot is online with every protocol whole.
 */
async function restoreMessages(client: Client<true>, ctx: BotContext, runs: RunQueue, shards: Shards): Promise<number> {
  const io: Io = { client, ctx };
  const pending = await runsNeedingMessages(ctx.db, shards);
  await Promise.all(
    pending.map((run) =>
      runs.serialize(run.id, () => (run.state === 'finished' ? postSummary(io, run) : postCurrentStep(io, run.id))).catch((error: unknown) => {
        ctx.logger.error({ err: error, run: run.id }, 'could not restore a protocol message after a restart');
      }),
    ),
  );
  return pending.length;
}

export function createProtocolsFeature(): ProtocolsFeature {
  const runs = createRunQueue();
  return {
    name: 'protocols',
    runs,
    components: [...addingRoutes, ...facilitatingRoutes, ...practiceRoutes, ...stopRoutes],
    async start(client, ctx) {
      // Each process restores the runs of the servers it holds; the others restore theirs.
      const shards = shardsServedBy(client);
      const restored = await restoreMessages(client, ctx, runs, shards);
      const open = await countOpenRuns(ctx.db, shards);
      if (open > 0 || restored > 0) ctx.logger.info({ open, restored }, 'protocols resumed where their groups left them');
      return { stop: async () => undefined };
    },
    privacy: protocolPrivacy,
  };
}
