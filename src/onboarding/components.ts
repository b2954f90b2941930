import { MessageFlags, channelMention, userMention, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserFacingError } from '../interactions/errors.js';
import { defineComponent, type ComponentRoute } from '../interactions/handlers.js';
import { commitTenet, introductionForm, openIntroduction, openReflection, recommitTenets, reflectionForm } from './custom-ids.js';
import { grantMemberRole, noteModerators, sceneFor } from './delivery.js';
import { introductionModal, readIntroduction, readReflection, reflectionModal } from './forms.js';
import { recordIntroPost, suggestConnection } from './intros.js';
import { findOnboardingSettings } from './settings.js';
import type { OpenStep } from './steps.js';
import { recommit, tenetsAt, type TenetSet } from './tenets.js';
import { finishedMessage, introductionPost, recommittedMessage, stepMessage, type Outcome } from './walk-views.js';
import { checkTurn, commitToTenet, finishWalk, type Turn } from './walks.js';
import type { Walk } from './walk-store.js';

/**
 * The walk's buttons and forms. They work in DMs, where Discord sends no member: the owner and the
 * server come from the custom_id, the rest from the database, so they also work after a restart.
 */

export const NOT_YOUR_WALK =
  "This welcome walk belongs to someone else, so I've left it as it is. If you'd like to walk through the tenets yourself, use `/onboarding start` in the server.";
export const WALK_FINISHED = "You've already finished your welcome walk, so there's nothing more to do here. 🌱 `/tenets show` in the server brings the tenets back any time.";
export const NO_WALK = "I don't have a welcome walk for you in that server any more. If you'd like to walk it again, use `/onboarding start` there.";
export const AWAY = "You're not in that server right now. If you come back, your walk will be waiting right where you left it.";
const NOT_THERE = "I'm not in that server any more, so I can't continue this walk.";

function mustOwn(interaction: ButtonInteraction | ModalSubmitInteraction, ownerId: string): void {
  if (interaction.user.id !== ownerId) throw new UserFacingError(NOT_YOUR_WALK);
}

function guildOf(interaction: ButtonInteraction | ModalSubmitInteraction, guildId: string) {
  const guild = interaction.client.guilds.cache.get(guildId);
  if (!guild) throw new UserFacingError(NOT_THERE);
  return guild;
}

/** Shows the member's current step in place of the message clicked; `known` spares reloading the walk's tenets. */
async function showCurrentStep(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: BotContext, walk: Walk, known?: TenetSet): Promise<void> {
  const guild = guildOf(interaction, walk.guildId);
  const tenets = known?.version === walk.tenetVersion ? known : await tenetsAt(ctx.db, walk.guildId, walk.tenetVersion);
  const settings = await findOnboardingSettings(ctx.db, walk.guildId);
  if (!tenets || walk.step.kind === 'done') throw new UserFacingError(WALK_FINISHED);
  const message = stepMessage(walk, tenets, sceneFor(guild, settings, ctx), 'none');
  if (interaction.isButton() || interaction.isFromMessage()) await interaction.update(message);
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}

/**
 * Answers a click whose step isn't the member's current one. A double click or an older message
 * simply shows where the member really is; nothing moves twice.
 */
async function answerOffTurn(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: BotContext, turn: Exclude<Turn, { kind: 'current' }>): Promise<void> {
  switch (turn.kind) {
    case 'missing':
      throw new UserFacingError(NO_WALK);
    case 'away':
      throw new UserFacingError(AWAY);
    case 'finished':
      throw new UserFacingError(WALK_FINISHED);
    case 'stale':
      return showCurrentStep(interaction, ctx, turn.walk);
  }
}

async function commit(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: BotContext, guildId: string, userId: string, at: OpenStep, reflection: string | null): Promise<void> {
  if (at.kind !== 'tenet') throw new UserFacingError(NO_WALK);
  const result = await commitToTenet(ctx, { guildId, userId, at, reflection });
  if (result.kind !== 'advanced') return answerOffTurn(interaction, ctx, result);
  await showCurrentStep(interaction, ctx, result.walk, result.tenets);
}

async function finishIntroduction(interaction: ModalSubmitInteraction, ctx: BotContext, guildId: string, userId: string): Promise<void> {
  const { joinReasons, values } = ctx.content.onboarding;
  const form = readIntroduction(interaction, joinReasons);
  if (!form.ok) throw new UserFacingError(`${form.problems.join(' ')} Press "Introduce myself" to try again.`);
  const guild = guildOf(interaction, guildId);
  const result = await finishWalk(ctx, { guildId, userId, intro: form.value });
  if (result.kind !== 'done') return answerOffTurn(interaction, ctx, result);

  // The walk is finished and saved; what follows talks to Discord and may queue behind rate limits.
  await interaction.deferUpdate();
  const settings = await findOnboardingSettings(ctx.db, guildId);
  const intro = form.value;
  const peer = await suggestConnection(ctx.db, guildId, userId, intro.role);
  const connection = peer && { ...peer, role: intro.role };
  let introPosted: Outcome['introPosted'] = null;
  const introductions = settings?.introductionsChannelId ? guild.channels.cache.get(settings.introductionsChannelId) : undefined;
  if (introductions?.isSendable()) {
    try {
      const posted = await introductions.send(introductionPost(userId, intro, joinReasons, connection, guild.name));
      await recordIntroPost(ctx, guildId, userId, { channelId: posted.channelId, messageId: posted.id });
      introPosted = { channelId: posted.channelId };
    } catch (error) {
      ctx.logger.warn({ err: error, guild: guildId }, 'could not post an introduction');
      await noteModerators(interaction.client, ctx, guildId, `I couldn't post ${userMention(userId)}'s introduction in ${channelMention(introductions.id)}. \`/onboarding setup\` will show what I'm missing there.`);
    }
  }
  const grant = settings ? await grantMemberRole(interaction.client, ctx, guild, settings, userId) : ({ kind: 'none' } as const);
  const role: Outcome['role'] = grant.kind === 'granted' ? grant : grant.kind === 'none' ? grant : { kind: 'failed' };
  await interaction.editReply(finishedMessage(result.walk, sceneFor(guild, settings, ctx), { introPosted, role, connection }, values));
}

export const walkComponents: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: commitTenet,
    scope: 'anywhere',
    async run(interaction, [guildId, userId, at], ctx) {
      mustOwn(interaction, userId);
      await commit(interaction, ctx, guildId, userId, at, null);
    },
  }),
  defineComponent({
    kind: 'button',
    spec: openReflection,
    scope: 'anywhere',
    async run(interaction, [guildId, userId, at], ctx) {
      mustOwn(interaction, userId);
      const turn = await checkTurn(ctx.db, guildId, userId, at);
      if (turn.kind !== 'current') return answerOffTurn(interaction, ctx, turn);
      const tenets = await tenetsAt(ctx.db, guildId, turn.walk.tenetVersion);
      const tenet = at.kind === 'tenet' ? tenets?.tenets[at.index] : undefined;
      if (at.kind !== 'tenet' || !tenet) throw new UserFacingError(NO_WALK);
      await interaction.showModal(reflectionModal(guildId, userId, at, tenet));
    },
  }),
  defineComponent({
    kind: 'modal',
    spec: reflectionForm,
    scope: 'anywhere',
    async run(interaction, [guildId, userId, at], ctx) {
      mustOwn(interaction, userId);
      await commit(interaction, ctx, guildId, userId, at, readReflection(interaction));
    },
  }),
  defineComponent({
    kind: 'button',
    spec: openIntroduction,
    scope: 'anywhere',
    async run(interaction, [guildId, userId], ctx) {
      mustOwn(interaction, userId);
      const turn = await checkTurn(ctx.db, guildId, userId, { kind: 'introduce' });
      if (turn.kind !== 'current') return answerOffTurn(interaction, ctx, turn);
      await interaction.showModal(introductionModal(guildId, userId, turn.walk.displayName, ctx.content.onboarding.joinReasons));
    },
  }),
  defineComponent({
    kind: 'modal',
    spec: introductionForm,
    scope: 'anywhere',
    async run(interaction, [guildId, userId], ctx) {
      mustOwn(interaction, userId);
      await finishIntroduction(interaction, ctx, guildId, userId);
    },
  }),
  defineComponent({
    kind: 'button',
    spec: recommitTenets,
    scope: 'anywhere',
    async run(interaction, [guildId, userId, version], ctx) {
      mustOwn(interaction, userId);
      const result = await recommit(ctx, { guildId, userId, version });
      switch (result.kind) {
        case 'recommitted':
          return void (await interaction.update(recommittedMessage(result.tenets)));
        case 'outdated':
          return void (await interaction.update({ content: 'The tenets have changed again since this message, so I\'ll send you the newest version to look at. 🌱', embeds: [], components: [] }));
        case 'not-asked':
          return void (await interaction.update({ content: "You're all up to date with the tenets. Thank you! 🌱", embeds: [], components: [] }));
      }
    },
  }),
];
