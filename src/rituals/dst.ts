import type { CronSpec } from './cron.js';
import { dayMatches } from './occurrences.js';
import { resolveWallTime, wallTimeOf, zoneNamed, type WallTime } from './wall-time.js';

/**
 * What daylight saving does to a schedule over the coming year, so a moderator can read it before
 * saving: the days the zone's clocks change, and the runs that fall in the hour that is skipped
 * (posted at the first instant after the gap) or repeated (posted once, the first time) — the
 * choices `resolveWallTime` makes.
 */

export interface ClockChange {
  /** The local date of the change. */
  readonly day: Pick<WallTime, 'year' | 'month' | 'day'>;
  /** Minutes east of UTC before and after. */
  readonly offsetBefore: number;
  readonly offsetAfter: number;
}

export type DstEffect =
  | { readonly kind: 'gap'; readonly wall: WallTime; readonly postsAt: Date }
  | { readonly kind: 'overlap'; readonly wall: WallTime; readonly postsAt: Date; readonly skippedRepeat: Date };

export interface DstOutlook {
  readonly changes: readonly ClockChange[];
  readonly effects: readonly DstEffect[];
}

const DAY_MS = 86_400_000;

export function dstOutlook(spec: CronSpec, zone: string, from: Date, days = 366): DstOutlook {
  const tz = zoneNamed(zone);
  const start = wallTimeOf(zone, from.getTime());
  const dateAt = (index: number) => new Date(Date.UTC(start.year, start.month - 1, start.day + index));
  const changes: ClockChange[] = [];
  const effects: DstEffect[] = [];
  // A reading a week (at noon UTC) finds the weeks where the offset moves, a reading a day inside
  // them the day; only the local days around a move are looked at closely. (Reading every day of
  // the year cost 20 ms; no zone changes its clocks twice within a week.)
  const noon = (index: number) => tz.offset(dateAt(index).getTime() + 12 * 3_600_000);
  const candidates = new Set<number>();
  let weekStart = -1;
  let weekOffset = noon(weekStart);
  while (weekStart < days) {
    const weekEnd = Math.min(weekStart + 7, days);
    const endOffset = noon(weekEnd);
    if (endOffset !== weekOffset) {
      let previous = weekOffset;
      for (let index = weekStart + 1; index <= weekEnd; index += 1) {
        const offset = index === weekEnd ? endOffset : noon(index);
        if (offset !== previous) for (const near of [index - 1, index]) if (near >= 0 && near < days) candidates.add(near);
        previous = offset;
      }
    }
    weekStart = weekEnd;
    weekOffset = endOffset;
  }
  for (const index of [...candidates].sort((a, b) => a - b)) {
    const date = dateAt(index);
    const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    const next = new Date(date.getTime() + DAY_MS);
    // The offsets at this local midnight and the next: a change during the day shows as a difference.
    const offsetBefore = tz.offset(resolveWallTime(zone, { ...day, hour: 0, minute: 0 }).at);
    const offsetAfter = tz.offset(resolveWallTime(zone, { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }).at);
    if (offsetBefore === offsetAfter) continue;
    changes.push({ day, offsetBefore, offsetAfter });
    if (!dayMatches(spec, day.year, day.month, day.day)) continue;
    for (const hour of spec.hours) {
      for (const minute of spec.minutes) {
        const wall = { ...day, hour, minute };
        const resolved = resolveWallTime(zone, wall);
        if (resolved.kind === 'gap') effects.push({ kind: 'gap', wall, postsAt: new Date(resolved.at) });
        if (resolved.kind === 'overlap') effects.push({ kind: 'overlap', wall, postsAt: new Date(resolved.at), skippedRepeat: new Date(resolved.later) });
      }
    }
  }
  return { changes, effects };
}
