import { z } from 'zod';
import { translationsSchema } from '../i18n/content.js';
import { ProtocolId } from '../protocols/practice-link.js';

/**
 * A course as moderators write it (`data/courses/<id>.json`, or a file given to `/course import`).
 * The limits are Discord's, worked back to the places each text is shown: lesson text fills an
 * embed description, the reflection prompt an embed field, a lesson's title an autocomplete choice
 * (100 characters with its number), and ids a button's custom_id (100 characters for both).
 */

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const slug = (max: number, example: string) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(SLUG, `must be lowercase letters, digits and dashes, like ${example}`);

/** Stable for the life of a course: progress is stored against it. */
export const CourseId = slug(40, 'leading-equitable-schools');
export const LessonId = slug(40, 'prepare-your-soil');

/** Autocomplete offers at most 25 choices, so a course has at most 25 lessons. */
export const MAX_LESSONS = 25;

const ExperienceSchema = z.strictObject({
  /** What kind of experience: "Learning walk", "Design lab". */
  name: text(60),
  text: text(1000),
});

/** What members read of a lesson, the fields a translation may give in another language. */
const LessonWords = z.object({ title: text(80), text: text(2500), experience: ExperienceSchema, reflection: text(300) });

const LessonSchema = z.strictObject({
  id: LessonId,
  title: text(80),
  /** Roughly how long the lesson takes, shown to members. */
  minutes: z.int('must be a whole number of minutes').min(1, 'must be at least 1').max(240, 'must be at most 240').optional(),
  text: text(2500),
  /** Something to do in the member's own school alongside the lesson. */
  experience: ExperienceSchema.optional(),
  reflection: text(300),
  /** A protocol from `data/protocols/` to practise; `/course lesson` offers a button for it. */
  practice: z.strictObject({ protocol: ProtocolId }).optional(),
  /** The lesson in other languages (`{ "es": { "title": …, "text": … } }`), within the same limits. */
  translations: translationsSchema(LessonWords),
});

/** What members read of a course itself, the fields a translation may give in another language. */
const CourseWords = z.object({ title: text(80), summary: text(700), audience: text(300) });

export const CourseSchema = z
  .strictObject({
    id: CourseId,
    title: text(80),
    summary: text(700),
    audience: text(300),
    /** What the course calls its parts in messages: "Lesson 2 of 3" or "Session 2 of 5". */
    unit: z.enum(['lesson', 'session']).default('lesson'),
    /** `in-order`: a lesson can only be completed after the ones before it. */
    order: z.enum(['in-order', 'any-order']),
    lessons: z.array(LessonSchema).min(1, 'needs at least one lesson').max(MAX_LESSONS, `can have at most ${MAX_LESSONS} lessons`),
    /** The title, summary and audience in other languages; each lesson carries its own. */
    translations: translationsSchema(CourseWords),
  })
  // Runs even when other parts of the file have problems, so a moderator sees every problem at once;
  // the value may then be partly invalid, hence the defensive reading of each lesson's id.
  .superRefine(
    (course, ctx) => {
      const seen = new Map<string, number>();
      course.lessons.forEach((lesson: unknown, index) => {
        const id = typeof lesson === 'object' && lesson !== null && 'id' in lesson ? lesson.id : undefined;
        if (typeof id !== 'string') return;
        const first = seen.get(id);
        if (first === undefined) seen.set(id, index);
        else ctx.addIssue({ code: 'custom', path: ['lessons', index, 'id'], message: `"${id}" is already the id of lessons[${first}]; each lesson needs its own id` });
      });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && Array.isArray((payload.value as { lessons?: unknown }).lessons) },
  );

export type Course = z.output<typeof CourseSchema>;
export type Lesson = Course['lessons'][number];
