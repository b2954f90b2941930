import type { Clock } from './clock.js';
import type { Community } from './content/community.js';
import type { Db } from './db/connection.js';
import type { Logger } from './logger.js';

/** What every handler may use. Services hang off this as features arrive; handlers stay thin. */
export interface BotContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly startedAt: Date;
  readonly version: string;
  readonly community: Community;
}
