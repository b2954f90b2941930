import { channelMention, ComponentType, MessageFlags, type ButtonInteraction, type Message } from 'discord.js';
import type { BotContext } from '../../context.js';
import { defineComponent, type ComponentRoute, type InServer } from '../../interactions/handlers.js';
import { staleComponent } from '../../interactions/router.js';
import { inlineText } from '../../presentation/inline-text.js';
import { retire } from '../catalog.js';
import { courseChannel } from '../channels.js';
import { completeLesson } from '../completions.js';
import type { Course } from '../course.js';
import { canComplete, completionsOf, openLesson } from '../enrolments.js';
import { courseNamed } from '../lookup.js';
import { findLesson, progressOf } from '../progress.js';
import { claimShare, recordShare, releaseShare, type ReflectionKey } from '../reflections.js';
import { completedMessage, lessonReply, nextLessonRow, sharedReflectionMessage } from './course-view.js';
import { courseIds, REFLECTION_FIELD } from './custom-ids.js';
import { reflectionModal } from './reflection-modal.js';
import { courseVoice, voiceOf, type CourseVoice } from './voice.js';
import { serverReader } from '../../guilds/server-language.js';

/** Once the sharing choice is made, only the way on remains. */
async function nextLessonRowFor(ctx: BotContext, { t, read }: CourseVoice, guildId: string, userId: string, course: Course) {
  return nextLessonRow(t, read(course), progressOf(course, await completionsOf(ctx.db, guildId, userId, course.id)));
}

/**
 * A Keep button only answers the prompt it was made for: it names what it keeps, and the message
 * it was clicked on must carry the button it is the alternative to. A click claiming another
 * message (a forged or mixed-up one) would otherwise overwrite that message.
 */
function assertPromptCarries(interaction: ButtonInteraction, customId: string): void {
  const carried = interaction.message.components.some((row) => row.type === ComponentType.ActionRow && row.components.some((component) => component.customId === customId));
  if (!carried) throw staleComponent(interaction);
}

/** The course a click names, in the server it happened in. */
async function courseOf(ctx: BotContext, { orExplain }: CourseVoice, guildId: string, courseId: string): Promise<Course> {
  return orExplain(await courseNamed(ctx, guildId, courseId)).course;
}

async function shareReflection(interaction: ButtonInteraction<InServer>, courseId: string, lessonId: string, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const voice = await voiceOf(interaction, ctx);
  const { t, orExplain } = voice;
  const course = await courseOf(ctx, voice, guildId, courseId);
  const { lesson } = orExplain(findLesson(course, lessonId));
  const key: ReflectionKey = { guildId, userId: interaction.user.id, course, lesson };
  // Posting may wait on Discord's rate limits; the member's message shows progress meanwhile.
  await interaction.deferUpdate();
  const body = orExplain(await claimShare(ctx, key));
  const channelId = (await courseChannel(ctx.db, guildId, course.id)) ?? interaction.channelId;
  const components = await nextLessonRowFor(ctx, voice, guildId, interaction.user.id, course);
  // A post in the course channel is for everyone there: it speaks the server's language.
  const everyone = courseVoice(await serverReader(ctx.db, guildId, interaction.guild?.preferredLocale ?? interaction.guildLocale));
  let posted: Message;
  try {
    const channel = await interaction.client.channels.fetch(channelId);
    if (channel === null || !channel.isSendable()) throw new Error(`channel ${channelId} can't take messages`);
    const shown = everyone.read(course);
    const post = sharedReflectionMessage(everyone.t, shown, everyone.readLesson(lesson), interaction.user.id, body);
    posted = await channel.send({ ...post, allowedMentions: { parse: [] } });
  } catch (error) {
    await releaseShare(ctx.db, key);
    ctx.logger.warn({ err: error, guild: guildId, channel: channelId, course: course.id }, 'could not post a shared reflection');
    await interaction.editReply({ content: t('share.failed', { channel: channelMention(channelId) }), components });
    return;
  }
  await recordShare(ctx.db, key, posted.channelId, posted.id);
  await interaction.editReply({ content: t('share.done', { channel: channelMention(posted.channelId), url: posted.url }), components });
}

/**
 * The buttons and form on `/course` messages (every `course:*` custom_id). Each works in a server
 * only and re-reads the database; nothing lives in memory.
 */
export const courseRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: courseIds.open,
    scope: 'server',
    async run(interaction, [courseId, lessonId], ctx) {
      const voice = await voiceOf(interaction, ctx);
      const course = await courseOf(ctx, voice, interaction.guildId, courseId);
      const view = voice.orExplain(await openLesson(ctx, interaction.guildId, interaction.user.id, course, lessonId));
      await interaction.reply(lessonReply(voice.t, voice.read(course), view, voice.readProtocols(ctx.content.protocols)));
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.reflect,
    scope: 'server',
    async run(interaction, [courseId, lessonId], ctx) {
      const voice = await voiceOf(interaction, ctx);
      const course = await courseOf(ctx, voice, interaction.guildId, courseId);
      const { lesson } = voice.orExplain(await canComplete(ctx.db, interaction.guildId, interaction.user.id, course, lessonId));
      await interaction.showModal(reflectionModal(voice.t, course.id, voice.readLesson(lesson)));
    },
  }),
  defineComponent({
    kind: 'modal',
    spec: courseIds.reflection,
    scope: 'server',
    async run(interaction, [courseId, lessonId], ctx) {
      const { guildId } = interaction;
      const voice = await voiceOf(interaction, ctx);
      const course = await courseOf(ctx, voice, guildId, courseId);
      const reflection = interaction.fields.getTextInputValue(REFLECTION_FIELD);
      const done = voice.orExplain(await completeLesson(ctx, { guildId, userId: interaction.user.id, course, lessonId, reflection }));
      const message = completedMessage(voice.t, voice.read(course), voice.readLesson(done.position.lesson), done.progress);
      await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.share,
    scope: 'server',
    run: (interaction, [courseId, lessonId], ctx) => shareReflection(interaction, courseId, lessonId, ctx),
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.keepPrivate,
    scope: 'server',
    async run(interaction, [courseId, lessonId], ctx) {
      assertPromptCarries(interaction, courseIds.share.encode(courseId, lessonId));
      const voice = await voiceOf(interaction, ctx);
      const course = await courseOf(ctx, voice, interaction.guildId, courseId);
      await interaction.update({
        content: voice.t('share.kept-private', { unit: course.unit }),
        components: await nextLessonRowFor(ctx, voice, interaction.guildId, interaction.user.id, course),
      });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.retire,
    scope: 'server',
    access: 'moderators',
    async run(interaction, [courseId], ctx) {
      const { guildId } = interaction;
      const voice = await voiceOf(interaction, ctx);
      const course = voice.orExplain(await retire(ctx, guildId, await courseOf(ctx, voice, guildId, courseId)));
      ctx.logger.info({ guild: guildId, course: course.id, by: interaction.user.id }, 'a course was retired');
      await interaction.update({ content: voice.t('retire.done', { course: inlineText(voice.read(course).title) }), components: [] });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: courseIds.cancel,
    scope: 'server',
    async run(interaction, [courseId], ctx) {
      assertPromptCarries(interaction, courseIds.retire.encode(courseId));
      await interaction.update({ content: (await voiceOf(interaction, ctx)).t('retire.cancelled'), components: [] });
    },
  }),
];
