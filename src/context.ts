import type { Clock } from './clock.js';
import type { Content } from './content/index.js';
import type { Db } from './db/connection.js';
import type { Feature } from './features/feature.js';
import type { Logger } from './logger.js';

/** What every handler may use. Services hang off this as features arrive; handlers stay thin. */
export interface BotContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly startedAt: Date;
  readonly version: string;
  /** Content from `data/`, validated at start-up. */
  readonly content: Content;
  /** The features running, for the commands that span them all (`/privacy`). */
  readonly features: readonly Feature[];
}
