import { describe, expect, it } from 'vitest';
import { weeklyStreak } from '../../src/courses/streak.js';

const at = (iso: string) => new Date(iso);

describe('weekly learning streak', () => {
  // Wednesday 9 December 2026; its week began on Monday the 7th.
  const wednesday = at('2026-12-09T12:00:00Z');

  it('is nothing before the first lesson', () => {
    expect(weeklyStreak([], wednesday, 'UTC')).toEqual({ weeks: 0, thisWeek: false });
  });

  it('counts weeks in a row with a lesson, this week included, several lessons in a week counting once', () => {
    const done = ['2026-12-08T09:00:00Z', '2026-12-01T09:00:00Z', '2026-12-03T09:00:00Z', '2026-11-26T09:00:00Z'].map(at);
    expect(weeklyStreak(done, wednesday, 'UTC')).toEqual({ weeks: 3, thisWeek: true });
  });

  it('keeps last week’s streak while this week has no lesson yet, and ends it at a week without one', () => {
    const done = ['2026-12-02T09:00:00Z', '2026-11-24T09:00:00Z', '2026-11-10T09:00:00Z'].map(at);
    expect(weeklyStreak(done, wednesday, 'UTC')).toEqual({ weeks: 2, thisWeek: false });
    // A week later, with still no lesson, the streak is gone.
    expect(weeklyStreak(done, at('2026-12-16T12:00:00Z'), 'UTC')).toEqual({ weeks: 0, thisWeek: false });
  });

  it('starts the week at Monday 00:00 in the server’s zone, not in UTC', () => {
    // Sunday 6 December, 23:30 in New York, is already Monday 04:30 in UTC.
    const sundayNight = at('2026-12-07T04:30:00Z');
    const weekBefore = at('2026-11-25T15:00:00Z');
    expect(weeklyStreak([sundayNight, weekBefore], wednesday, 'America/New_York')).toEqual({ weeks: 2, thisWeek: false });
    expect(weeklyStreak([sundayNight, weekBefore], wednesday, 'UTC')).toEqual({ weeks: 1, thisWeek: true });
    // Monday 00:00 on the dot in Sydney belongs to the new week there (Sunday 13:00 UTC).
    const sydneyMonday = at('2026-12-06T13:00:00Z');
    expect(weeklyStreak([sydneyMonday], wednesday, 'Australia/Sydney')).toEqual({ weeks: 1, thisWeek: true });
    expect(weeklyStreak([at('2026-12-06T12:59:59Z')], wednesday, 'Australia/Sydney')).toEqual({ weeks: 1, thisWeek: false });
  });

  it('walks back across a daylight-saving change and a new year by calendar weeks', () => {
    // London's clocks went back on Sunday 25 October 2026: that week was 169 hours long.
    const sundays = ['2026-10-18T22:30:00Z', '2026-10-25T23:30:00Z', '2026-11-01T23:30:00Z'].map(at);
    expect(weeklyStreak(sundays, at('2026-11-02T08:00:00Z'), 'Europe/London')).toEqual({ weeks: 3, thisWeek: false });
    // Friday 1 January 2027 is in the week that began on Monday 28 December 2026.
    const newYear = [at('2026-12-22T10:00:00Z'), at('2027-01-01T10:00:00Z')];
    expect(weeklyStreak(newYear, at('2027-01-03T20:00:00Z'), 'UTC')).toEqual({ weeks: 2, thisWeek: true });
    expect(weeklyStreak(newYear, at('2027-01-04T00:00:00Z'), 'UTC')).toEqual({ weeks: 2, thisWeek: false });
  });

  it('leaves out completions after now (a clock set back) and refuses an unknown zone', () => {
    expect(weeklyStreak([at('2026-12-10T09:00:00Z')], wednesday, 'UTC')).toEqual({ weeks: 0, thisWeek: false });
    expect(() => weeklyStreak([], wednesday, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
