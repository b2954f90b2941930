import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/database.js';
import { migrate } from '../../src/db/migrator.js';
import { historyOf } from '../../src/rituals/ledger.js';

const GUILD = '100000000000000001';
const NOW = new Date('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;
const at = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * DAY).toISOString();

async function schedule(db: Db): Promise<number> {
  const row = await db
    .insertInto('ritual_schedules')
    .values({
      guild_id: GUILD,
      kind: 'prompt',
      channel_id: '300000000000000001',
      cron: '0 9 * * 1',
      time_zone: 'UTC',
      open_thread: 0,
      prompt_text: 'Hello',
      catch_up_minutes: 360,
      status: 'active',
      pause_reason: null,
      next_due_at: at(1),
      created_by: null,
      created_at: at(-60),
      updated_at: at(-60),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function occurrence(db: Db, scheduleId: number, when: string, state: string): Promise<number> {
  const row = await db
    .insertInto('ritual_occurrences')
    .values({
      schedule_id: scheduleId,
      guild_id: GUILD,
      occurrence_at: when,
      origin: 'schedule',
      state,
      attempts: 1,
      next_attempt_at: null,
      last_error: state === 'failed' ? 'Missing Access' : null,
      message_id: state === 'posted' ? `40000000000000${scheduleId}${when.slice(8, 10)}` : null,
      created_at: when,
      updated_at: when,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('the history /ritual list shows', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db);
  });
  afterEach(() => db.destroy());

  it('reads every schedule at once, each with only its own occurrences', async () => {
    const [a, b, quiet] = [await schedule(db), await schedule(db), await schedule(db)];
    await occurrence(db, a, at(-14), 'posted');
    const latestA = await occurrence(db, a, at(-7), 'posted');
    const failedA = await occurrence(db, a, at(-3), 'failed');
    const latestB = await occurrence(db, b, at(-21), 'posted');
    await occurrence(db, b, at(-40), 'missed'); // older than 30 days: not shown
    const missedB = await occurrence(db, b, at(-2), 'missed');
    await occurrence(db, b, at(-1), 'skipped'); // already past: not ahead
    await occurrence(db, b, at(6), 'skipped');

    const histories = await historyOf(db, [a, b, quiet], NOW);
    const one = histories.get(a);
    expect(one?.lastPosted?.id).toBe(latestA);
    expect(one?.failed.map((o) => o.id)).toEqual([failedA]);
    expect(one?.missed).toEqual([]);
    expect(one?.skippedAhead.size).toBe(0);

    const two = histories.get(b);
    expect(two?.lastPosted?.id).toBe(latestB);
    expect(two?.failed).toEqual([]);
    expect(two?.missed.map((o) => o.id)).toEqual([missedB]);
    expect([...(two?.skippedAhead ?? [])]).toEqual([Date.parse(at(6))]);

    expect(histories.get(quiet)).toEqual({ lastPosted: undefined, failed: [], missed: [], skippedAhead: new Set() });
    expect(await historyOf(db, [], NOW)).toEqual(new Map());
  });
});
