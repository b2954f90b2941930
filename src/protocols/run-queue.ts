import { createKeyedQueue, type KeyedQueue } from '../scheduling/keyed-queue.js';

/**
 * Keeps the messages of one run in step with the database when members act at the same moment.
 * Each redraw reads the database when it starts, so the last one to start shows every write that
 * came before it; running one run's redraws one at a time means an older picture never lands on
 * top of a newer one.
 */
export type RunQueue = KeyedQueue<number>;

/** One queue per bot: run ids are only unique within one database. */
export const createRunQueue = (): RunQueue => createKeyedQueue<number>();
