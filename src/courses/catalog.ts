import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import type { ShippedCourses } from './content.js';
import { CourseSchema, type Course } from './course.js';
import type { CourseOutcome } from './problems.js';
import type { Services } from './services.js';
import { titlesOf } from './translation.js';

export interface CatalogEntry {
  readonly course: Course;
  readonly source: 'shipped' | 'imported';
  /** Closed to new members; those already in it can still finish. */
  readonly retired: boolean;
}

/** The courses one server sees: shipped ones and its own imports, with its retirements applied. */
export interface Catalog {
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** Ids of stored imports that no longer pass validation (the schema changed since): left out. */
  readonly unreadable: readonly string[];
}

export async function loadCatalog(db: Db, shipped: ShippedCourses, guildId: string): Promise<Catalog> {
  const [imports, retirements] = await Promise.all([
    db.selectFrom('course_imports').select(['course_id', 'definition']).where('guild_id', '=', guildId).execute(),
    db.selectFrom('course_retirements').select('course_id').where('guild_id', '=', guildId).execute(),
  ]);
  const retired = new Set(retirements.map((r) => r.course_id));
  const entries = new Map<string, CatalogEntry>();
  for (const course of shipped.values()) entries.set(course.id, { course, source: 'shipped', retired: retired.has(course.id) });
  const unreadable: string[] = [];
  for (const row of imports) {
    const course = parseStoredCourse(row.definition);
    // An import never takes a shipped id (the import checks), so this only guards old rows.
    if (course === undefined || entries.has(course.id)) unreadable.push(row.course_id);
    else entries.set(course.id, { course, source: 'imported', retired: retired.has(course.id) });
  }
  return { entries, unreadable };
}

/** A stored import, validated again on the way out; undefined if it no longer passes. */
export function parseStoredCourse(definition: string): Course | undefined {
  try {
    const parsed = CourseSchema.safeParse(JSON.parse(definition));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Courses members can join, in title order. */
export function openCourses(catalog: Catalog): CatalogEntry[] {
  return [...catalog.entries.values()].filter((entry) => !entry.retired).sort((a, b) => a.course.title.localeCompare(b.course.title));
}

/** By id (what autocomplete sends) or by exact title, in any language it has (what a member may type instead). */
export function findCourse(catalog: Catalog, query: string): CourseOutcome<CatalogEntry> {
  const wanted = query.trim().toLowerCase();
  const entry = catalog.entries.get(wanted) ?? [...catalog.entries.values()].find((e) => titlesOf(e.course).some((title) => title.toLowerCase() === wanted));
  return entry === undefined ? fail({ kind: 'unknown-course', query }) : succeed(entry);
}

/** The course, if it still takes new members: what a moderator can retire. */
export function checkRetirable(entry: CatalogEntry): CourseOutcome<Course> {
  return entry.retired ? fail({ kind: 'already-retired', course: entry.course }) : succeed(entry.course);
}

/** {@link retireCourse}, as an outcome: a course retired since the question was asked is a problem. */
export async function retire(services: Services, guildId: string, course: Course): Promise<CourseOutcome<Course>> {
  return (await retireCourse(services, guildId, course.id)) ? succeed(course) : fail({ kind: 'already-retired', course });
}

/** Closes a course to new members in one server. False if it was already retired. */
export async function retireCourse({ db, clock }: Services, guildId: string, courseId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('course_retirements')
      .values({ guild_id: guildId, course_id: courseId, retired_at: clock.now().toISOString() })
      .onConflict((conflict) => conflict.columns(['guild_id', 'course_id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  });
}
