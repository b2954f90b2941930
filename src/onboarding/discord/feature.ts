import type { Client } from 'discord.js';
import type { BotContext } from '../../context.js';
import { featureKey } from '../../features/feature-set.js';
import type { Feature } from '../../features/feature.js';
import type { Logger } from '../../logger.js';
import { createInFlight, type InFlight } from '../../scheduling/in-flight.js';
import { startTicker } from '../../scheduling/ticker.js';
import { shardsServedBy } from '../../sharding/client.js';
import type { Shards } from '../../sharding/shards.js';
import { claimRecommitPrompts, claimStalledWalks, postponeOutreach } from '../outreach.js';
import { onboardingPrivacy } from '../privacy.js';
import { findOnboardingSettings } from '../settings.js';
import { diffTenets, tenetsAt } from '../tenets.js';
import type { Walk } from '../walk-store.js';
import { claimPendingDeliveries } from '../walks.js';
import { createDeliverOnce, reachMember, sceneFor, serverReaderOf, type DeliverOnce } from './delivery.js';
import { listenForMembers } from './members.js';
import { recommitMessage } from './walk-view.js';
import { walkRoutes } from './walk-routes.js';

/**
 * How many of each kind of outreach one tick sends. Ticks come every minute, so a server-wide
 * re-commit reaches 25 members a minute: gentle on Discord's limits and on people's notifications.
 */
const PER_TICK = 25;

export interface OnboardingFeature extends Feature {
  /** Delivers a walk unless this bot is already delivering it (`/onboarding start`, `remind`). */
  readonly deliverOnce: DeliverOnce;
}

export const ONBOARDING = featureKey<OnboardingFeature>('onboarding');

/** This bot's onboarding, for its commands. */
export function onboardingOf(ctx: BotContext): OnboardingFeature {
  const feature = ctx.features.get(ONBOARDING);
  if (!feature) throw new Error('the onboarding feature is not running in this bot');
  return feature;
}

async function sendRecommitPrompt(client: Client, ctx: BotContext, walk: Walk): Promise<void> {
  const guild = client.guilds.cache.get(walk.guildId);
  const settings = await findOnboardingSettings(ctx.db, walk.guildId);
  if (!guild || !settings || walk.recommitVersion === null) return;
  const [before, after] = await Promise.all([tenetsAt(ctx.db, walk.guildId, walk.tenetVersion), tenetsAt(ctx.db, walk.guildId, walk.recommitVersion)]);
  if (!after) return;
  const scene = sceneFor(guild, settings, ctx, await serverReaderOf(ctx, guild));
  const message = recommitMessage(walk, after.version, diffTenets(before?.tenets ?? [], after.tenets), scene);
  const reached = await reachMember(client, guild, settings, walk, message, scene.t);
  if (reached.kind === 'later') await postponeOutreach(ctx, walk.guildId, walk.userId, 'recommit');
  if (reached.kind === 'closed') ctx.logger.info({ guild: walk.guildId, user: walk.userId }, 'could not reach a member to ask them to re-commit');
}

/**
 * Pending deliveries (a crash mid-raid, a restart), the one nudge for stalled walks, re-commit
 * prompts: in the servers of the shards this process serves, the only ones it holds.
 */
async function tick(client: Client, ctx: BotContext, shards: Shards, work: InFlight, deliverOnce: DeliverOnce): Promise<void> {
  const pending = await claimPendingDeliveries(ctx, PER_TICK, shards);
  const stalled = await claimStalledWalks(ctx, PER_TICK, shards);
  const recommits = await claimRecommitPrompts(ctx, PER_TICK, shards);
  for (const { walk, greeting } of pending) work.spawn('onboarding delivery', () => deliverOnce(client, ctx, walk, greeting));
  for (const walk of stalled) work.spawn('onboarding nudge', () => deliverOnce(client, ctx, walk, 'nudge'));
  for (const walk of recommits) work.spawn('onboarding re-commit prompt', () => sendRecommitPrompt(client, ctx, walk));
}

/** Onboarding: the welcome walk through the tenets, introductions, and the member role. */
export function createOnboardingFeature(): OnboardingFeature {
  const deliverOnce = createDeliverOnce();
  // The logger arrives with the bot (attach or start, whichever comes first).
  let work: InFlight | undefined;
  const workFor = (logger: Logger) => (work ??= createInFlight(logger));
  let unlisten = () => {};
  return {
    name: ONBOARDING.name,
    components: walkRoutes,
    privacy: onboardingPrivacy,
    deliverOnce,
    attach(client, ctx) {
      unlisten = listenForMembers(client, ctx, workFor(ctx.logger), deliverOnce);
    },
    async start(client, ctx) {
      const tracker = workFor(ctx.logger);
      const shards = shardsServedBy(client);
      const ticker = startTicker({ name: 'onboarding', clock: ctx.clock, logger: ctx.logger, onTick: () => tick(client, ctx, shards, tracker, deliverOnce) });
      return {
        async stop() {
          unlisten();
          await ticker.stop();
          await tracker.close();
        },
      };
    },
  };
}
