import type { Course } from '../course.js';

const BAR_WIDTH = 10;

/** `▰▰▰▰▰▰▱▱▱▱ 2/3`: the same width for every course, so a list of them lines up. */
export function progressBar(done: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_WIDTH - filled)} ${done}/${total}`;
}

/** A date as Discord shows it to each reader, in their own time zone. */
export function discordDate(iso: string): string {
  return `<t:${Math.floor(Date.parse(iso) / 1000)}:D>`;
}

/** "lesson" or "session", as the course calls its parts. */
export function unitOf(course: Course, count = 1): string {
  return count === 1 ? course.unit : `${course.unit}s`;
}

/** "Lesson 2 of 3" */
export function positionLabel(course: Course, number: number): string {
  const unit = course.unit.charAt(0).toUpperCase() + course.unit.slice(1);
  return `${unit} ${number} of ${course.lessons.length}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Cuts text to fit a Discord limit, ending with an ellipsis when it had to cut. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * A protocol's name from its id (`change-the-discourse` → "Change the Discourse") for the practise
 * button, so a lesson names a protocol by id alone.
 */
export function protocolName(id: string): string {
  return id
    .split('-')
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
