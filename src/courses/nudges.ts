import type { Db } from '../db/connection.js';
import type { Catalog } from './catalog.js';
import type { Course } from './course.js';
import type { Services } from './services.js';
import { progressOf, type CompletionRecord, type CourseProgress } from './progress.js';

/** A member is nudged at most once in this many days, however many courses they've paused. */
export const NUDGE_INTERVAL_DAYS = 7;
const DAY_MS = 86_400_000;
/** Keeps `where user_id in (…)` well under every database's bound-parameter limit. */
const IN_LIST_SIZE = 500;

export interface IdleCourse {
  readonly course: Course;
  readonly progress: CourseProgress;
  readonly lastActivityAt: Date;
}

export interface NudgePlan {
  /** Members to nudge now, each with the unfinished courses they have been away from. */
  readonly due: ReadonlyMap<string, readonly IdleCourse[]>;
  /** Idle members left alone because they were nudged less than a week ago. */
  readonly recentlyNudged: number;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Who is idle: enrolled in an unfinished course with no activity for over `idleDays`, and not
 * nudged in the last week. Reads only; `claimNudge` records each nudge as it goes out.
 */
export async function planNudges({ db, clock }: Services, guildId: string, catalog: Catalog, options: { idleDays: number; courseId?: string }): Promise<NudgePlan> {
  const now = clock.now().getTime();
  const idleBefore = new Date(now - options.idleDays * DAY_MS).toISOString();
  const nudgedSince = new Date(now - NUDGE_INTERVAL_DAYS * DAY_MS).toISOString();
  let query = db.selectFrom('course_enrolments').select(['user_id', 'course_id', 'last_activity_at']).where('guild_id', '=', guildId).where('last_activity_at', '<', idleBefore);
  if (options.courseId !== undefined) query = query.where('course_id', '=', options.courseId);
  const idle = (await query.orderBy('user_id').orderBy('course_id').execute()).filter((row) => catalog.entries.has(row.course_id));

  const users = [...new Set(idle.map((row) => row.user_id))];
  const completions = new Map<string, CompletionRecord[]>();
  const recent = new Set<string>();
  for (const ids of chunk(users, IN_LIST_SIZE)) {
    const [done, nudged] = await Promise.all([
      db.selectFrom('course_completions').select(['user_id', 'course_id', 'lesson_id', 'completed_at']).where('guild_id', '=', guildId).where('user_id', 'in', ids).execute(),
      db.selectFrom('course_nudges').select('user_id').where('guild_id', '=', guildId).where('user_id', 'in', ids).where('nudged_at', '>', nudgedSince).execute(),
    ]);
    for (const row of done) {
      const key = `${row.user_id}/${row.course_id}`;
      const list = completions.get(key) ?? [];
      list.push({ lessonId: row.lesson_id, completedAt: new Date(row.completed_at) });
      completions.set(key, list);
    }
    for (const row of nudged) recent.add(row.user_id);
  }

  const due = new Map<string, IdleCourse[]>();
  const skipped = new Set<string>();
  for (const row of idle) {
    const course = catalog.entries.get(row.course_id)?.course;
    if (course === undefined) continue;
    const progress = progressOf(course, completions.get(`${row.user_id}/${row.course_id}`) ?? []);
    if (progress.finishedAt !== undefined) continue;
    if (recent.has(row.user_id)) {
      skipped.add(row.user_id);
      continue;
    }
    const list = due.get(row.user_id) ?? [];
    list.push({ course, progress, lastActivityAt: new Date(row.last_activity_at) });
    due.set(row.user_id, list);
  }
  return { due, recentlyNudged: skipped.size };
}

/**
 * Records a nudge for a member unless one went out in the last week: true means send it. Checked
 * again here, in a transaction, so two moderators nudging at once never reach a member twice.
 */
export async function claimNudge({ db, clock }: Services, guildId: string, userId: string): Promise<boolean> {
  const now = clock.now();
  const nudgedSince = new Date(now.getTime() - NUDGE_INTERVAL_DAYS * DAY_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('course_nudges').select('nudged_at').where('guild_id', '=', guildId).where('user_id', '=', userId).executeTakeFirst();
    if (last !== undefined && last.nudged_at > nudgedSince) return false;
    await trx
      .insertInto('course_nudges')
      .values({ guild_id: guildId, user_id: userId, nudged_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['guild_id', 'user_id']).doUpdateSet({ nudged_at: now.toISOString() }))
      .execute();
    return true;
  });
}

/**
 * Undoes a claim whose DM never went out (Discord asked to wait), so a later run reaches the
 * member. The claim replaced any earlier nudge, which was over a week old: forgetting it changes
 * nothing the weekly limit checks.
 */
export async function releaseNudge(db: Db, guildId: string, userId: string): Promise<void> {
  await db.transaction().execute((trx) => trx.deleteFrom('course_nudges').where('guild_id', '=', guildId).where('user_id', '=', userId).execute());
}
