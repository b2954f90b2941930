import { z } from 'zod';
import { parseCron } from '../rituals/cron.js';
import { RITUAL_KINDS, type RitualKind, type Schedule } from '../rituals/model.js';
import type { RitualProblem } from '../rituals/problems.js';
import { explainRitualProblem } from '../rituals/discord/explain.js';

/**
 * The ritual builder's form: a few weekdays and a time in a zone (or a raw cron, for experts),
 * turned into the cron the ritual services take. Every rule about schedules stays in the services;
 * this only translates the form, and places each problem the service names next to its field.
 */

export const WEEKDAYS = [
  { value: 1, label: 'Monday' },
  { value: 2, label: 'Tuesday' },
  { value: 3, label: 'Wednesday' },
  { value: 4, label: 'Thursday' },
  { value: 5, label: 'Friday' },
  { value: 6, label: 'Saturday' },
  { value: 0, label: 'Sunday' },
] as const;

export type RitualField = 'kind' | 'channel' | 'days' | 'time' | 'zone' | 'cron' | 'text' | 'form';
export type FieldProblems = Partial<Record<RitualField, string>>;

const list = z.union([z.string(), z.array(z.string())]).optional().transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const RitualFormSchema = z.object({
  kind: z.string().default('poem'),
  channel: z.string().default(''),
  builder: z.enum(['weekly', 'cron']).catch('weekly'),
  days: list,
  time: z.string().default(''),
  zone: z.string().default(''),
  cron: z.string().default(''),
  text: z.string().default(''),
  thread: z.string().optional(),
  /** The revision an edit form was drawn from, so a stale one can tell (empty on the new-ritual form). */
  revision: z.string().default(''),
});

/** What was typed, kept as typed so a form with a problem comes back as the moderator left it. */
export type RitualFormValues = z.output<typeof RitualFormSchema>;

export function readRitualForm(body: unknown): RitualFormValues {
  return RitualFormSchema.parse(typeof body === 'object' && body !== null ? body : {});
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The revision an edit form was based on; undefined when the form carries none it could have written. */
export function revisionOfForm(form: RitualFormValues): number | undefined {
  return /^\d+$/.test(form.revision) ? Number(form.revision) : undefined;
}

/** The cron a form describes, or the builder's own problem (no day picked, no time). */
export function cronOfForm(form: RitualFormValues): { ok: true; cron: string } | { ok: false; problems: FieldProblems } {
  if (form.builder === 'cron') return { ok: true, cron: form.cron };
  const days = [...new Set(form.days.map(Number).filter((day) => Number.isInteger(day) && day >= 0 && day <= 6))].sort((a, b) => a - b);
  const time = TIME.exec(form.time.trim());
  const problems: FieldProblems = {
    ...(days.length === 0 ? { days: 'Pick at least one day of the week.' } : {}),
    ...(time === null ? { time: 'Pick a time of day, like 09:00.' } : {}),
  };
  if (time === null || days.length === 0) return { ok: false, problems };
  const [, hour = '0', minute = '0'] = time;
  return { ok: true, cron: `${Number(minute)} ${Number(hour)} * * ${days.length === 7 ? '*' : days.join(',')}` };
}

export function kindOfForm(form: RitualFormValues): RitualKind | undefined {
  return (RITUAL_KINDS as readonly string[]).includes(form.kind) ? (form.kind as RitualKind) : undefined;
}

/** The field a service's problem belongs beside, with the same sentence the slash command gives. */
export function placeProblem(problem: RitualProblem, builder: RitualFormValues['builder']): FieldProblems {
  const text = explainRitualProblem(problem);
  switch (problem.kind) {
    case 'bad-cron':
    case 'never-runs':
      return builder === 'cron' ? { cron: text } : { time: text };
    case 'bad-zone':
      return { zone: text };
    case 'prompt-needs-text':
      return { text: 'A prompt ritual posts your own words: please write them here.' };
    case 'unknown-ritual':
      return { form: `Ritual #${problem.id} was deleted while this form was open, so nothing was saved. Its list is on the Rituals page.` };
    default:
      return { form: text };
  }
}

/** A stored schedule as the form shows it: the builder when its cron is one the builder writes. */
export function formOfSchedule(schedule: Schedule): RitualFormValues {
  const parsed = parseCron(schedule.cron);
  const weekly =
    parsed.ok &&
    parsed.spec.hours.length === 1 &&
    parsed.spec.monthDays === 'any' &&
    parsed.spec.months.length === 12 &&
    (parsed.spec.weekDays === 'any' || parsed.spec.weekDays.every((day) => typeof day === 'number'));
  const spec = parsed.ok ? parsed.spec : undefined;
  const days = spec === undefined || spec.weekDays === 'any' ? [0, 1, 2, 3, 4, 5, 6] : spec.weekDays.map((day) => Number(day) % 7);
  return {
    kind: schedule.kind,
    channel: schedule.channelId,
    builder: weekly ? 'weekly' : 'cron',
    days: days.map(String),
    time: spec === undefined ? '' : `${String(spec.hours[0] ?? 0).padStart(2, '0')}:${String(spec.minutes[0] ?? 0).padStart(2, '0')}`,
    zone: schedule.timeZone,
    cron: schedule.cron,
    text: schedule.kind === 'prompt' ? schedule.promptText : '',
    thread: schedule.openThread ? 'on' : undefined,
    revision: String(schedule.revision),
  };
}

export function emptyRitualForm(zone: string): RitualFormValues {
  return { kind: 'poem', channel: '', builder: 'weekly', days: ['1'], time: '09:00', zone, cron: '0 9 * * 1', text: '', thread: 'on', revision: '' };
}
