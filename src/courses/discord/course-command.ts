import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { ServerCommand } from '../../interactions/handlers.js';
import { replyPrivately } from '../../interactions/replies.js';
import { memberNames } from '../../presentation/member-names.js';
import { inlineText } from '../../presentation/inline-text.js';
import { attachmentUrl, drawPictures } from '../../presentation/pictures.js';
import { checkRetirable, findCourse, openCourses } from '../catalog.js';
import { setCourseChannel } from '../channels.js';
import { downloadCourseFile } from '../download.js';
import { canComplete, countEnrolled, drop, enrol, memberCourses, openLesson } from '../enrolments.js';
import { checkImportAttachment, importCourseText, importServices } from '../imports.js';
import { catalogFor, courseNamed, memberCourse } from '../lookup.js';
import { planNudges } from '../nudges.js';
import { progressOf } from '../progress.js';
import { courseReport, DEFAULT_IDLE_DAYS, summarizeReport } from '../report.js';
import { courseListEmbed, lessonReply, progressCards, progressEmbed, type ProgressItem } from './course-view.js';
import { courseIds } from './custom-ids.js';
import { explainCourseProblem, orExplain } from './explain.js';
import { plural } from './format.js';
import { channelSetMessage, importedMessage, nudgeMessage, reportMessage, retireQuestion } from './moderator-messages.js';
import { sendNudges } from './nudge-delivery.js';
import { reflectionModal } from './reflection-modal.js';
import { reportCsv, reportFileName } from './report-csv.js';

/**
 * The handlers of `/course`, one a subcommand. Every one is `scope: 'server'` (each server keeps
 * its own courses and progress), so the router has already answered a DM.
 */

export async function listCourses(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
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

export async function enrollInCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const entry = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const { course } = entry;
  const progress = orExplain(await enrol(ctx, guildId, interaction.user.id, entry));
  const intro =
    progress.done === 0
      ? `Welcome to **${inlineText(course.title)}** 🌱 Take it at your own pace; I'll keep your place, and \`/course progress\` shows it any time. Here is where to begin:`
      : `Welcome back to **${inlineText(course.title)}** 🌱 You had already done ${progress.done} of ${plural(progress.total, course.unit)}, so you pick up right where you stopped.`;
  const view = orExplain(await openLesson(ctx, guildId, interaction.user.id, course, undefined));
  await interaction.reply(lessonReply(course, view, ctx.content.protocols, intro));
}

export async function showLesson(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { course } = orExplain(await memberCourse(ctx, guildId, interaction.user.id, interaction.options.getString('course'))).entry;
  const view = orExplain(await openLesson(ctx, guildId, interaction.user.id, course, interaction.options.getString('lesson') ?? undefined));
  await interaction.reply(lessonReply(course, view, ctx.content.protocols));
}

/** Opens the reflection form for the lesson named, or the member's next one. */
export async function completeLessonCommand(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const userId = interaction.user.id;
  const { course } = orExplain(await memberCourse(ctx, guildId, userId, interaction.options.getString('course'))).entry;
  const { lesson } = orExplain(await canComplete(ctx.db, guildId, userId, course, interaction.options.getString('lesson') ?? undefined));
  await interaction.showModal(reflectionModal(course, lesson));
}

export async function showProgress(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const [catalog, mine] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, interaction.user.id)]);
  const items: ProgressItem[] = mine.enrolments.flatMap((enrolment) => {
    const entry = catalog.entries.get(enrolment.courseId);
    return entry === undefined ? [] : [{ entry, progress: progressOf(entry.course, mine.completions.get(entry.course.id) ?? []) }];
  });
  if (items.length === 0) {
    await replyPrivately(interaction, { content: explainCourseProblem({ kind: 'no-courses' }) });
    return;
  }
  const embed = progressEmbed(items);
  const drawn = await drawPictures(ctx, (measure) => progressCards(items, ctx.clock.now(), measure));
  // One course: its card sits in the embed. More: the cards come as a gallery above it.
  const [only] = drawn.files;
  if (only !== undefined && drawn.files.length === 1) embed.setImage(attachmentUrl(only));
  await replyPrivately(interaction, { embeds: [embed], files: drawn.files, ...(drawn.ok ? {} : { content: drawn.note }) });
}

export async function dropCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { course } = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const progress = orExplain(await drop(ctx, guildId, interaction.user.id, course));
  const kept =
    progress.done === 0
      ? ''
      : ` I've kept your ${plural(progress.done, `completed ${course.unit}`)} and reflections, so if you come back with \`/course enroll\` you'll pick up where you stopped. (\`/privacy forget\` deletes them for good.)`;
  await replyPrivately(interaction, { content: `You've left **${inlineText(course.title)}**.${kept} Thank you for the time you gave it.` });
}

/** Validates an attached course file like `data/courses/`, and stores it for this server. */
export async function importCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const file = interaction.options.getAttachment('file', true);
  orExplain(checkImportAttachment(file));
  // Downloading can take longer than Discord's three seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const text = orExplain(await downloadCourseFile(file.url, file.name));
  const { imported, enrolled } = orExplain(await importCourseText(importServices(ctx), guildId, file.name, text));
  ctx.logger.info({ guild: guildId, course: imported.course.id, by: interaction.user.id, replaced: imported.previous !== undefined }, 'a course was imported');
  await interaction.editReply({ content: importedMessage(imported, enrolled) });
}

export async function retireCourseCommand(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const course = orExplain(checkRetirable(orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)))));
  const enrolled = await countEnrolled(ctx.db, guildId, course.id);
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(courseIds.retire.encode(course.id)).setLabel('Retire it').setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(courseIds.cancel.encode(course.id)).setLabel('Keep it').setStyle(ButtonStyle.Secondary),
  );
  await interaction.reply({
    content: retireQuestion(course, enrolled),
    components: [buttons],
    flags: MessageFlags.Ephemeral,
  });
}

export async function reportCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { course } = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const idleDays = interaction.options.getInteger('idle_days') ?? DEFAULT_IDLE_DAYS;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const rows = await courseReport(ctx.db, guildId, course);
  if (rows.length === 0) {
    await interaction.editReply({ content: reportMessage(course, undefined) });
    return;
  }
  const now = ctx.clock.now();
  const names = await memberNames(interaction.guild, rows.map((row) => row.userId), ctx.logger);
  const file = new AttachmentBuilder(Buffer.from(reportCsv(rows, names)), { name: reportFileName(course, now) });
  await interaction.editReply({ content: reportMessage(course, summarizeReport(rows, now, idleDays)), files: [file] });
}

export async function nudgeIdleMembers(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const idleDays = interaction.options.getInteger('days', true);
  const courseQuery = interaction.options.getString('course');
  // DMs go out one by one; that can take longer than Discord's three seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const catalog = await catalogFor(ctx, guildId);
  const only = courseQuery === null ? undefined : orExplain(findCourse(catalog, courseQuery));
  const plan = await planNudges(ctx, guildId, catalog, { idleDays, ...(only === undefined ? {} : { courseId: only.course.id }) });
  const serverName = interaction.guild?.name ?? 'our community';
  const tally = await sendNudges(ctx, { client: interaction.client, guildId, serverName, idleDays, recentlyNudged: plan.recentlyNudged }, plan.due);
  await interaction.editReply({ content: nudgeMessage(tally) });
}

export async function setChannel(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { course } = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const channel = interaction.options.getChannel('channel', true);
  await setCourseChannel(ctx, guildId, course.id, channel.id);
  // Checked now so the moderator can fix it, rather than members finding out when sharing fails.
  const target = interaction.guild?.channels.cache.get(channel.id);
  const me = interaction.guild?.members.me;
  const canPost = target === undefined || me == null || target.permissionsFor(me).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]);
  await interaction.reply({ content: channelSetMessage(course, channel.id, canPost), flags: MessageFlags.Ephemeral });
}
