import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR } from '../content/community.js';
import { ContentError, loadContentFile, type ContentProblem, type ContentResult } from '../content/load.js';
import { CourseSchema, type Course } from './course.js';

export const COURSES_DIR = `${DATA_DIR}courses/`;

/** The courses that ship with the bot, by id: available in every server unless it retires one. */
export type ShippedCourses = ReadonlyMap<string, Course>;

/**
 * Loads every `data/courses/*.json`, one course a file, named after the course's id so a moderator
 * can find the file from an id in a report. All problems in all files are reported together.
 */
export async function loadCourses(dir: string = COURSES_DIR): Promise<ContentResult<ShippedCourses>> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  } catch (cause) {
    return { ok: false, error: new ContentError([{ file: dir, line: 1, column: 1, at: '', message: `the folder can't be read (${String(cause)})` }]) };
  }
  const problems: ContentProblem[] = [];
  const courses = new Map<string, Course>();
  for (const name of files) {
    const file = path.join(dir, name);
    const expected = name.slice(0, -'.json'.length);
    const named = CourseSchema.refine((course) => course.id === expected, {
      path: ['id'],
      message: `must match the file name: rename the file or make the id "${expected}"`,
    });
    const result = await loadContentFile(file, named);
    if (result.ok) courses.set(result.value.id, result.value);
    else problems.push(...result.error.problems);
  }
  if (problems.length > 0) return { ok: false, error: new ContentError(problems) };
  return { ok: true, value: courses };
}
