import { MessageFlags, type ButtonInteraction, type Message } from 'discord.js';
import type { BotContext } from '../../context.js';
import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { UserFacingError } from '../../interactions/errors.js';
import { retireCourse } from '../catalog.js';
import { courseChannel } from '../channels.js';
import { completeLesson } from '../completions.js';
import type { Course } from '../course.js';
import { canComplete, completionsOf, openLesson } from '../enrolments.js';
import { findLesson, progressOf } from '../progress.js';
import { claimShare, recordShare, releaseShare, type ReflectionKey } from '../reflections.js';
import { completedMessage, lessonReply, nextLessonRow, sharedReflectionMessage } from '../present/embeds.js';
import { courseIds, REFLECTION_FIELD } from '../present/ids.js';
import { unitOf } from '../present/format.js';
import { reflectionModal } from '../present/reflection-modal.js';
import { courseNamed, guildIdOf, must } from './lookup.js';

/** Once the sharing choice is made, only the way on remains. */
async function nextLessonRowFor(ctx: BotContext, guildId: string, userId: string, course: Course) {
  return nextLessonRow(course, progressOf(course, await completionsOf(ctx.db, guildId, userId, course.id)));
}

async function shareReflection(interaction: ButtonInteraction, courseId: string, lessonId: string, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const { course } = await courseNamed(ctx, guildId, courseId);
  const { lesson } = must(findLesson(course, lessonId));
  const key: ReflectionKey = { guildId, userId: interaction.user.id, course, lesson };
  // Posting may wait on Discord's rate limits; the member's message shows progress meanwhile.
  await interaction.deferUpdate();
  const body = must(await claimShare(ctx, key));
  const channelId = (await courseChannel(ctx.db, guildId, course.id)) ?? interaction.channelId;
  const components = await nextLessonRowFor(ctx, guildId, interaction.user.id, course);
  let posted: Message;
  try {
    const channel = await interaction.client.channels.fetch(channelId);
    if (channel === null || !channel.isSendable()) throw new Error(`channel ${channelId} can't take messages`);
    posted = await channel.send({ ...sharedReflectionMessage(course, lesson, interaction.user.id, body), allowedMentions: { parse: [] } });
  } catch (error) {
    await releaseShare(ctx.db, key);
    ctx.logger.warn({ err: error, guild: guildId, channel: channelId, course: course.id }, 'could not post a shared reflection');
    await interaction.editReply({
      content: `I couldn't post in <#${channelId}>; a moderator may need to let me write there (or choose another channel with \`/course channel\`). Your reflection is safe and stays private for now.`,
      components,
    });
    return;
  }
  await recordShare(ctx.db, key, posted.channelId, posted.id);
  await interaction.editReply({ content: `Shared in <#${posted.channelId}> ([see your post](${posted.url})). Thank you for learning out loud 🌱`, components });
}

/** The buttons and form on `/course` messages. Each re-reads the database; nothing lives in memory. */
export const courseComponents: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: courseIds.open,
    scope: 'anywhere',
    async run(interaction, [courseId, lessonId], ctx) {
      const guildId = guildIdOf(interaction);
      const { course } = await courseNamed(ctx, guildId, courseId);
      await interaction.reply(lessonReply(course, must(await openLesson(ctx, guildId, interaction.user.id, course, lessonId)), ctx.content.protocols));
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.reflect,
    scope: 'anywhere',
    async run(interaction, [courseId, lessonId], ctx) {
      const guildId = guildIdOf(interaction);
      const { course } = await courseNamed(ctx, guildId, courseId);
      const { lesson } = must(await canComplete(ctx.db, guildId, interaction.user.id, course, lessonId));
      await interaction.showModal(reflectionModal(course, lesson));
    },
  }),
  defineComponent({
    kind: 'modal',
    spec: courseIds.reflection,
    scope: 'anywhere',
    async run(interaction, [courseId, lessonId], ctx) {
      const guildId = guildIdOf(interaction);
      const { course } = await courseNamed(ctx, guildId, courseId);
      const reflection = interaction.fields.getTextInputValue(REFLECTION_FIELD);
      const done = must(await completeLesson(ctx, { guildId, userId: interaction.user.id, course, lessonId, reflection }));
      await interaction.reply({ ...completedMessage(course, done.position.lesson, done.progress), flags: MessageFlags.Ephemeral });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.share,
    scope: 'anywhere',
    run: (interaction, [courseId, lessonId], ctx) => shareReflection(interaction, courseId, lessonId, ctx),
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.keepPrivate,
    scope: 'anywhere',
    async run(interaction, [courseId], ctx) {
      const guildId = guildIdOf(interaction);
      const { course } = await courseNamed(ctx, guildId, courseId);
      await interaction.update({
        content: `Your reflection stays private: only you can see it, with \`/privacy export\`. Well done on another ${unitOf(course)} 🌱`,
        components: await nextLessonRowFor(ctx, guildId, interaction.user.id, course),
      });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.retire,
    scope: 'anywhere',
    access: 'moderators',
    async run(interaction, [courseId], ctx) {
      const guildId = guildIdOf(interaction);
      const { course } = await courseNamed(ctx, guildId, courseId);
      const retired = await retireCourse(ctx, guildId, course.id);
      if (!retired) throw new UserFacingError(`**${course.title}** is already retired.`);
      ctx.logger.info({ guild: guildId, course: course.id, by: interaction.user.id }, 'a course was retired');
      await interaction.update({ content: `**${course.title}** is retired. Members already in it can still finish.`, components: [] });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.cancel,
    scope: 'anywhere',
    async run(interaction) {
      await interaction.update({ content: 'Nothing changed.', components: [] });
    },
  }),
];
