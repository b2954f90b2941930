import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR } from '../content/community.js';
import { ContentError, loadContentDir, problemAt, type ContentProblem, type ContentResult } from '../content/load.js';
import type { Translations } from '../i18n/content.js';
import { CourseSchema, type Course } from './course.js';

export const COURSES_DIR = `${DATA_DIR}courses/`;

/** The courses that ship with the bot, by id: available in every server unless it retires one. */
export type ShippedCourses = ReadonlyMap<string, Course>;

/**
 * The protocols a lesson may name to practise, by id: what courses need of the protocols feature's
 * catalogue. Their titles' translations name the practise button in the member's language.
 */
export type KnownProtocols = ReadonlyMap<string, KnownProtocol>;
export interface KnownProtocol {
  readonly id: string;
  readonly title: string;
  readonly translations?: Translations<{ readonly title: string }> | undefined;
}

/** A course file must carry its own name as its id. */
const namedCourse = (expected: string) =>
  CourseSchema.refine((course) => course.id === expected, {
    path: ['id'],
    message: `must match the file name: rename the file or make the id "${expected}"`,
  });

/**
 * Loads every `data/courses/*.json`, one course a file, named after the course's id so a moderator
 * can find the file from an id in a report. All problems in all files are reported together.
 */
export async function loadCourses(dir: string = COURSES_DIR): Promise<ContentResult<ShippedCourses>> {
  const { entries, problems } = await loadContentDir(dir, namedCourse);
  if (problems.length > 0) return { ok: false, error: new ContentError(problems) };
  return { ok: true, value: new Map(entries.map(({ value }) => [value.id, value])) };
}

/**
 * Lessons that name a protocol to practise which doesn't exist, as problems in `file` (whose text
 * is `text`): the practise button would lead nowhere. Checked for shipped courses at start-up, once
 * every loader has run, and for each import.
 */
export function unknownPractice(file: string, text: string, course: Course, protocols: KnownProtocols): ContentProblem[] {
  const known = [...protocols.keys()].sort().join(', ');
  return course.lessons.flatMap((lesson, index) => {
    const id = lesson.practice?.protocol;
    if (id === undefined || protocols.has(id)) return [];
    return [problemAt(file, text, ['lessons', index, 'practice', 'protocol'], `there is no protocol "${id}"; the protocols are ${known}`)];
  });
}

/** {@link unknownPractice} for the shipped courses, read again from `dir` to point at their lines. */
export async function shippedPracticeProblems(courses: ShippedCourses, protocols: KnownProtocols, dir: string = COURSES_DIR): Promise<ContentProblem[]> {
  const problems = await Promise.all(
    [...courses.values()].map(async (course) => {
      if (course.lessons.every((lesson) => lesson.practice === undefined || protocols.has(lesson.practice.protocol))) return [];
      const file = path.join(dir, `${course.id}.json`);
      // Read moments ago by the loader; without it the problems still name the file, at its top.
      const text = await readFile(file, 'utf8').catch(() => '');
      return unknownPractice(file, text, course, protocols);
    }),
  );
  return problems.flat();
}
