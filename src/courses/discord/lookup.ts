import type { BaseInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import { UserFacingError } from '../../interactions/errors.js';
import { fail, type Outcome } from '../../outcome.js';
import { findCourse, loadCatalog, type Catalog, type CatalogEntry } from '../catalog.js';
import { memberCourses, type MemberCourses } from '../enrolments.js';
import type { ImportProblem } from '../imports.js';
import type { CourseProblem } from '../problems.js';
import { progressOf } from '../progress.js';
import { explainProblem } from '../present/problems.js';

/** Course commands and buttons work in servers only: each server keeps its own courses and progress. */
export function guildIdOf(interaction: BaseInteraction): string {
  if (!interaction.inGuild()) throw new UserFacingError('Courses live in a server, so please use this there.');
  return interaction.guildId;
}

/** A problem becomes the member's answer (through the router's safety net); a value goes on. */
export function must<T>(outcome: Outcome<T, CourseProblem | ImportProblem>): T {
  if (!outcome.ok) throw new UserFacingError(explainProblem(outcome.problem));
  return outcome.value;
}

export async function catalogFor(ctx: BotContext, guildId: string): Promise<Catalog> {
  const catalog = await loadCatalog(ctx.db, ctx.content.courses, guildId);
  if (catalog.unreadable.length > 0) ctx.logger.warn({ guild: guildId, courses: catalog.unreadable }, 'stored course imports no longer pass validation; they are hidden');
  return catalog;
}

export async function courseNamed(ctx: BotContext, guildId: string, query: string): Promise<CatalogEntry> {
  return must(findCourse(await catalogFor(ctx, guildId), query));
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
export async function memberCourse(ctx: BotContext, guildId: string, userId: string, query: string | null): Promise<MemberCourse> {
  const [catalog, mine] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, userId)]);
  if (query !== null) return { entry: must(findCourse(catalog, query)), mine };
  const joined = mine.enrolments.flatMap((enrolment) => catalog.entries.get(enrolment.courseId) ?? []);
  if (joined.length === 0) return must(fail({ kind: 'no-courses' }));
  if (joined.length === 1 && joined[0] !== undefined) return { entry: joined[0], mine };
  const unfinished = joined.filter((entry) => progressOf(entry.course, mine.completions.get(entry.course.id) ?? []).next !== undefined);
  if (unfinished.length === 1 && unfinished[0] !== undefined) return { entry: unfinished[0], mine };
  return must(fail({ kind: 'which-course', courses: joined.map((entry) => entry.course) }));
}
