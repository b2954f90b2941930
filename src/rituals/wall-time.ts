import { IANAZone } from 'luxon';

/**
 * Turning a local wall-clock time ("Sunday 2:30 in New York") into the one instant it means.
 * Daylight saving makes that a choice twice a year, and rituals choose so that a weekly post is
 * neither lost nor doubled:
 * - a time that doesn't exist (spring forward skips 2:00–3:00) means the first instant after the
 *   gap, 3:00 — where plain node-cron and croner would skip the week;
 * - a time that exists twice (fall back repeats 1:00–2:00) means the first of the two.
 */

export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

export type Resolution =
  | { readonly kind: 'exact'; readonly at: number }
  | { readonly kind: 'gap'; readonly at: number }
  | { readonly kind: 'overlap'; readonly at: number; readonly later: number };

const DAY_MS = 86_400_000;
/** A zone by its IANA name. luxon keeps one IANAZone per name, so no cache of our own is needed. */
export function zoneNamed(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone ${name}`);
  return zone;
}

/** Minutes east of UTC at `ms`. */
const offsetAt = (zone: IANAZone, ms: number) => zone.offset(ms);

export function resolveWallTime(zoneName: string, wall: WallTime): Resolution {
  const zone = zoneNamed(zoneName);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Zones change offset at most once in any two days, so the offsets a day either side are the
  // only ones this wall time can be read with.
  const before = offsetAt(zone, asUtc - DAY_MS);
  const after = offsetAt(zone, asUtc + DAY_MS);
  const readings = [...new Set([before, after])].map((offset) => ({ offset, at: asUtc - offset * 60_000 }));
  const valid = readings.filter((reading) => offsetAt(zone, reading.at) === reading.offset).map((r) => r.at).sort((a, b) => a - b);
  const [first, second] = valid;
  if (first !== undefined && second !== undefined) return { kind: 'overlap', at: first, later: second };
  if (first !== undefined) return { kind: 'exact', at: first };
  return { kind: 'gap', at: transitionBetween(zone, Math.min(...readings.map((r) => r.at)), Math.max(...readings.map((r) => r.at))) };
}

/** The first instant (to the second) in (lo, hi] whose offset differs from lo's: where the clocks jumped. */
function transitionBetween(zone: IANAZone, lo: number, hi: number): number {
  const start = offsetAt(zone, lo);
  let low = lo;
  let high = hi;
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(zone, mid) === start) low = mid;
    else high = mid;
  }
  return high;
}

/** The local calendar date and time of an instant in a zone. */
export function wallTimeOf(zoneName: string, ms: number): WallTime {
  const shifted = new Date(ms + offsetAt(zoneNamed(zoneName), ms) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}
