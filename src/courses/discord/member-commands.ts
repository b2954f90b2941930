import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';
import { replyPrivately } from '../../interactions/replies.js';
import { openCourses } from '../catalog.js';
import { canComplete, drop, enrol, memberCourses, openLesson } from '../enrolments.js';
import { progressOf } from '../progress.js';
import { courseListEmbed, lessonReply, progressEmbed, type ProgressItem } from '../present/embeds.js';
import { plural } from '../present/format.js';
import { explainProblem } from '../present/problems.js';
import { reflectionModal } from '../present/reflection-modal.js';
import { catalogFor, courseNamed, guildIdOf, memberCourse, must } from './lookup.js';

export async function listCourses(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const [catalog, mine] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, interaction.user.id)]);
  const joined = new Set(mine.enrolments.map((e) => e.courseId));
  const open = openCourses(catalog);
  if (open.length === 0) {
    await replyPrivately(interaction, { content: 'There are no courses open here right now. A moderator can add one with `/course import`.' });
    return;
  }
  const listed = open.map((entry) => ({
    entry,
    progress: joined.has(entry.course.id) ? progressOf(entry.course, mine.completions.get(entry.course.id) ?? []) : undefined,
  }));
  await replyPrivately(interaction, { embeds: [courseListEmbed(listed)] });
}

export async function enrollInCourse(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const entry = await courseNamed(ctx, guildId, interaction.options.getString('course', true));
  const { course } = entry;
  const progress = must(await enrol(ctx, guildId, interaction.user.id, entry));
  const intro =
    progress.done === 0
      ? `Welcome to **${course.title}** 🌱 Take it at your own pace; I'll keep your place, and \`/course progress\` shows it any time. Here is where to begin:`
      : `Welcome back to **${course.title}** 🌱 You had already done ${progress.done} of ${plural(progress.total, course.unit)}, so you pick up right where you stopped.`;
  const view = must(await openLesson(ctx, guildId, interaction.user.id, course, undefined));
  await interaction.reply(lessonReply(course, view, ctx.content.protocols, intro));
}

export async function showLesson(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const { course } = (await memberCourse(ctx, guildId, interaction.user.id, interaction.options.getString('course'))).entry;
  const view = must(await openLesson(ctx, guildId, interaction.user.id, course, interaction.options.getString('lesson') ?? undefined));
  await interaction.reply(lessonReply(course, view, ctx.content.protocols));
}

/** Opens the reflection form for the lesson named, or the member's next one. */
export async function completeLessonCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const userId = interaction.user.id;
  const { course } = (await memberCourse(ctx, guildId, userId, interaction.options.getString('course'))).entry;
  const { lesson } = must(await canComplete(ctx.db, guildId, userId, course, interaction.options.getString('lesson') ?? undefined));
  await interaction.showModal(reflectionModal(course, lesson));
}

export async function showProgress(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const [catalog, mine] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, interaction.user.id)]);
  const items: ProgressItem[] = mine.enrolments.flatMap((enrolment) => {
    const entry = catalog.entries.get(enrolment.courseId);
    return entry === undefined ? [] : [{ entry, progress: progressOf(entry.course, mine.completions.get(entry.course.id) ?? []) }];
  });
  if (items.length === 0) {
    await replyPrivately(interaction, { content: explainProblem({ kind: 'no-courses' }) });
    return;
  }
  await replyPrivately(interaction, { embeds: [progressEmbed(items)] });
}

export async function dropCourse(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const { course } = await courseNamed(ctx, guildId, interaction.options.getString('course', true));
  const progress = must(await drop(ctx, guildId, interaction.user.id, course));
  const kept =
    progress.done === 0
      ? ''
      : ` I've kept your ${plural(progress.done, `completed ${course.unit}`)} and reflections, so if you come back with \`/course enroll\` you'll pick up where you stopped. (\`/privacy forget\` deletes them for good.)`;
  await replyPrivately(interaction, { content: `You've left **${course.title}**.${kept} Thank you for the time you gave it.` });
}
