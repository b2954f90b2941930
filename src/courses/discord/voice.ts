import type { BaseInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { Reader } from '../../i18n/locales.js';
import { readerOf } from '../../interactions/reader.js';
import type { Course, Lesson } from '../course.js';
import type { CourseOutcome } from '../problems.js';
import type { KnownProtocols } from '../content.js';
import { courseAsRead, lessonAsRead, protocolsAsRead } from '../translation.js';
import { orExplain } from './explain.js';
import { courseMessages, type CourseMessageKey } from './messages.js';

export type CourseTranslate = Translate<CourseMessageKey>;

/** Everything a course handler needs to speak to one reader: the words, the courses, the problems. */
export interface CourseVoice {
  readonly reader: Reader;
  readonly t: CourseTranslate;
  /** A course as this reader reads it (translated where its file is); for showing, never for services. */
  readonly read: (course: Course) => Course;
  readonly readLesson: (lesson: Lesson) => Lesson;
  /** The protocols lessons practise, their titles in this reader's language. */
  readonly readProtocols: (protocols: KnownProtocols) => KnownProtocols;
  /** The outcome's value, or its problem explained to this reader (`orExplain(await enrol(...))`). */
  readonly orExplain: <T>(outcome: CourseOutcome<T>) => T;
}

export function courseVoice(reader: Reader): CourseVoice {
  return {
    reader,
    t: courseMessages.for(reader),
    read: (course) => courseAsRead(course, reader),
    readLesson: (lesson) => lessonAsRead(lesson, reader),
    readProtocols: (protocols) => protocolsAsRead(protocols, reader),
    orExplain: (outcome) => orExplain(outcome, reader),
  };
}

/** How to answer a member privately: in their Discord's language, then the server's, then English. */
export async function voiceOf(interaction: BaseInteraction, ctx: Pick<BotContext, 'db'>): Promise<CourseVoice> {
  return courseVoice(await readerOf(interaction, ctx));
}
