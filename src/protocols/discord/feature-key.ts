import type { Feature } from '../../features/feature.js';
import { featureKey } from '../../features/feature-set.js';
import type { RunQueue } from '../run-queue.js';

/** The protocols feature of one bot, with the state its routes and commands share. */
export interface ProtocolsFeature extends Feature {
  /** This bot's redraws, one at a time per run. */
  readonly runs: RunQueue;
}

/**
 * How routes and commands reach their bot's protocols feature (`ctx.features.get(PROTOCOLS)`).
 * Apart from `feature.ts` because that file imports the routes, which need the key.
 */
export const PROTOCOLS = featureKey<ProtocolsFeature>('protocols');
