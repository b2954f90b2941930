import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import type { Feature, Stoppable } from '../features/feature.js';
import type { Logger } from '../logger.js';
import { startTicker } from '../scheduling/ticker.js';
import { walkComponents } from './components.js';
import { deliverOnce, reachMember } from './delivery.js';
import { listenForMembers, type WorkTracker } from './members.js';
import { claimRecommitPrompts, claimStalledWalks } from './outreach.js';
import { onboardingPrivacy } from './privacy.js';
import { findOnboardingSettings } from './settings.js';
import { diffTenets, tenetsAt } from './tenets.js';
import type { Walk } from './walk-store.js';
import { recommitMessage } from './walk-views.js';
import { claimPendingDeliveries } from './walks.js';

/**
 * How many of each kind of outreach one tick sends. Ticks come every minute, so a server-wide
 * re-commit reaches 25 members a minute: gentle on Discord's limits and on people's notifications.
 */
const PER_TICK = 25;

function createWorkTracker(logger: Logger): WorkTracker & Stoppable {
  const running = new Set<Promise<void>>();
  let stopping = false;
  return {
    run(name, task) {
      if (stopping) return;
      const promise = task()
        .catch((error: unknown) => logger.error({ err: error, work: name }, 'onboarding could not finish a piece of work'))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async stop() {
      stopping = true;
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

async function sendRecommitPrompt(client: Client, ctx: BotContext, walk: Walk): Promise<void> {
  const guild = client.guilds.cache.get(walk.guildId);
  const settings = await findOnboardingSettings(ctx.db, walk.guildId);
  if (!guild || !settings || walk.recommitVersion === null) return;
  const [before, after] = await Promise.all([tenetsAt(ctx.db, walk.guildId, walk.tenetVersion), tenetsAt(ctx.db, walk.guildId, walk.recommitVersion)]);
  if (!after) return;
  const message = recommitMessage(walk, after.version, diffTenets(before?.tenets ?? [], after.tenets), guild.name);
  const reached = await reachMember(client, guild, settings, walk, message);
  if (!reached) ctx.logger.info({ guild: walk.guildId, user: walk.userId }, 'could not reach a member to ask them to re-commit');
}

/** Pending deliveries (a crash mid-raid, a restart), the one nudge for stalled walks, re-commit prompts. */
async function tick(client: Client, ctx: BotContext, work: WorkTracker): Promise<void> {
  const pending = await claimPendingDeliveries(ctx, PER_TICK);
  const stalled = await claimStalledWalks(ctx, PER_TICK);
  const recommits = await claimRecommitPrompts(ctx, PER_TICK);
  for (const { walk, greeting } of pending) work.run('delivery', async () => void (await deliverOnce(client, ctx, walk, greeting)));
  for (const walk of stalled) work.run('nudge', async () => void (await deliverOnce(client, ctx, walk, 'nudge')));
  for (const walk of recommits) work.run('re-commit prompt', () => sendRecommitPrompt(client, ctx, walk));
}

/** Onboarding: the welcome walk through the tenets, introductions, and the member role. */
export function createOnboardingFeature(): Feature {
  let work: (WorkTracker & Stoppable) | undefined;
  const workFor = (logger: Logger) => (work ??= createWorkTracker(logger));
  return {
    name: 'onboarding',
    components: walkComponents,
    privacy: onboardingPrivacy,
    attach(client, ctx) {
      listenForMembers(client, ctx, workFor(ctx.logger));
    },
    async start(client, ctx) {
      const tracker = workFor(ctx.logger);
      const ticker = startTicker({ name: 'onboarding', clock: ctx.clock, logger: ctx.logger, onTick: () => tick(client, ctx, tracker) });
      return {
        async stop() {
          await ticker.stop();
          await tracker.stop();
        },
      };
    },
  };
}
