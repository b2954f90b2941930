import { localize } from '../i18n/content.js';
import type { Reader } from '../i18n/locales.js';
import type { KnownProtocols } from './content.js';
import type { Course, Lesson } from './course.js';

/**
 * A course as `reader` reads it: its title, summary, audience and each lesson's words in the
 * first of the reader's languages the course file translates them into, else as written. Ids,
 * order and lessons stay the same, so it is only for showing; services keep the course as stored.
 */
export function courseAsRead(course: Course, reader: Reader): Course {
  return { ...localize(course, course.translations, reader).value, lessons: course.lessons.map((lesson) => lessonAsRead(lesson, reader)) };
}

export function lessonAsRead(lesson: Lesson, reader: Reader): Lesson {
  return localize(lesson, lesson.translations, reader).value;
}

/** The protocols lessons practise, named as `reader` reads them (for the practise button). */
export function protocolsAsRead(protocols: KnownProtocols, reader: Reader): KnownProtocols {
  return new Map([...protocols].map(([id, protocol]) => [id, { ...protocol, ...localize({ title: protocol.title }, protocol.translations, reader).value }]));
}

/** Every title something goes by: as written and in each translation, so a member may type any of them. */
export function titlesOf(item: { readonly title: string; readonly translations?: Readonly<Partial<Record<string, { readonly title?: string | undefined }>>> | undefined }): string[] {
  return [item.title, ...Object.values(item.translations ?? {}).flatMap((words) => (words?.title === undefined ? [] : [words.title]))];
}
