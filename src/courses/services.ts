import type { BotContext } from '../context.js';

/** What every course service needs: the database, and the clock that says what "now" is. */
export type Services = Pick<BotContext, 'db' | 'clock'>;
