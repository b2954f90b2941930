import { DateTime } from 'luxon';

/**
 * A learning streak: how many weeks in a row, up to now, the member completed at least one lesson
 * of a course.
 *
 * Weekly, not daily, because teachers learn around a school week: a lesson in a free period, an
 * evening or at the weekend. A daily streak would break on every busy school day and turn a
 * reminder of steady work into a guilty one; one lesson a week is the pace the courses are written for.
 *
 * Weeks run Monday to Sunday in the server's time zone: Discord never tells a bot a member's own
 * zone, and a teacher's Sunday-evening lesson should count for the week it was done in, not the
 * next one because UTC had already moved on.
 */
export interface WeeklyStreak {
  /** Weeks in a row with a lesson done, ending with this week or, while this one has none yet, the last. */
  readonly weeks: number;
  /** Whether this week already has a lesson done; if not, one before Sunday ends keeps the streak. */
  readonly thisWeek: boolean;
}

export const NO_STREAK: WeeklyStreak = { weeks: 0, thisWeek: false };

/** Monday 00:00 of the week `at` falls in, in `zone`, as a date key ("2026-11-30"). */
function weekOf(at: DateTime): string {
  return at.startOf('week').toISODate() ?? '';
}

/**
 * The streak as of `now`, from when each lesson was completed. The week under way never breaks a
 * streak: until it ends without a lesson, last week's streak still stands. Completions after `now`
 * (a clock set back) don't count.
 */
export function weeklyStreak(completedAt: readonly Date[], now: Date, timeZone: string): WeeklyStreak {
  const local = (date: Date) => {
    const at = DateTime.fromJSDate(date, { zone: timeZone });
    if (!at.isValid) throw new RangeError(`Unknown time zone ${timeZone}`);
    return at;
  };
  const today = local(now);
  const weeks = new Set(completedAt.filter((at) => at.getTime() <= now.getTime()).map((at) => weekOf(local(at))));
  const thisWeek = weeks.has(weekOf(today));
  // Calendar weeks, not 7 × 24 hours: a week with a daylight-saving change is 167 or 169 hours long.
  let week = thisWeek ? today.startOf('week') : today.startOf('week').minus({ weeks: 1 });
  let count = 0;
  while (weeks.has(weekOf(week))) {
    count += 1;
    week = week.minus({ weeks: 1 });
  }
  return { weeks: count, thisWeek };
}
