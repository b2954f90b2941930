import { DateTime } from 'luxon';
import type { Language } from '../../i18n/locales.js';
import { cronPattern, type CronProblem, type CronSpec } from '../cron.js';
import type { RitualsT } from './messages.js';

/**
 * Schedules and times as text in the reader's language, through `Intl`: day, month and list words
 * come from the runtime's locale data, the sentences around them from the catalogue. English reads
 * as British English always has here ("Mon 2 Mar, 9:00 am", no serial comma).
 */

const INTL_LOCALE: Readonly<Record<Language, { readonly locale: string; readonly hourCycle: 'h12' | 'h23' }>> = {
  en: { locale: 'en-GB', hourCycle: 'h12' },
  es: { locale: 'es', hourCycle: 'h23' },
  'pt-BR': { locale: 'pt-BR', hourCycle: 'h23' },
};
export const intlLocale = (t: RitualsT): string => INTL_LOCALE[t.language].locale;
const hourCycle = (t: RitualsT) => INTL_LOCALE[t.language].hourCycle;

/**
 * Each language's formatters, made once: building an `Intl` formatter costs far more than using
 * one, and the dashboard's rituals page words every schedule on every view.
 */
const FORMATS: Readonly<Record<Language, { readonly list: Intl.ListFormat; readonly weekday: Intl.DateTimeFormat; readonly month: Intl.DateTimeFormat; readonly clock: Intl.DateTimeFormat }>> = {
  en: formatsFor('en'),
  es: formatsFor('es'),
  'pt-BR': formatsFor('pt-BR'),
};

function formatsFor(language: Language) {
  const { locale, hourCycle: cycle } = INTL_LOCALE[language];
  return {
    list: new Intl.ListFormat(locale, { type: 'conjunction' }),
    weekday: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
    clock: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: cycle, timeZone: 'UTC' }),
  };
}

/**
 * CLDR puts a narrow no-break space before "am"; Discord's fonts and members' searches know the
 * plain one, which is what the bot always wrote.
 */
const plainSpaces = (text: string) => text.replace(/\u202f/g, ' ');

/** "a, b and c" in the reader's language. */
export const listOf = (t: RitualsT, words: readonly string[]): string => FORMATS[t.language].list.format(words);

/** "Mon 2 Mar, 9:00 am" in the schedule's zone, in the reader's language. */
export function wallTime(t: RitualsT, at: Date, zone: string): string {
  return plainSpaces(DateTime.fromJSDate(at, { zone }).setLocale(intlLocale(t)).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', hourCycle: hourCycle(t) }));
}

/** A day-of-week (0 = Sunday) or month (1 = January) name, from a fixed date in 2023 that starts on a Sunday. */
const weekdayName = (t: RitualsT, day: number) => FORMATS[t.language].weekday.format(Date.UTC(2023, 0, 1 + day));
const monthName = (t: RitualsT, month: number) => FORMATS[t.language].month.format(Date.UTC(2023, month - 1, 1));
const clockTime = (t: RitualsT, hour: number, minute: number) => plainSpaces(FORMATS[t.language].clock.format(Date.UTC(2023, 0, 1, hour, minute)));

/** "every Monday at 9:00 am"; undefined where words would mislead (the run times say it better). */
export function cronInWords(t: RitualsT, spec: CronSpec): string | undefined {
  const pattern = cronPattern(spec);
  if (pattern === undefined) return undefined;
  const { days: shape } = pattern;
  let days: string;
  switch (shape.kind) {
    case 'every-day':
      days = t('cron.days.every-day');
      break;
    case 'weekdays':
      days = t('cron.days.weekdays');
      break;
    case 'week':
      days = t('cron.days.week', { days: listOf(t, shape.days.map((day) => weekdayName(t, day))) });
      break;
    case 'month':
      days = t('cron.days.month', { days: listOf(t, shape.days.map((day) => t('cron.month-day', { day }))) });
      break;
  }
  if (pattern.months.length > 0) days = t('cron.in-months', { days, months: listOf(t, pattern.months.map((month) => monthName(t, month))) });
  return t('cron.at', { days, times: listOf(t, pattern.hours.map((hour) => t('cron.clock', { hour, time: clockTime(t, hour, pattern.minute) }))) });
}

function cronProblem(t: RitualsT, problem: CronProblem): string {
  switch (problem.kind) {
    case 'field-count':
      return problem.count === 6 ? t('cron.problem.six-parts') : t('cron.problem.field-count', { count: problem.count });
    case 'bad-field':
      return t(`cron.problem.bad-field.${problem.field}`, { value: problem.value });
    case 'impossible-day':
      return t('cron.problem.impossible-day', { value: problem.value });
    case 'too-often':
      return t('cron.problem.too-often');
  }
}

/** The whole kind answer for a schedule that doesn't parse. */
export function explainCron(t: RitualsT, text: string, problems: readonly CronProblem[]): string {
  return [t('cron.problem.intro', { text: text.trim() || ' ' }), ...problems.map((problem) => `• ${cronProblem(t, problem)}`), t('cron.example')].join('\n');
}
