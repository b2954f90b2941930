import { time, TimestampStyles } from 'discord.js';
import type { Course } from '../course.js';

const BAR_WIDTH = 10;

/** `▰▰▰▰▰▰▱▱▱▱ 2/3`: the same width for every course, so a list of them lines up. */
export function progressBar(done: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_WIDTH - filled)} ${done}/${total}`;
}

/** A date as Discord shows it to each reader, in their own time zone. */
export function discordDate(date: Date): string {
  return time(date, TimestampStyles.LongDate);
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

/** "today", "yesterday", "3 days ago": how long since, in whole days, for a picture (which can't show Discord's own timestamps). */
export function daysAgo(then: Date, now: Date): string {
  const days = Math.floor((now.getTime() - then.getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
