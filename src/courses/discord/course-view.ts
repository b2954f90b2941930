import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, MessageFlags, userMention, type InteractionReplyOptions } from 'discord.js';
import { COMPONENT_LIMITS, EMBED_LIMITS, fitFields, truncate } from '../../presentation/embed-fit.js';
import { practiseProtocol } from '../../protocols/practice-link.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { CatalogEntry } from '../catalog.js';
import type { KnownProtocols } from '../content.js';
import type { Course, Lesson } from '../course.js';
import type { LessonView } from '../enrolments.js';
import type { CourseProgress } from '../progress.js';
import { progressCard, type Picture, type TextMeasure } from '../../pictures/index.js';
import type { WeeklyStreak } from '../streak.js';
import { discordDate, progressBar, wholeDaysSince } from './format.js';
import { courseIds } from './custom-ids.js';
import type { CourseTranslate } from './voice.js';

/*
 * Every view takes the reader's words (`t`) and courses as they read them (`CourseVoice.read`):
 * titles, summaries and lessons already in their language where the course file translates them.
 */

/** Roots green, so course messages are recognisable at a glance. */
const COURSE_COLOUR = 0x3f8f5a;

export interface ListedCourse {
  readonly entry: CatalogEntry;
  /** The member's progress if they are in it. */
  readonly progress: CourseProgress | undefined;
}

function listedCourseField(t: CourseTranslate, { entry: { course }, progress }: ListedCourse): { name: string; value: string } {
  const title = inlineText(course.title);
  const name =
    progress === undefined
      ? title
      : progress.finishedAt !== undefined
        ? t('list.course-finished', { title })
        : t('list.course-joined', { title, done: progress.done, total: progress.total });
  const value = t('list.course-details', {
    summary: truncate(course.summary, 700),
    audience: course.audience,
    unit: course.unit,
    count: course.lessons.length,
    // ICU select keys can't hold a dash.
    order: course.order === 'in-order' ? 'ordered' : 'any',
  });
  return { name: truncate(name, EMBED_LIMITS.fieldName), value: truncate(value, EMBED_LIMITS.fieldValue) };
}

/**
 * One field a course, as many as fit in one embed (25, and 6,000 characters in all: long summaries
 * reach that sooner); the footer counts the rest, which `/course enroll` still finds.
 */
export function courseListEmbed(t: CourseTranslate, courses: readonly ListedCourse[]): EmbedBuilder {
  const title = t('list.title');
  const description = t('list.description');
  const more = (count: number) => t('list.more', { count });
  // Room is kept for the longest footer this list could need.
  const fields = fitFields({ title, description, footer: { text: more(courses.length) } }, courses.map((listed) => listedCourseField(t, listed)));
  const embed = new EmbedBuilder().setColor(COURSE_COLOUR).setTitle(title).setDescription(description).addFields(fields);
  if (courses.length > fields.length) embed.setFooter({ text: more(courses.length - fields.length) });
  return embed;
}

type Row = ActionRowBuilder<ButtonBuilder>;

/**
 * A lesson with what to do next: complete it, practise its protocol, or finish an earlier one first.
 * `protocols`, as the reader reads them, name the practise button; a protocol no longer shipped gets no button.
 */
export function lessonMessage(
  t: CourseTranslate,
  course: Course,
  view: Extract<LessonView, { kind: 'lesson' }>,
  protocols: KnownProtocols,
): { embeds: EmbedBuilder[]; components: Row[] } {
  const { number } = view.position;
  // The view's lessons come from the course as stored; the reader reads this one's translation.
  const lesson = course.lessons[number - 1] ?? view.position.lesson;
  const embed = new EmbedBuilder()
    .setColor(COURSE_COLOUR)
    .setAuthor({ name: truncate(course.title, EMBED_LIMITS.authorName) })
    .setTitle(truncate(t('lesson.title', { unit: course.unit, number, total: course.lessons.length, title: inlineText(lesson.title) }), EMBED_LIMITS.title))
    .setDescription(lesson.text);
  if (lesson.experience !== undefined) embed.addFields({ name: t('lesson.experience', { name: inlineText(lesson.experience.name) }), value: lesson.experience.text });
  embed.addFields({ name: t('lesson.reflect'), value: lesson.reflection });
  const blockedBy = view.blockedBy === undefined ? undefined : (course.lessons.find((each) => each.id === view.blockedBy?.id) ?? view.blockedBy);
  const status =
    view.completedAt !== undefined
      ? t('lesson.completed-on', { unit: course.unit, date: discordDate(view.completedAt) })
      : blockedBy !== undefined
        ? t('lesson.blocked', { first: inlineText(blockedBy.title) })
        : t('lesson.ready');
  embed.addFields({ name: t('lesson.progress'), value: `${progressBar(view.progress.done, view.progress.total)}\n${status}` });
  if (lesson.minutes !== undefined) embed.setFooter({ text: t('lesson.minutes', { minutes: lesson.minutes }) });

  const buttons: ButtonBuilder[] = [];
  if (view.completedAt === undefined && view.blockedBy === undefined) {
    buttons.push(new ButtonBuilder().setCustomId(courseIds.reflect.encode(course.id, lesson.id)).setLabel(t('lesson.complete-button')).setStyle(ButtonStyle.Primary));
  }
  const practice = lesson.practice === undefined ? undefined : protocols.get(lesson.practice.protocol);
  if (practice !== undefined) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(practiseProtocol.encode(practice.id))
        .setLabel(truncate(t('lesson.practise-button', { protocol: practice.title }), COMPONENT_LIMITS.buttonLabel))
        .setStyle(ButtonStyle.Secondary),
    );
  }
  return { embeds: [embed], components: buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] };
}

/** What `/course lesson`, `/course enroll` and "Open the next lesson" show, privately: a lesson, or the finish line. */
export function lessonReply(t: CourseTranslate, course: Course, view: LessonView, protocols: KnownProtocols, intro?: string): InteractionReplyOptions {
  const flags = MessageFlags.Ephemeral;
  if (view.kind === 'finished') {
    const finished = t('lesson.finished', { course: inlineText(course.title), unit: course.unit, total: view.progress.total });
    return { content: [intro, finished].filter(Boolean).join('\n\n'), flags };
  }
  return { ...(intro === undefined ? {} : { content: intro }), ...lessonMessage(t, course, view, protocols), flags };
}

export interface ProgressItem {
  readonly entry: CatalogEntry;
  readonly progress: CourseProgress;
  readonly streak: WeeklyStreak;
}

/** "Streak: 3 weeks in a row", with a nudge while this week has no lesson yet; nothing before the first week. */
function streakLine(t: CourseTranslate, course: Course, streak: WeeklyStreak): string | undefined {
  if (streak.weeks === 0) return undefined;
  return streak.thisWeek ? t('card.streak', { weeks: streak.weeks }) : t('card.streak-keep', { weeks: streak.weeks, unit: course.unit });
}

/** Courses still going first (what's next matters most), then finished ones; each in enrolment order. */
export function progressOrder(items: readonly ProgressItem[]): ProgressItem[] {
  return [...items.filter((item) => item.progress.next !== undefined), ...items.filter((item) => item.progress.next === undefined)];
}

/** A course's name as listed, marked when it no longer takes new members. */
function courseName(t: CourseTranslate, course: Course, retired: boolean): string {
  return retired ? t('course.retired', { title: course.title }) : course.title;
}

/**
 * The lesson a progress points at, as the reader reads it: progress is worked out on the course
 * as stored, so its lesson is looked up again, by position, in the course as read.
 */
function nextOf(course: Course, progress: CourseProgress): { readonly number: number; readonly lesson: Lesson } | undefined {
  if (progress.next === undefined) return undefined;
  return { number: progress.next.number, lesson: course.lessons[progress.next.number - 1] ?? progress.next.lesson };
}

export function progressEmbed(t: CourseTranslate, items: readonly ProgressItem[]): EmbedBuilder {
  const shown = progressOrder(items).slice(0, EMBED_LIMITS.fields);
  return new EmbedBuilder()
    .setColor(COURSE_COLOUR)
    .setTitle(t('progress.title'))
    .addFields(
      shown.map(({ entry: { course, retired }, progress, streak }) => {
        const coming = nextOf(course, progress);
        const next =
          coming === undefined
            ? progress.finishedAt === undefined
              ? t('progress.finished')
              : t('progress.finished-on', { date: discordDate(progress.finishedAt) })
            : t('progress.next', { unit: course.unit, number: coming.number, total: course.lessons.length, title: inlineText(coming.lesson.title) });
        return {
          name: truncate(inlineText(courseName(t, course, retired)), EMBED_LIMITS.fieldName),
          value: truncate([progressBar(progress.done, progress.total), next, streakLine(t, course, streak)].filter((line) => line !== undefined).join('\n'), EMBED_LIMITS.fieldValue),
        };
      }),
    )
    .setFooter({ text: t('progress.footer') });
}

function nextLessonButton(t: CourseTranslate, course: Course, progress: CourseProgress): ButtonBuilder | undefined {
  if (progress.next === undefined) return undefined;
  return new ButtonBuilder()
    .setCustomId(courseIds.open.encode(course.id, progress.next.lesson.id))
    .setLabel(t('lesson.open-next', { unit: course.unit }))
    .setStyle(ButtonStyle.Secondary);
}

/** The way on once a reflection is shared or kept: the next lesson, if there is one. */
export function nextLessonRow(t: CourseTranslate, course: Course, progress: CourseProgress): Row[] {
  const button = nextLessonButton(t, course, progress);
  return button === undefined ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(button)];
}

/** After the reflection modal: progress, the choice to share or not, and the way on. */
export function completedMessage(t: CourseTranslate, course: Course, lesson: Lesson, progress: CourseProgress): { content: string; components: Row[] } {
  const coming = nextOf(course, progress);
  const headline =
    coming === undefined
      ? t('completed.last', { lesson: inlineText(lesson.title), course: inlineText(course.title) })
      : t('completed.next', { lesson: inlineText(lesson.title), next: inlineText(coming.lesson.title) });
  const next = nextLessonButton(t, course, progress);
  const buttons = [
    new ButtonBuilder().setCustomId(courseIds.share.encode(course.id, lesson.id)).setLabel(t('completed.share-button')).setStyle(ButtonStyle.Primary),
    new ButtonBuilder().setCustomId(courseIds.keepPrivate.encode(course.id, lesson.id)).setLabel(t('completed.keep-button')).setStyle(ButtonStyle.Secondary),
    ...(next === undefined ? [] : [next]),
  ];
  return {
    content: [headline, progressBar(progress.done, progress.total), '', t('completed.share-question')].join('\n'),
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)],
  };
}

/**
 * A shared reflection as posted in the course channel: the member is named, never pinged. The text
 * goes in the message itself, not an embed, so it still shows where the bot lacks Embed Links; with
 * the schema's limits it stays under 1,600 characters, within Discord's 2,000.
 */
export function sharedReflectionMessage(t: CourseTranslate, course: Course, lesson: Lesson, userId: string, body: string): { content: string } {
  return { content: t('shared.post', { member: userMention(userId), lesson: inlineText(lesson.title), course: inlineText(course.title), prompt: lesson.reflection, body }) };
}

/** Discord shows at most ten files on a message: a card each for the first ten courses. */
const MAX_CARDS = 10;

/** Each course's progress card, in the embed's order: lessons done, the next one, the streak and the last activity. */
export function progressCards(t: CourseTranslate, items: readonly ProgressItem[], now: Date, measure: TextMeasure): Picture[] {
  return progressOrder(items)
    .slice(0, MAX_CARDS)
    .map(({ entry: { course, retired }, progress, streak }, index) => {
      const { unit } = course;
      const { done, total } = progress;
      const coming = nextOf(course, progress);
      const title = courseName(t, course, retired);
      const nextLine =
        coming === undefined
          ? t('card.finished', { unit, total })
          : t('card.next', { unit, number: coming.number, total: course.lessons.length, title: coming.lesson.title });
      const activityLine = progress.lastCompletedAt === undefined ? undefined : t('card.activity', { unit, days: wholeDaysSince(progress.lastCompletedAt, now) });
      const streakText = streakLine(t, course, streak);
      // Screen readers read the reader's language too, from whole sentences.
      const alt = [t('card.alt', { title, done, unit, total, share: total === 0 ? 0 : done / total }), nextLine, streakText, activityLine]
        .filter((line) => line !== undefined)
        .map((line) => (/[.!?]$/.test(line) ? line : `${line}.`))
        .join(' ');
      return progressCard(`course-progress-${index + 1}.png`, { title, done, total, percentText: t('card.percent', { share: total === 0 ? 0 : done / total }), doneLine: t('card.done', { done, unit, total }), nextLine, streakLine: streakText, activityLine, alt }, measure);
    });
}
