import type { BotContext } from '../context.js';
import { parseContent } from '../content/load.js';
import { fail, succeed } from '../outcome.js';
import { parseStoredCourse } from './catalog.js';
import { unknownPractice, type KnownProtocols, type ShippedCourses } from './content.js';
import { CourseSchema, type Course } from './course.js';
import type { CourseOutcome } from './problems.js';
import { countEnrolled } from './enrolments.js';
import type { Services } from './services.js';

/** Far above any real course (the schema caps a course near 100 kB of text) and far below memory trouble. */
export const IMPORT_MAX_BYTES = 200_000;

/**
 * How deep brackets may nest in a course file. A course goes four levels deep (course, lessons, a
 * lesson, its experience); the room above that is for mistakes the validation should point at.
 */
export const MAX_NESTING = 20;

/** What can be told from the attachment before downloading it. */
export function checkImportAttachment(file: { readonly name: string; readonly size: number }): CourseOutcome<null> {
  if (!file.name.toLowerCase().endsWith('.json')) return fail({ kind: 'not-json', filename: file.name });
  if (file.size > IMPORT_MAX_BYTES) return fail({ kind: 'too-large', size: file.size, limit: IMPORT_MAX_BYTES });
  return succeed(null);
}

/** A downloaded course file as text; anything but UTF-8 would import with its letters garbled. */
export function decodeCourseFile(filename: string, bytes: Uint8Array): CourseOutcome<string> {
  try {
    return succeed(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail({ kind: 'not-utf8', filename });
  }
}

/**
 * Whether brackets nest deeper than `limit` anywhere in `text`, counted outside strings. Checked
 * before parsing: a parser that recurses would run out of stack on a file nested 10,000 deep.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === '}' || char === ']') {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Validates a course file exactly as `data/courses/` is validated at start-up, with problems
 * pointing at the file's lines: its lessons may only practise protocols that exist. A server's
 * course can't take the id of a shipped one.
 */
export function validateCourseFile(filename: string, text: string, shipped: ShippedCourses, protocols: KnownProtocols): CourseOutcome<Course> {
  if (nestsDeeperThan(text, MAX_NESTING)) return fail({ kind: 'too-deep', limit: MAX_NESTING });
  const parsed = parseContent(filename, text, CourseSchema);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error.problems });
  const unknown = unknownPractice(filename, text, parsed.value, protocols);
  if (unknown.length > 0) return fail({ kind: 'invalid', problems: unknown });
  const clash = shipped.get(parsed.value.id);
  if (clash !== undefined) return fail({ kind: 'shipped-id', course: clash });
  return succeed(parsed.value);
}

export interface Imported {
  readonly course: Course;
  /** The version it replaced, if the server had imported this id before. */
  readonly previous: Course | undefined;
  /** Lesson ids in the previous version that the new one no longer has. */
  readonly removedLessonIds: readonly string[];
}

/**
 * Stores a validated course for one server, replacing an earlier import of the same id; members'
 * progress carries over by lesson id. Importing also brings back a course that was retired.
 */
export async function saveImportedCourse({ db, clock }: Services, guildId: string, course: Course): Promise<Imported> {
  const now = clock.now().toISOString();
  const definition = JSON.stringify(course);
  return db.transaction().execute(async (trx) => {
    const earlier = await trx.selectFrom('course_imports').select('definition').where('guild_id', '=', guildId).where('course_id', '=', course.id).executeTakeFirst();
    await trx
      .insertInto('course_imports')
      .values({ guild_id: guildId, course_id: course.id, definition, imported_at: now, updated_at: now })
      .onConflict((conflict) => conflict.columns(['guild_id', 'course_id']).doUpdateSet({ definition, updated_at: now }))
      .execute();
    await trx.deleteFrom('course_retirements').where('guild_id', '=', guildId).where('course_id', '=', course.id).execute();
    const previous = earlier === undefined ? undefined : parseStoredCourse(earlier.definition);
    const kept = new Set(course.lessons.map((lesson) => lesson.id));
    return { course, previous, removedLessonIds: (previous?.lessons ?? []).map((lesson) => lesson.id).filter((id) => !kept.has(id)) };
  });
}

/** What an import came to: the course stored, and how many members were already in an earlier version. */
export interface ImportResult {
  readonly imported: Imported;
  /** Members enrolled in the version it replaced (0 for a new course). */
  readonly enrolled: number;
}

export type ImportServices = Services & { readonly courses: ShippedCourses; readonly protocols: KnownProtocols };

/** What importing needs from the bot's context: its database, clock, and the shipped courses and protocols to check against. */
export function importServices(ctx: Pick<BotContext, 'db' | 'clock' | 'content'>): ImportServices {
  return { db: ctx.db, clock: ctx.clock, courses: ctx.content.courses, protocols: ctx.content.protocols };
}

/**
 * A course file's text, validated and stored for one server: what `/course import` and the
 * dashboard's upload both do once they hold the file's text.
 */
export async function importCourseText(
  services: ImportServices,
  guildId: string,
  filename: string,
  text: string,
): Promise<CourseOutcome<ImportResult>> {
  const course = validateCourseFile(filename, text, services.courses, services.protocols);
  if (!course.ok) return course;
  const imported = await saveImportedCourse(services, guildId, course.value);
  const enrolled = imported.previous === undefined ? 0 : await countEnrolled(services.db, guildId, course.value.id);
  return succeed({ imported, enrolled });
}
