import { stringify } from 'csv-stringify/sync';
import type { Course } from '../course.js';
import type { ReportRow } from '../report.js';
import type { CourseMessageKey } from './messages.js';
import type { CourseTranslate } from './voice.js';

/**
 * The columns of `/course report`'s CSV, documented for moderators: `member` is the name shown in
 * the server when the report was made, `member_id` the Discord id (stable if they rename),
 * timestamps are ISO-8601 UTC, and `finished_at` is empty until every current lesson is done.
 * Headers are in the moderator's language (`member`, `miembro`); the values are not words.
 */
export const REPORT_COLUMNS = [
  'report.column.member',
  'report.column.member-id',
  'report.column.enrolled-at',
  'report.column.lessons-done',
  'report.column.lessons-total',
  'report.column.last-activity',
  'report.column.finished-at',
] as const satisfies readonly CourseMessageKey[];

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or return) as a formula; a display name
 * like `=HYPERLINK(…)` must stay text, so such names get a leading apostrophe (OWASP's advice).
 */
function asText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function reportCsv(t: CourseTranslate, rows: readonly ReportRow[], names: ReadonlyMap<string, string>): string {
  return stringify(
    rows.map((row) => [
      asText(names.get(row.userId) ?? ''),
      row.userId,
      row.enrolledAt.toISOString(),
      row.lessonsDone,
      row.lessonsTotal,
      row.lastActivityAt.toISOString(),
      row.finishedAt?.toISOString() ?? '',
    ]),
    { header: true, columns: REPORT_COLUMNS.map((key) => t(key)), eof: true },
  );
}

/** `course-report-<course id>-<UTC date>.csv`: what `/course report` attaches and the dashboard downloads. */
export function reportFileName(course: Pick<Course, 'id'>, now: Date): string {
  return `course-report-${course.id}-${now.toISOString().slice(0, 10)}.csv`;
}
