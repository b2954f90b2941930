import type { Clock } from './clock.js';
import type { Content } from './content/index.js';
import type { Db } from './db/connection.js';
import type { FeatureSet } from './features/feature-set.js';
import type { Logger } from './logger.js';
import type { PictureRenderer } from './pictures/index.js';
import type { PrivacyProviders } from './privacy/provider.js';

/**
 * What every handler may use, one per running bot. Services take the parts they need
 * (`Pick<BotContext, 'db' | 'clock'>`); a feature's per-bot state lives in the feature itself,
 * reached through `features`.
 */
export interface BotContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly startedAt: Date;
  readonly version: string;
  /** Content from `data/`, validated at start-up. */
  readonly content: Content;
  /** The running features, for commands that need one of them (`/ritual run-now`). */
  readonly features: FeatureSet;
  /** What `/privacy export` and `/privacy forget` span: every feature that stores member data. */
  readonly privacy: PrivacyProviders;
  /** Draws the charts and cards some replies carry (`src/pictures/`). */
  readonly pictures: PictureRenderer;
}
