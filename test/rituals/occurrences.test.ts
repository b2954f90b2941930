import { describe, expect, it } from 'vitest';
import { describeCron, parseCron, type CronSpec } from '../../src/rituals/cron.js';
import { cronInWords, explainCron } from '../../src/rituals/discord/cron-words.js';
import { ENGLISH_RITUALS, ritualMessages } from '../../src/rituals/discord/messages.js';
import { readerOf } from '../../src/i18n/locales.js';
import { nextOccurrences, occurrencesBetween } from '../../src/rituals/occurrences.js';
import { canonicalTimeZone, suggestTimeZones, unknownTimeZoneMessage } from '../../src/rituals/time-zones.js';
import { resolveWallTime } from '../../src/rituals/wall-time.js';

function spec(text: string): CronSpec {
  const parsed = parseCron(text);
  if (!parsed.ok) throw new Error(`test cron ${text} did not parse`);
  return parsed.spec;
}

const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());
const at = (text: string) => new Date(text);

// 2026: the US springs forward on 8 March (02:00 EST → 03:00 EDT, 07:00Z) and falls back on
// 1 November (02:00 EDT → 01:00 EST, 06:00Z); the UK on 29 March (01:00 GMT → 02:00 BST, 01:00Z)
// and 25 October (02:00 BST → 01:00 GMT, 01:00Z).

describe('occurrences keep their local time', () => {
  it('stays at 9:00 in New York across the spring change, moving in UTC', () => {
    expect(iso(nextOccurrences(spec('0 9 * * 1'), 'America/New_York', at('2026-03-01T00:00:00Z'), 2))).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('stays at 9:00 in London across the autumn change', () => {
    expect(iso(nextOccurrences(spec('0 9 * * 1'), 'Europe/London', at('2026-10-19T00:00:00Z'), 2))).toEqual([
      '2026-10-19T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
    ]);
  });
});

describe('spring forward: a time that does not exist', () => {
  it('posts at the first instant after the gap in New York (2:30 → 3:00 EDT), never skipping the week', () => {
    expect(iso(nextOccurrences(spec('30 2 * * 0'), 'America/New_York', at('2026-03-01T00:00:00Z'), 3))).toEqual([
      '2026-03-01T07:30:00.000Z', // 2:30 EST
      '2026-03-08T07:00:00.000Z', // 2:30 doesn't exist: 3:00 EDT, the instant the clocks jumped
      '2026-03-15T06:30:00.000Z', // 2:30 EDT
    ]);
  });

  it('posts at the first instant after the gap in London (1:30 → 2:00 BST)', () => {
    expect(iso(nextOccurrences(spec('30 1 * * 0'), 'Europe/London', at('2026-03-22T00:00:00Z'), 3))).toEqual([
      '2026-03-22T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-04-05T00:30:00.000Z',
    ]);
  });

  it('keeps one occurrence when two wall times fall in the same gap', () => {
    // Hourly at :00 — 2:00 doesn't exist and resolves to 3:00, which exists too: one post at 3:00.
    const day = occurrencesBetween(spec('0 1-4 * * *'), 'America/New_York', at('2026-03-08T05:00:00Z'), at('2026-03-08T10:00:00Z'));
    expect(iso(day)).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z']);
  });

  it('says which kind of time it resolved', () => {
    expect(resolveWallTime('America/New_York', { year: 2026, month: 3, day: 8, hour: 2, minute: 30 })).toEqual({ kind: 'gap', at: Date.parse('2026-03-08T07:00:00Z') });
    expect(resolveWallTime('America/New_York', { year: 2026, month: 3, day: 9, hour: 2, minute: 30 }).kind).toBe('exact');
  });
});

describe('fall back: a time that exists twice', () => {
  it('posts once, at the first of the two, in New York', () => {
    const weekly = spec('30 1 * * 0');
    expect(iso(nextOccurrences(weekly, 'America/New_York', at('2026-10-25T00:00:00Z'), 3))).toEqual([
      '2026-10-25T05:30:00.000Z', // 1:30 EDT
      '2026-11-01T05:30:00.000Z', // 1:30 EDT, the first 1:30 (1:30 EST at 06:30Z is not a second post)
      '2026-11-08T06:30:00.000Z', // 1:30 EST
    ]);
    expect(occurrencesBetween(weekly, 'America/New_York', at('2026-11-01T05:00:00Z'), at('2026-11-01T07:00:00Z'))).toHaveLength(1);
  });

  it('posts once, at the first of the two, in London', () => {
    expect(iso(occurrencesBetween(spec('30 1 * * 0'), 'Europe/London', at('2026-10-24T23:00:00Z'), at('2026-10-25T03:00:00Z')))).toEqual(['2026-10-25T00:30:00.000Z']);
    expect(resolveWallTime('Europe/London', { year: 2026, month: 10, day: 25, hour: 1, minute: 30 })).toEqual({
      kind: 'overlap',
      at: Date.parse('2026-10-25T00:30:00Z'),
      later: Date.parse('2026-10-25T01:30:00Z'),
    });
  });

  it('runs an hourly ritual once per wall-clock hour through the repeated hour', () => {
    const hours = occurrencesBetween(spec('30 * * * *'), 'America/New_York', at('2026-11-01T04:00:00Z'), at('2026-11-01T08:00:00Z'));
    expect(iso(hours)).toEqual(['2026-11-01T04:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T07:30:00.000Z']);
  });
});

describe('cron days', () => {
  it('matches either day field when both are restricted, as POSIX cron does', () => {
    const days = nextOccurrences(spec('0 9 1 * 1'), 'UTC', at('2026-05-31T00:00:00Z'), 3).map((d) => d.toISOString().slice(0, 10));
    expect(days).toEqual(['2026-06-01', '2026-06-08', '2026-06-15']); // 1 June is a Monday; then Mondays
    const july = nextOccurrences(spec('0 9 1 * 1'), 'UTC', at('2026-06-28T00:00:00Z'), 2).map((d) => d.toISOString().slice(0, 10));
    expect(july).toEqual(['2026-06-29', '2026-07-01']);
  });

  it('understands last day, nth weekday and last weekday', () => {
    const day = (text: string) => nextOccurrences(spec(text), 'UTC', at('2026-02-01T00:00:00Z'), 1).map((d) => d.toISOString().slice(0, 10))[0];
    expect(day('0 9 L * *')).toBe('2026-02-28');
    expect(day('0 9 * * 1#2')).toBe('2026-02-09');
    expect(day('0 9 * * 5L')).toBe('2026-02-27');
  });

  it('finds a 29 February years away', () => {
    expect(iso(nextOccurrences(spec('0 9 29 2 *'), 'UTC', at('2026-03-01T00:00:00Z'), 1))).toEqual(['2028-02-29T09:00:00.000Z']);
  });
});

describe('cron validation', () => {
  const problems = (text: string) => {
    const parsed = parseCron(text);
    return parsed.ok ? [] : parsed.problems;
  };

  it('accepts five fields, names and ranges', () => {
    expect(parseCron('0 9 * * mon-fri').ok).toBe(true);
    expect(parseCron('  30   16 * * 5 ').ok).toBe(true);
  });

  it('names the part that is wrong, kindly', () => {
    expect(problems('0 25 * * *')).toEqual([{ kind: 'bad-field', field: 'hour', value: '25' }]);
    const message = explainCron(ENGLISH_RITUALS, '0 25 * * *', problems('0 25 * * *'));
    expect(message).toContain('The hour part, `25`');
    expect(message).toContain('0 to 23');
    expect(message).toContain('`0 9 * * 1` is every Monday at 9:00');
  });

  it('refuses the wrong number of parts, with a word for seconds', () => {
    expect(problems('every monday')).toEqual([{ kind: 'field-count', count: 2 }]);
    expect(explainCron(ENGLISH_RITUALS, '0 0 9 * * 1', problems('0 0 9 * * 1'))).toContain('six parts');
  });

  it('refuses a ritual more often than hourly and a date that never comes', () => {
    expect(problems('* 9 * * 1')).toEqual([{ kind: 'too-often' }]);
    expect(problems('0 9 30 2 *')).toEqual([{ kind: 'impossible-day', value: '30' }]);
  });

  it('says common schedules in words', () => {
    expect(describeCron(spec('0 9 * * 1'))).toBe('every Monday at 9:00 am');
    expect(describeCron(spec('30 16 * * 1-5'))).toBe('every weekday at 4:30 pm');
    expect(describeCron(spec('0 12 1,15 * *'))).toBe('on the 1st and 15th of the month at 12:00 pm');
    expect(describeCron(spec('0 9 * * 1#2'))).toBeUndefined();
  });

  it('says them the same way in Discord replies as on the (English) dashboard, and in Spanish too', () => {
    const spanish = ritualMessages.for(readerOf('es-ES'));
    for (const text of ['0 9 * * 1', '30 16 * * 1-5', '0 12 1,15 * *', '0 0 * * 1,3,5', '0 8,17 * 6 *', '0 9 * * 1#2']) {
      expect(cronInWords(ENGLISH_RITUALS, spec(text))).toBe(describeCron(spec(text)));
    }
    expect(cronInWords(spanish, spec('0 9 * * 1'))).toBe('cada lunes a las 9:00');
    expect(cronInWords(spanish, spec('30 16 * * 1-5'))).toBe('de lunes a viernes a las 16:30');
    expect(cronInWords(spanish, spec('0 12 1,15 * *'))).toBe('el día 1 y 15 de cada mes a las 12:00');
    expect(cronInWords(spanish, spec('0 8,17 * 6 *'))).toBe('todos los días en junio a las 8:00 y las 17:00');
    // One o'clock is singular in Spanish: "a la 1:00", and each time takes its own article.
    expect(cronInWords(spanish, spec('0 1 * * 1'))).toBe('cada lunes a la 1:00');
    expect(cronInWords(spanish, spec('30 1,13 * * *'))).toBe('todos los días a la 1:30 y las 13:30');
    expect(cronInWords(spanish, spec('0 0,21 * * 5'))).toBe('cada viernes a las 0:00 y las 21:00');
    expect(explainCron(spanish, '0 25 * * *', problems('0 25 * * *'))).toContain('No entiendo la parte de la hora, `25`');
  });
});

describe('time zones', () => {
  it('accepts IANA places in any case and gives their proper spelling', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses made-up zones and fixed abbreviations that ignore daylight saving', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalTimeZone('EST')).toBeUndefined();
    expect(unknownTimeZoneMessage('Mars/Olympus')).toMatch(/^I don't know the time zone `Mars\/Olympus`\. Start typing a city/);
  });

  it('suggests zones as a moderator types, their own first', () => {
    expect(suggestTimeZones('london')).toEqual(['Europe/London']);
    expect(suggestTimeZones('new_y')[0]).toBe('America/New_York');
    expect(suggestTimeZones('', 'Europe/Paris')[0]).toBe('Europe/Paris');
    expect(suggestTimeZones('').length).toBe(25);
  });
});
