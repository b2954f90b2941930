import type { CronSpec, MonthDayToken, WeekDayToken } from './cron.js';
import { resolveWallTime, wallTimeOf } from './wall-time.js';

/**
 * When a schedule falls due: pure functions of a cron spec, an IANA zone and an instant. Days are
 * walked on the local calendar and each matching wall time is turned into an instant by
 * `resolveWallTime`, so a ritual keeps its local time across daylight-saving changes.
 */

/** Eight years: long enough to find the next 29 February, short enough to stop on 31 April. */
const HORIZON_DAYS = 8 * 366;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The weekday (Mon–Fri) nearest `target` without leaving the month, as cron's `W` means it. */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = daysInMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = weekdayOf(year, month, target);
  if (weekday === 6) return target === 1 ? 3 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function monthDayMatches(token: MonthDayToken, year: number, month: number, day: number): boolean {
  const last = daysInMonth(year, month);
  if (typeof token === 'number') return token === day;
  if (token === 'L') return day === last;
  if (token === 'LW') return nearestWeekday(year, month, last) === day;
  if (token.startsWith('L-')) return last - Number(token.slice(2)) === day;
  if (token.endsWith('W')) return nearestWeekday(year, month, Number(token.slice(0, -1))) === day;
  return false;
}

function weekDayMatches(token: WeekDayToken, year: number, month: number, day: number): boolean {
  const weekday = weekdayOf(year, month, day);
  if (typeof token === 'number') return token % 7 === weekday;
  const [dayPart = '', nth] = token.split('#');
  if (nth !== undefined) return Number(dayPart) % 7 === weekday && Math.floor((day - 1) / 7) + 1 === Number(nth);
  if (token.endsWith('L')) return Number(token.slice(0, -1)) % 7 === weekday && day + 7 > daysInMonth(year, month);
  return false;
}

export function dayMatches(spec: CronSpec, year: number, month: number, day: number): boolean {
  if (!spec.months.includes(month)) return false;
  const { monthDays, weekDays } = spec;
  const byMonthDay = monthDays === 'any' || monthDays.some((token) => monthDayMatches(token, year, month, day));
  const byWeekDay = weekDays === 'any' || weekDays.some((token) => weekDayMatches(token, year, month, day));
  // POSIX: with both fields restricted, either one is enough.
  if (monthDays !== 'any' && weekDays !== 'any') return byMonthDay || byWeekDay;
  return byMonthDay && byWeekDay;
}

/** Every occurrence strictly after `after`, in order, until the horizon (or a little past `until`). */
export function* occurrencesAfter(spec: CronSpec, zone: string, after: Date, until?: Date): Generator<Date> {
  const start = wallTimeOf(zone, after.getTime());
  // Local dates run at most 14 hours from UTC ones; two days past `until` is safely beyond it.
  const stopAt = until === undefined ? Number.POSITIVE_INFINITY : until.getTime() + 2 * 86_400_000;
  // Begin a day early: a wall time late on the previous local date can't land after `after`,
  // but starting there costs nothing and leaves no edge to reason about.
  let cursor = Date.UTC(start.year, start.month - 1, start.day - 1);
  let last = after.getTime();
  for (let index = 0; index < HORIZON_DAYS && cursor <= stopAt; index += 1, cursor += 86_400_000) {
    const date = new Date(cursor);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (!dayMatches(spec, year, month, day)) continue;
    for (const hour of spec.hours) {
      for (const minute of spec.minutes) {
        const { at } = resolveWallTime(zone, { year, month, day, hour, minute });
        // Two wall times in one gap resolve to the same instant: one occurrence, not two.
        if (at <= last) continue;
        last = at;
        yield new Date(at);
      }
    }
  }
}

export function nextOccurrences(spec: CronSpec, zone: string, after: Date, count: number): Date[] {
  const found: Date[] = [];
  if (count <= 0) return found;
  for (const at of occurrencesAfter(spec, zone, after)) {
    found.push(at);
    if (found.length >= count) break;
  }
  return found;
}

export function nextOccurrence(spec: CronSpec, zone: string, after: Date): Date | undefined {
  return nextOccurrences(spec, zone, after, 1)[0];
}

/** Occurrences in (from, to], oldest first. */
export function occurrencesBetween(spec: CronSpec, zone: string, from: Date, to: Date): Date[] {
  const found: Date[] = [];
  for (const at of occurrencesAfter(spec, zone, from, to)) {
    if (at.getTime() > to.getTime()) break;
    found.push(at);
  }
  return found;
}
