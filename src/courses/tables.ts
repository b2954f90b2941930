/**
 * What the courses feature keeps. Shipped courses live in `data/courses/` and are not stored; a
 * server's own courses (imported by moderators) are, as validated JSON. Progress is keyed by the
 * course's and lesson's stable ids, never by position, so editing a course keeps everyone's place.
 */

/** A course a moderator imported into one server. Re-importing the same id replaces it. */
export interface CourseImportsTable {
  guild_id: string;
  course_id: string;
  /** The course as JSON, exactly as it passed validation; validated again when read. */
  definition: string;
  imported_at: string;
  updated_at: string;
}

/** A course (shipped or imported) a server no longer offers: closed to new members. */
export interface CourseRetirementsTable {
  guild_id: string;
  course_id: string;
  retired_at: string;
}

/** Where shared reflections on a course are posted in a server. */
export interface CourseChannelsTable {
  guild_id: string;
  course_id: string;
  channel_id: string;
  updated_at: string;
}

export interface CourseEnrolmentsTable {
  guild_id: string;
  user_id: string;
  course_id: string;
  enrolled_at: string;
  /** Enrolling, opening a lesson or completing one; what nudges and reports call "last activity". */
  last_activity_at: string;
}

/** A lesson done: once per member, course and lesson (the primary key says so). */
export interface CourseCompletionsTable {
  guild_id: string;
  user_id: string;
  course_id: string;
  lesson_id: string;
  completed_at: string;
}

export type ReflectionVisibility = 'private' | 'shared';

/** What a member wrote when completing a lesson; private until they choose to share it. */
export interface CourseReflectionsTable {
  guild_id: string;
  user_id: string;
  course_id: string;
  lesson_id: string;
  body: string;
  visibility: ReflectionVisibility;
  written_at: string;
  shared_at: string | null;
  shared_channel_id: string | null;
  shared_message_id: string | null;
}

/** The last time a member was nudged about their courses in a server: at most once a week. */
export interface CourseNudgesTable {
  guild_id: string;
  user_id: string;
  nudged_at: string;
}

export interface CourseTables {
  course_imports: CourseImportsTable;
  course_retirements: CourseRetirementsTable;
  course_channels: CourseChannelsTable;
  course_enrolments: CourseEnrolmentsTable;
  course_completions: CourseCompletionsTable;
  course_reflections: CourseReflectionsTable;
  course_nudges: CourseNudgesTable;
}
