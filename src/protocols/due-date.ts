import { DateTime } from 'luxon';

/**
 * Reads the date a member typed for an action. Numeric forms like 12/01 are refused on purpose:
 * the community spans countries that read them differently. A date without a year is the next
 * such day (so "15 Jan" typed in December means next January).
 */
const WITH_YEAR = ['yyyy-MM-dd', 'd LLL yyyy', 'd LLLL yyyy', 'LLL d yyyy', 'LLLL d yyyy', 'LLL d, yyyy', 'LLLL d, yyyy'];
const WITHOUT_YEAR = ['d LLL', 'd LLLL', 'LLL d', 'LLLL d'];

export type DueDateReading = { readonly kind: 'none' } | { readonly kind: 'date'; readonly isoDate: string } | { readonly kind: 'unreadable' } | { readonly kind: 'past' };

export function readDueDate(typed: string, today: Date): DueDateReading {
  const cleaned = typed.trim().replace(/\s+/g, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
  if (cleaned === '') return { kind: 'none' };
  const start = DateTime.fromJSDate(today, { zone: 'utc' }).startOf('day');
  const parse = (format: string) => DateTime.fromFormat(cleaned, format, { zone: 'utc', locale: 'en-US' });
  let date = WITH_YEAR.map(parse).find((d) => d.isValid);
  if (date === undefined) {
    const noYear = WITHOUT_YEAR.map(parse).find((d) => d.isValid);
    if (noYear !== undefined) {
      const thisYear = noYear.set({ year: start.year });
      date = thisYear < start ? thisYear.plus({ years: 1 }) : thisYear;
    }
  }
  if (date === undefined) return { kind: 'unreadable' };
  if (date < start) return { kind: 'past' };
  return { kind: 'date', isoDate: date.toISODate() ?? cleaned };
}

/** `2026-12-15` → `Tue 15 Dec 2026`, the same for everyone whatever their locale. */
export function formatDueDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc', locale: 'en-GB' });
  return date.isValid ? date.toFormat('ccc d LLL yyyy') : isoDate;
}
