import { ComponentType, InteractionType, OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { ChannelRecord, EmulatorOptions, GuildRecord, MessageView, ModalView, Response, UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import { createCoursesFeature } from '../../../src/courses/discord/feature.js';
import type { PictureRenderer } from '../../../src/pictures/index.js';
import { startTestBed, type TestBed } from '../../support/bot.js';

/** A server with a moderator and three teachers, on a clock the test moves. */
export interface CourseScene {
  readonly bed: TestBed;
  readonly clock: ManualClock;
  readonly guild: GuildRecord;
  readonly general: ChannelRecord;
  readonly morgan: UserRecord;
  readonly alice: UserRecord;
  readonly ben: UserRecord;
  readonly chloe: UserRecord;
}

export const START = new Date('2026-12-01T09:00:00.000Z');
export const ROOT_CAUSES = 'root-causes-to-grassroots-action';
export const LEADING = 'leading-equitable-schools';

export interface CourseSceneOptions {
  readonly emulator?: EmulatorOptions;
  readonly pictures?: PictureRenderer;
  /** The server's Discord language and every member's client language (Discord locales); English if not given. */
  readonly locales?: { readonly server?: string; readonly members?: string };
}

export async function startCourseScene({ locales, ...options }: CourseSceneOptions = {}): Promise<CourseScene> {
  const clock = new ManualClock(START);
  let scene: Omit<CourseScene, 'bed' | 'clock'> | undefined;
  const bed = await startTestBed(
    (h) => {
      const guild = h.guild('Roots', { owner: 'owner', ...(locales?.server === undefined ? {} : { preferredLocale: locales.server }) });
      const locale = locales?.members === undefined ? {} : { locale: locales.members };
      const general = h.channel(guild, 'general');
      h.channel(guild, 'reflections');
      // A channel members can read but the bot may not post in.
      h.channel(guild, 'announcements', {
        overwrites: [{ id: h.emulator.bot.id, type: OverwriteType.Member, allow: '0', deny: String(PermissionFlagsBits.SendMessages) }],
      });
      const moderators = h.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild);
      scene = {
        guild,
        general,
        morgan: h.member(guild, 'morgan', { roles: [moderators], ...locale }),
        alice: h.member(guild, 'alice', locale),
        ben: h.member(guild, 'ben', locale),
        chloe: h.member(guild, 'chloe', { dmsOpen: false, ...locale }),
      };
    },
    // Only this feature, so these tests don't lean on other features' work in progress.
    { clock, features: () => [createCoursesFeature()], ...options },
  );
  if (scene === undefined) throw new Error('the scene was not set up');
  return { bed, clock, ...scene };
}

export function message(response: Response): MessageView {
  if (response.kind === 'message') return response.message;
  if (response.kind === 'update' && response.message !== null) return response.message;
  throw new Error(`expected a message, got ${response.kind}`);
}

export function modal(response: Response): ModalView {
  if (response.kind !== 'modal') throw new Error(`expected a modal, got ${response.kind}`);
  return response.modal;
}

/** Enrols, then completes the given lessons (by id) with a reflection each, as `user`. */
export async function completeLessons(scene: CourseScene, user: UserRecord, courseId: string, lessonIds: readonly string[]): Promise<void> {
  const actor = scene.bed.harness.as(user);
  for (const lesson of lessonIds) {
    const form = modal(await actor.run('#general', 'course complete', { course: courseId, lesson }));
    const done = message(await actor.submit(form, { reflection: `Notes on ${lesson}.` }));
    expect(done.content).toContain('is complete');
  }
}

export const DAY_MS = 86_400_000;

/**
 * Clicks a button whose handler defers and edits the message later (as sharing does), and resolves
 * with the message once edited. Listening starts before the click, so the edit can't be missed.
 */
export async function clickAndWait(scene: CourseScene, user: UserRecord, view: MessageView, label: string): Promise<MessageView> {
  const edited = scene.bed.harness.nextPost({ visibleTo: user.id, where: (m) => m.id === view.id && m.content !== view.content });
  await scene.bed.harness.as(user).click(view, label);
  return edited;
}

/**
 * Sends a component interaction straight to the bot, as a stale or modified client could, even
 * where the harness (like Discord's client) would no longer offer the button.
 */
export async function rawClick(scene: CourseScene, user: UserRecord, view: MessageView, customId: string): Promise<MessageView> {
  const { harness } = scene.bed;
  const source = harness.world.messagesIn(view.channelId).find((record) => record.message.id === view.id) ?? null;
  const answer = harness.nextPost({ visibleTo: user.id, where: (m) => m.id !== view.id });
  harness.emulator.interactions.create({
    type: InteractionType.MessageComponent,
    userId: user.id,
    channelId: view.channelId,
    data: { custom_id: customId, component_type: ComponentType.Button },
    sourceMessage: source,
  });
  return answer;
}
