import cron from 'node-cron';

/**
 * A ritual's schedule as moderators write it: five cron fields (minute hour day-of-month month
 * day-of-week). node-cron reads the fields and names what is wrong with them; this module turns
 * its answer into a `CronSpec` the occurrence calculator walks, or into problems that
 * discord/cron-words.ts puts in words a teacher can act on.
 *
 * Day matching follows POSIX cron, as crontab.guru explains it: when both day fields are
 * restricted (`0 9 1 * 1`), a day matches if EITHER does (the 1st, and every Monday).
 */

/** A day-of-month item: a day, `L` (last day), `L-n` (n days before the last), `nW`/`LW` (nearest weekday). */
export type MonthDayToken = number | 'L' | `L-${number}` | `${number}W` | 'LW';
/** A day-of-week item (0 = Sunday): a weekday, `d#n` (the nth such weekday), `dL` (the last one). */
export type WeekDayToken = number | `${number}#${number}` | `${number}L`;

export interface CronSpec {
  /** The five fields as given, single-spaced. */
  readonly source: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: readonly number[];
  /** 'any' when the field is `*` or `?` (so the other day field decides alone). */
  readonly monthDays: readonly MonthDayToken[] | 'any';
  readonly weekDays: readonly WeekDayToken[] | 'any';
}

export type CronField = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

export type CronProblem =
  | { readonly kind: 'field-count'; readonly count: number }
  | { readonly kind: 'bad-field'; readonly field: CronField; readonly value: string }
  | { readonly kind: 'impossible-day'; readonly value: string }
  | { readonly kind: 'too-often' };

export type CronResult = { readonly ok: true; readonly spec: CronSpec } | { readonly ok: false; readonly problems: readonly CronProblem[] };

const FIELDS: readonly CronField[] = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'];

const isStar = (field: string) => field === '*' || field === '?' || field.startsWith('*/');

const asField = (name: string): CronField | undefined => FIELDS.find((field) => field === name);

export function parseCron(text: string): CronResult {
  const fields = text.trim().split(/\s+/).filter((part) => part.length > 0);
  if (fields.length !== 5) return { ok: false, problems: [{ kind: 'field-count', count: fields.length }] };
  const source = fields.join(' ');
  const checked = cron.validateDetailed(source);
  if (!checked.valid || checked.fields === undefined) {
    const problems = checked.errors.map((error): CronProblem => {
      const field = asField(error.field);
      if (field === 'dayOfMonth' && /impossible/.test(error.message)) return { kind: 'impossible-day', value: error.value ?? '' };
      return field === undefined ? { kind: 'field-count', count: fields.length } : { kind: 'bad-field', field, value: error.value ?? '' };
    });
    return { ok: false, problems };
  }
  const parsed = checked.fields;
  // A ritual is a community moment, not a feed: at most one post an hour keeps a typo like
  // `* 9 * * 1` from posting sixty times, and bounds how much catching up one schedule can need.
  if (parsed.minute.length !== 1) return { ok: false, problems: [{ kind: 'too-often' }] };
  const [, , monthDayField = '*', , weekDayField = '*'] = fields;
  return {
    ok: true,
    spec: {
      source,
      minutes: parsed.minute,
      hours: [...parsed.hour].sort((a, b) => a - b),
      months: parsed.month,
      monthDays: isStar(monthDayField) ? 'any' : (parsed.dayOfMonth as MonthDayToken[]),
      weekDays: isStar(weekDayField) ? 'any' : (parsed.dayOfWeek as WeekDayToken[]),
    },
  };
}

// ---- in words --------------------------------------------------------------------------------

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function clockTime(hour: number, minute: number): string {
  const suffix = hour < 12 ? 'am' : 'pm';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:${String(minute).padStart(2, '0')} ${suffix}`;
}

const onlyNumbers = <T>(tokens: readonly T[]): tokens is readonly (T & number)[] => tokens.every((t) => typeof t === 'number');

/**
 * The common shapes of a schedule, as data: what a sentence in any language is made from. The
 * shapes cover one minute past up to three hours, on every day, on some weekdays or on some days
 * of the month; anything else has no pattern, and the next run times say it better.
 */
export interface CronPattern {
  readonly days:
    | { readonly kind: 'every-day' }
    | { readonly kind: 'weekdays' }
    /** 0 = Sunday, sorted. */
    | { readonly kind: 'week'; readonly days: readonly number[] }
    /** Sorted. */
    | { readonly kind: 'month'; readonly days: readonly number[] };
  /** 1 = January; empty for every month. */
  readonly months: readonly number[];
  readonly hours: readonly number[];
  readonly minute: number;
}

export function cronPattern(spec: CronSpec): CronPattern | undefined {
  const [minute = 0] = spec.minutes;
  if (spec.hours.length > 3) return undefined;
  let days: CronPattern['days'];
  if (spec.monthDays === 'any' && spec.weekDays === 'any') {
    days = { kind: 'every-day' };
  } else if (spec.monthDays === 'any' && spec.weekDays !== 'any' && onlyNumbers(spec.weekDays)) {
    const sorted = [...spec.weekDays].sort((a, b) => a - b);
    days = sorted.join(',') === '1,2,3,4,5' ? { kind: 'weekdays' } : { kind: 'week', days: sorted };
  } else if (spec.weekDays === 'any' && spec.monthDays !== 'any' && onlyNumbers(spec.monthDays)) {
    days = { kind: 'month', days: [...spec.monthDays].sort((a, b) => a - b) };
  } else {
    return undefined;
  }
  return { days, months: spec.months.length === 12 ? [] : spec.months, hours: spec.hours, minute };
}

/**
 * The schedule in plain English words ("every Monday at 9:00 am") for the common shapes; undefined
 * for the rest. The dashboard reads this; Discord replies say it in the reader's language
 * (discord/schedule-view.ts).
 */
export function describeCron(spec: CronSpec): string | undefined {
  const pattern = cronPattern(spec);
  if (pattern === undefined) return undefined;
  const at = `at ${list(pattern.hours.map((hour) => clockTime(hour, pattern.minute)))}`;
  const { days: shape } = pattern;
  const days =
    shape.kind === 'every-day'
      ? 'every day'
      : shape.kind === 'weekdays'
        ? 'every weekday'
        : shape.kind === 'week'
          ? `every ${list(shape.days.map((d) => WEEKDAY_NAMES[d] ?? ''))}`
          : `on the ${list(shape.days.map(ordinal))} of the month`;
  const months = pattern.months.length === 0 ? '' : ` in ${list(pattern.months.map((m) => MONTH_NAMES[m - 1] ?? ''))}`;
  return `${days}${months} ${at}`;
}
