import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { InServer } from '../../interactions/handlers.js';
import { AUTOCOMPLETE_LIMITS, truncate } from '../../presentation/embed-fit.js';
import { openCourses, type CatalogEntry } from '../catalog.js';
import { memberCourses } from '../enrolments.js';
import { catalogFor, memberCourse } from '../lookup.js';
import { titlesOf } from '../translation.js';
import { voiceOf, type CourseVoice } from './voice.js';

/** Subcommands about a course the member is in, which suggest only those. */
const MEMBER_COURSE_SUBCOMMANDS: ReadonlySet<string> = new Set(['lesson', 'complete', 'drop']);

const matches = (typed: string, ...texts: string[]) => texts.some((text) => text.toLowerCase().includes(typed));

async function courseChoices(interaction: AutocompleteInteraction, ctx: BotContext, { t, read }: CourseVoice, guildId: string, typed: string): Promise<ApplicationCommandOptionChoiceData[]> {
  const subcommand = interaction.options.getSubcommand(false) ?? '';
  const [catalog, mine] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, interaction.user.id)]);
  const joined = new Set(mine.enrolments.map((enrolment) => enrolment.courseId));
  let entries: CatalogEntry[];
  if (MEMBER_COURSE_SUBCOMMANDS.has(subcommand)) entries = [...catalog.entries.values()].filter((entry) => joined.has(entry.course.id));
  else if (subcommand === 'enroll') entries = openCourses(catalog).filter((entry) => !joined.has(entry.course.id));
  else if (subcommand === 'retire') entries = openCourses(catalog);
  else entries = [...catalog.entries.values()];
  // Any of a course's titles finds it; it is named as the member reads it.
  return entries
    .filter((entry) => matches(typed, ...titlesOf(entry.course), entry.course.id))
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map(({ course, retired }) => {
      const { title } = read(course);
      return { name: truncate(retired ? t('course.retired', { title }) : title, AUTOCOMPLETE_LIMITS.choiceName), value: course.id };
    });
}

async function lessonChoices(interaction: AutocompleteInteraction, ctx: BotContext, { readLesson }: CourseVoice, guildId: string, typed: string): Promise<ApplicationCommandOptionChoiceData[]> {
  const courseQuery = interaction.options.getString('course');
  const found = await memberCourse(ctx, guildId, interaction.user.id, courseQuery === '' ? null : courseQuery);
  // No course to suggest from (an unknown one, none joined, or several): the member picks a course first.
  if (!found.ok) return [];
  const { entry: { course }, mine } = found.value;
  const done = new Set(mine.completions.get(course.id)?.map((c) => c.lessonId) ?? []);
  return course.lessons
    .map((lesson, index) => ({ lesson, number: index + 1 }))
    .filter(({ lesson }) => matches(typed, ...titlesOf(lesson), lesson.id))
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map(({ lesson, number }) => ({ name: truncate(`${number}. ${readLesson(lesson).title}${done.has(lesson.id) ? ' ✓' : ''}`, AUTOCOMPLETE_LIMITS.choiceName), value: lesson.id }));
}

/** Suggestions for the `course` and `lesson` options, fitted to what each subcommand is for. */
export async function autocompleteCourseOptions(interaction: AutocompleteInteraction<InServer>, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = focused.value.trim().toLowerCase();
  const voice = await voiceOf(interaction, ctx);
  const choices =
    focused.name === 'course'
      ? await courseChoices(interaction, ctx, voice, interaction.guildId, typed)
      : focused.name === 'lesson'
        ? await lessonChoices(interaction, ctx, voice, interaction.guildId, typed)
        : [];
  await interaction.respond(choices);
}
