import { ManualClock } from '../../src/clock.js';
import type { Db } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/database.js';
import { migrate } from '../../src/db/migrator.js';
import type { Tenet } from '../../src/onboarding/content.js';
import { updateOnboardingSettings } from '../../src/onboarding/settings.js';

export const GUILD = '100000000000000001';
export const START = new Date('2026-11-24T09:00:00.000Z');
export const DAY = 86_400_000;

export const TENETS: readonly Tenet[] = [
  { name: 'Share Generously', text: 'Share your ideas widely and without reservation.' },
  { name: 'Be Kind', text: 'Kindness brings out the best in all of us.' },
  { name: 'Hold Hope', text: 'Stay hopeful.' },
];

export interface Services {
  readonly db: Db;
  readonly clock: ManualClock;
}

/** A migrated in-memory database and a clock standing at START, with onboarding switched on. */
export async function services(): Promise<Services & { close(): Promise<void> }> {
  const db = await openTestDatabase();
  await migrate(db);
  const clock = new ManualClock(START);
  await updateOnboardingSettings({ db, clock }, GUILD, {});
  return { db, clock, close: () => db.destroy() };
}

export const member = (n: number) => `2000000000000000${String(n).padStart(2, '0')}`;
