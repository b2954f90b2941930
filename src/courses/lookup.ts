import type { BotContext } from '../context.js';
import { fail, succeed } from '../outcome.js';
import { findCourse, loadCatalog, type Catalog, type CatalogEntry } from './catalog.js';
import { memberCourses, type MemberCourses } from './enrolments.js';
import type { CourseOutcome } from './problems.js';
import { progressOf } from './progress.js';

/** What finding a course needs: the database, the shipped courses, and a log for stale imports. */
export type LookupContext = Pick<BotContext, 'db' | 'content' | 'logger'>;

export async function catalogFor(ctx: LookupContext, guildId: string): Promise<Catalog> {
  const catalog = await loadCatalog(ctx.db, ctx.content.courses, guildId);
  if (catalog.unreadable.length > 0) ctx.logger.warn({ guild: guildId, courses: catalog.unreadable }, 'stored course imports no longer pass validation; they are hidden');
  return catalog;
}

export async function courseNamed(ctx: LookupContext, guildId: string, query: string): Promise<CourseOutcome<CatalogEntry>> {
  return findCourse(await catalogFor(ctx, guildId), query);
}

/** The course a member means, with everything about their courses (read once for both). */
export interface MemberCourse {
  readonly entry: CatalogEntry;
  readonly mine: MemberCourses;
}

/**
 * The course a member means: the one named, or, when they left the option empty, the only course
 * they are still working through.
 */
export async function memberCourse(ctx: LookupContext, guildId: string, userId: string, query: string | null): Promise<CourseOutcome<MemberCourse>> {
  const [catalog, mine] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, userId)]);
  if (query !== null) {
    const found = findCourse(catalog, query);
    return found.ok ? succeed({ entry: found.value, mine }) : found;
  }
  const joined = mine.enrolments.flatMap((enrolment) => catalog.entries.get(enrolment.courseId) ?? []);
  if (joined.length === 0) return fail({ kind: 'no-courses' });
  if (joined.length === 1 && joined[0] !== undefined) return succeed({ entry: joined[0], mine });
  const unfinished = joined.filter((entry) => progressOf(entry.course, mine.completions.get(entry.course.id) ?? []).next !== undefined);
  if (unfinished.length === 1 && unfinished[0] !== undefined) return succeed({ entry: unfinished[0], mine });
  return fail({ kind: 'which-course', courses: joined.map((entry) => entry.course) });
}
