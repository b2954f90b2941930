import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, MessageFlags, type InteractionReplyOptions } from 'discord.js';
import { COMPONENT_LIMITS, EMBED_LIMITS, fitFields, truncate } from '../../presentation/embed-fit.js';
import { practiseProtocol } from '../../protocols/practice-link.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { CatalogEntry } from '../catalog.js';
import type { KnownProtocols } from '../content.js';
import type { Course, Lesson } from '../course.js';
import type { LessonView } from '../enrolments.js';
import type { CourseProgress } from '../progress.js';
import type { WeeklyStreak } from '../streak.js';
import { progressCard, type Picture, type TextMeasure } from '../../pictures/index.js';
import { daysAgo, discordDate, plural, positionLabel, progressBar, unitOf } from './format.js';
import { courseIds } from './custom-ids.js';

/** Roots green, so course messages are recognisable at a glance. */
const COURSE_COLOUR = 0x3f8f5a;

export interface ListedCourse {
  readonly entry: CatalogEntry;
  /** The member's progress if they are in it. */
  readonly progress: CourseProgress | undefined;
}

function listedCourseField({ entry: { course }, progress }: ListedCourse): { name: string; value: string } {
  const status = progress === undefined ? '' : progress.finishedAt !== undefined ? ' · ✓ finished' : ` · you're in it (${progress.done}/${progress.total})`;
  const shape = `${plural(course.lessons.length, course.unit)}${course.order === 'in-order' ? ', taken in order' : ', in any order'}`;
  const value = `${truncate(course.summary, 700)}\n**For:** ${course.audience}\n**Shape:** ${shape}`;
  return { name: truncate(`${inlineText(course.title)}${status}`, EMBED_LIMITS.fieldName), value: truncate(value, EMBED_LIMITS.fieldValue) };
}

/**
 * One field a course, as many as fit in one embed (25, and 6,000 characters in all: long summaries
 * reach that sooner); the footer counts the rest, which `/course enroll` still finds.
 */
export function courseListEmbed(courses: readonly ListedCourse[]): EmbedBuilder {
  const title = 'Courses you can take';
  const description = 'Take them at your own pace; I keep your place. Join one with `/course enroll`.';
  const more = (n: number) => `And ${n} more; type in /course enroll to find them.`;
  // Room is kept for the longest footer this list could need.
  const fields = fitFields({ title, description, footer: { text: more(courses.length) } }, courses.map(listedCourseField));
  const embed = new EmbedBuilder().setColor(COURSE_COLOUR).setTitle(title).setDescription(description).addFields(fields);
  if (courses.length > fields.length) embed.setFooter({ text: more(courses.length - fields.length) });
  return embed;
}

type Row = ActionRowBuilder<ButtonBuilder>;

/**
 * A lesson with what to do next: complete it, practise its protocol, or finish an earlier one first.
 * `protocols` names the practise button; a protocol no longer shipped gets no button.
 */
export function lessonMessage(course: Course, view: Extract<LessonView, { kind: 'lesson' }>, protocols: KnownProtocols): { embeds: EmbedBuilder[]; components: Row[] } {
  const { lesson, number } = view.position;
  const embed = new EmbedBuilder()
    .setColor(COURSE_COLOUR)
    .setAuthor({ name: truncate(course.title, EMBED_LIMITS.authorName) })
    .setTitle(truncate(`${positionLabel(course, number)} · ${inlineText(lesson.title)}`, EMBED_LIMITS.title))
    .setDescription(lesson.text);
  if (lesson.experience !== undefined) embed.addFields({ name: `In your school: ${inlineText(lesson.experience.name)}`, value: lesson.experience.text });
  embed.addFields({ name: 'Reflect', value: lesson.reflection });
  const status =
    view.completedAt !== undefined
      ? `✓ You completed this ${unitOf(course)} on ${discordDate(view.completedAt)}.`
      : view.blockedBy !== undefined
        ? `This course is taken in order: complete **${inlineText(view.blockedBy.title)}** first, then come back here.`
        : `When you're ready, press **Complete & reflect** to note what you noticed.`;
  embed.addFields({ name: 'Your progress', value: `${progressBar(view.progress.done, view.progress.total)}\n${status}` });
  if (lesson.minutes !== undefined) embed.setFooter({ text: `About ${lesson.minutes} minutes` });

  const buttons: ButtonBuilder[] = [];
  if (view.completedAt === undefined && view.blockedBy === undefined) {
    buttons.push(new ButtonBuilder().setCustomId(courseIds.reflect.encode(course.id, lesson.id)).setLabel('Complete & reflect').setStyle(ButtonStyle.Primary));
  }
  const practice = lesson.practice === undefined ? undefined : protocols.get(lesson.practice.protocol);
  if (practice !== undefined) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(practiseProtocol.encode(practice.id))
        .setLabel(truncate(`Practise ${practice.title}`, COMPONENT_LIMITS.buttonLabel))
        .setStyle(ButtonStyle.Secondary),
    );
  }
  return { embeds: [embed], components: buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] };
}

function finishedMessage(course: Course, progress: CourseProgress): string {
  return `You've finished **${inlineText(course.title)}**: all ${plural(progress.total, course.unit)} done 🎉 To revisit one, pick it in the \`lesson\` option.`;
}

/** What `/course lesson`, `/course enroll` and "Open the next lesson" show, privately: a lesson, or the finish line. */
export function lessonReply(course: Course, view: LessonView, protocols: KnownProtocols, intro?: string): InteractionReplyOptions {
  const flags = MessageFlags.Ephemeral;
  if (view.kind === 'finished') return { content: [intro, finishedMessage(course, view.progress)].filter(Boolean).join('\n\n'), flags };
  return { ...(intro === undefined ? {} : { content: intro }), ...lessonMessage(course, view, protocols), flags };
}

export interface ProgressItem {
  readonly entry: CatalogEntry;
  readonly progress: CourseProgress;
  readonly streak: WeeklyStreak;
}

/** "Streak: 3 weeks in a row · a lesson this week keeps it going"; nothing before the first week. */
export function streakLine(course: Course, streak: WeeklyStreak): string | undefined {
  if (streak.weeks === 0) return undefined;
  const kept = streak.thisWeek ? '' : ` · a ${unitOf(course)} this week keeps it going`;
  return `Streak: ${plural(streak.weeks, 'week')}${streak.weeks === 1 ? '' : ' in a row'}${kept}`;
}

/** Courses still going first (what's next matters most), then finished ones; each in enrolment order. */
export function progressOrder(items: readonly ProgressItem[]): ProgressItem[] {
  return [...items.filter((item) => item.progress.next !== undefined), ...items.filter((item) => item.progress.next === undefined)];
}

export function progressEmbed(items: readonly ProgressItem[]): EmbedBuilder {
  const shown = progressOrder(items).slice(0, EMBED_LIMITS.fields);
  return new EmbedBuilder()
    .setColor(COURSE_COLOUR)
    .setTitle('Your courses')
    .addFields(
      shown.map(({ entry: { course, retired }, progress, streak }) => {
        const next =
          progress.next === undefined
            ? `Finished${progress.finishedAt === undefined ? '' : ` on ${discordDate(progress.finishedAt)}`} 🎉`
            : `Next: ${positionLabel(course, progress.next.number)} · **${inlineText(progress.next.lesson.title)}**`;
        return {
          name: truncate(`${inlineText(course.title)}${retired ? ' (retired)' : ''}`, EMBED_LIMITS.fieldName),
          value: truncate([progressBar(progress.done, progress.total), next, streakLine(course, streak)].filter(Boolean).join('\n'), EMBED_LIMITS.fieldValue),
        };
      }),
    )
    .setFooter({ text: '/course lesson picks up where you left off.' });
}

function nextLessonButton(course: Course, progress: CourseProgress): ButtonBuilder | undefined {
  if (progress.next === undefined) return undefined;
  return new ButtonBuilder()
    .setCustomId(courseIds.open.encode(course.id, progress.next.lesson.id))
    .setLabel(`Open the next ${unitOf(course)}`)
    .setStyle(ButtonStyle.Secondary);
}

/** The way on once a reflection is shared or kept: the next lesson, if there is one. */
export function nextLessonRow(course: Course, progress: CourseProgress): Row[] {
  const button = nextLessonButton(course, progress);
  return button === undefined ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(button)];
}

/** After the reflection modal: progress, the choice to share or not, and the way on. */
export function completedMessage(course: Course, lesson: Lesson, progress: CourseProgress): { content: string; components: Row[] } {
  const headline =
    progress.next === undefined
      ? `**${inlineText(lesson.title)}** is complete, and that was the last one: you've finished **${inlineText(course.title)}** 🎉`
      : `**${inlineText(lesson.title)}** is complete. Next up: **${inlineText(progress.next.lesson.title)}**.`;
  const next = nextLessonButton(course, progress);
  const buttons = [
    new ButtonBuilder().setCustomId(courseIds.share.encode(course.id, lesson.id)).setLabel('Share with the course channel').setStyle(ButtonStyle.Primary),
    new ButtonBuilder().setCustomId(courseIds.keepPrivate.encode(course.id, lesson.id)).setLabel('Keep it private').setStyle(ButtonStyle.Secondary),
    ...(next === undefined ? [] : [next]),
  ];
  return {
    content: `${headline}\n${progressBar(progress.done, progress.total)}\n\nYour reflection is saved privately. Would you like to share it with the course channel? Nobody gets pinged.`,
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)],
  };
}

/**
 * A shared reflection as posted in the course channel: the member is named, never pinged. The text
 * goes in the message itself, not an embed, so it still shows where the bot lacks Embed Links; with
 * the schema's limits it stays under 1,600 characters, within Discord's 2,000.
 */
export function sharedReflectionMessage(course: Course, lesson: Lesson, userId: string, body: string): { content: string } {
  return { content: `<@${userId}> shared a reflection on **${inlineText(lesson.title)}** from *${inlineText(course.title)}*:\n>>> *${lesson.reflection}*\n\n${body}` };
}

/** Discord shows at most ten files on a message: a card each for the first ten courses. */
const MAX_CARDS = 10;

/** Each course's progress card, in the embed's order: lessons done, the next one, the streak and the last activity. */
export function progressCards(items: readonly ProgressItem[], now: Date, measure: TextMeasure): Picture[] {
  return progressOrder(items)
    .slice(0, MAX_CARDS)
    .map(({ entry: { course, retired }, progress, streak }, index) =>
      progressCard(
        `course-progress-${index + 1}.png`,
        {
          title: `${course.title}${retired ? ' (retired)' : ''}`,
          done: progress.done,
          total: progress.total,
          doneLine: `${progress.done} of ${plural(progress.total, course.unit)} done`,
          nextLine:
            progress.next === undefined
              ? `Finished: all ${plural(progress.total, course.unit)} done`
              : `Next: ${positionLabel(course, progress.next.number)} · ${progress.next.lesson.title}`,
          streakLine: streakLine(course, streak),
          activityLine: progress.lastCompletedAt === undefined ? undefined : `Last ${course.unit} done ${daysAgo(progress.lastCompletedAt, now)}`,
        },
        measure,
      ),
    );
}
