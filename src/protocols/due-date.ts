import { DateTime } from 'luxon';
import { LANGUAGES, type Language } from '../i18n/locales.js';

/**
 * Reads the date a member typed for an action. Numeric forms like 12/01 are refused on purpose:
 * the community spans countries that read them differently. A date without a year is the next
 * such day (so "15 Jan" typed in December means next January). Month names are read in every
 * language the bot speaks ("15 Dec", "15 dic", "15 de diciembre"): whoever types the date, the
 * group reads it as one day.
 */
const WITH_YEAR = ['yyyy-MM-dd', 'd LLL yyyy', 'd LLLL yyyy', 'LLL d yyyy', 'LLLL d yyyy', 'LLL d, yyyy', 'LLLL d, yyyy', "d 'de' LLLL 'de' yyyy", "d 'de' LLL 'de' yyyy"];
const WITHOUT_YEAR = ['d LLL', 'd LLLL', 'LLL d', 'LLLL d', "d 'de' LLLL", "d 'de' LLL"];

/** The locale each language writes a due date in. */
const DATE_LOCALE: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es', 'pt-BR': 'pt-BR' };
/** The locales whose month names a typed date is read in ("Sep" is en-US, "Sept" en-GB). */
const READ_LOCALES = [...new Set(['en-US', ...LANGUAGES.map((language) => DATE_LOCALE[language])])];

export type DueDateReading = { readonly kind: 'none' } | { readonly kind: 'date'; readonly isoDate: string } | { readonly kind: 'unreadable' } | { readonly kind: 'past' };

export function readDueDate(typed: string, today: Date): DueDateReading {
  const cleaned = typed.trim().replace(/\s+/g, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
  if (cleaned === '') return { kind: 'none' };
  const start = DateTime.fromJSDate(today, { zone: 'utc' }).startOf('day');
  // "15 dic." as typed, and without the abbreviation's dot, which not every locale's month names carry.
  const spellings = [...new Set([cleaned, cleaned.replace(/(\p{L})\./gu, '$1')])];
  const parse = (formats: readonly string[]) =>
    READ_LOCALES.flatMap((locale) => spellings.flatMap((spelling) => formats.map((format) => DateTime.fromFormat(spelling, format, { zone: 'utc', locale })))).find((d) => d.isValid);
  let date = parse(WITH_YEAR);
  if (date === undefined) {
    const noYear = parse(WITHOUT_YEAR);
    if (noYear !== undefined) {
      const thisYear = noYear.set({ year: start.year });
      date = thisYear < start ? thisYear.plus({ years: 1 }) : thisYear;
    }
  }
  if (date === undefined) return { kind: 'unreadable' };
  if (date < start) return { kind: 'past' };
  return { kind: 'date', isoDate: date.toISODate() ?? cleaned };
}

/**
 * `2026-12-15` → `Tue 15 Dec 2026` (`mar 15 dic 2026` in Spanish). A due date is a calendar day,
 * the same one for everyone, so it is written out rather than given as a Discord timestamp, which
 * would move it to the day before for members west of UTC.
 */
export function formatDueDate(isoDate: string, language: Language): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc', locale: DATE_LOCALE[language] });
  return date.isValid ? date.toFormat('ccc d LLL yyyy') : isoDate;
}
