/** Spans of time as people type them for `time`: `+1h`, `+2d`, `+1w`, `+1d 12h`, `+3 days`. */

const UNITS: readonly [RegExp, number][] = [
  [/^(m|mins?|minutes?)$/, 60_000],
  [/^(h|hrs?|hours?)$/, 3_600_000],
  [/^(d|days?)$/, 86_400_000],
  [/^(w|wks?|weeks?)$/, 7 * 86_400_000],
];

/** Milliseconds, or null when the text isn't a span of time. */
export function parseDuration(text: string): number | null {
  const body = text.trim().replace(/^\+\s*/, '').toLowerCase();
  const parts = [...body.matchAll(/(\d+)\s*([a-z]+)\s*/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== body) return null;
  let total = 0;
  for (const [, amount, unit] of parts) {
    const size = UNITS.find(([pattern]) => pattern.test(unit ?? ''))?.[1];
    if (size === undefined) return null;
    total += Number(amount) * size;
  }
  return total;
}
