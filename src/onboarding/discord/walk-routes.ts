import {
  MessageFlags,
  RESTJSONErrorCodes,
  channelMention,
  userMention,
  type ButtonInteraction,
  type Client,
  type Guild,
  type GuildBasedChannel,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { BotContext } from '../../context.js';
import { reopenIfArchived } from '../../interactions/archived-thread.js';
import { isDiscordError } from '../../interactions/discord-errors.js';
import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { fail, succeed } from '../../outcome.js';
import { recordIntroPost, suggestConnection } from '../intros.js';
import type { OnboardingOutcome } from '../problems.js';
import { findOnboardingSettings } from '../settings.js';
import type { OpenStep } from '../steps.js';
import { shownReasons, shownTenet } from '../shown-content.js';
import { recommit, tenetsAt, type TenetSet } from '../tenets.js';
import type { Walk } from '../walk-store.js';
import { checkTurn, commitToTenet, finishWalk, ownWalk, staleWalk } from '../walks.js';
import { commitTenet, introductionForm, openIntroduction, openReflection, recommitTenets, reflectionForm } from './custom-ids.js';
import { grantMemberRole, noteModerators, sceneFor, serverReaderOf } from './delivery.js';
import { onboardingMessages } from './messages.js';
import { walkVoice, type Voice } from './voice.js';
import { introductionModal, readIntroduction, readReflection, reflectionModal } from './forms.js';
import { finishedMessage, introductionPost, recommittedMessage, stepMessage, type FinishSummary, type Opening } from './walk-view.js';

/**
 * The walk's buttons and forms (`onboarding:*` custom_ids). They work in DMs, where Discord sends
 * no member: the owner and the server come from the custom_id, the rest from the database, so they
 * also work after a restart.
 */

type WalkInteraction = ButtonInteraction | ModalSubmitInteraction;

/**
 * The walk's server. Its buttons come from DMs, which Discord sends to shard 0 only: with one
 * process per shard, that process may not hold the server. It is then fetched by REST, not cached
 * (it is another shard's), with the bot's own member so a refused role grant can be explained. The
 * walk itself is in the database every process shares, so shard 0 carries it on.
 */
async function serverOf(client: Client, guildId: string): Promise<OnboardingOutcome<Guild>> {
  const held = client.guilds.cache.get(guildId);
  if (held) return succeed(held);
  try {
    const guild = await client.guilds.fetch({ guild: guildId, cache: false, withCounts: false });
    await guild.members.fetchMe();
    return succeed(guild);
  } catch (error) {
    if (isDiscordError(error, RESTJSONErrorCodes.UnknownGuild, RESTJSONErrorCodes.MissingAccess)) return fail({ kind: 'bot-not-in-server' });
    throw error;
  }
}

/** A channel of the walk's server: from the cache when this process holds the server, else by REST. */
async function channelOf(guild: Guild, channelId: string): Promise<GuildBasedChannel | null> {
  return guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId, { cache: false }).catch(() => null));
}

/** Shows the member's current step in place of the message clicked; `known` spares reloading the walk's tenets. */
async function showCurrentStep(interaction: WalkInteraction, ctx: BotContext, voice: Voice, walk: Walk, known?: TenetSet, opening: Opening = 'none'): Promise<void> {
  const { orExplain } = voice;
  const guild = orExplain(await serverOf(interaction.client, walk.guildId));
  const found = known?.version === walk.tenetVersion ? known : await tenetsAt(ctx.db, walk.guildId, walk.tenetVersion);
  const tenets = orExplain(found && walk.step.kind !== 'done' ? succeed(found) : fail({ kind: 'walk-finished' }));
  const settings = await findOnboardingSettings(ctx.db, walk.guildId);
  const message = stepMessage(walk, tenets, sceneFor(guild, settings, ctx, voice.reader), opening);
  if (interaction.isButton() || interaction.isFromMessage()) await interaction.update(message);
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}

/**
 * Answers a click whose step isn't the member's current one. A double click or an older message
 * simply shows where the member really is; nothing moves twice.
 */
function answerOffTurn(interaction: WalkInteraction, ctx: BotContext, voice: Voice, turn: Parameters<typeof staleWalk>[0]): Promise<void> {
  return showCurrentStep(interaction, ctx, voice, voice.orExplain(staleWalk(turn)));
}

const tenetStep = (at: OpenStep): OnboardingOutcome<Extract<OpenStep, { kind: 'tenet' }>> => (at.kind === 'tenet' ? succeed(at) : fail({ kind: 'no-walk' }));

async function commit(interaction: WalkInteraction, ctx: BotContext, voice: Voice, guildId: string, userId: string, at: OpenStep, reflection: string | null): Promise<void> {
  const result = await commitToTenet(ctx, { guildId, userId, at: voice.orExplain(tenetStep(at)), reflection });
  if (result.kind !== 'advanced') return answerOffTurn(interaction, ctx, voice, result);
  await showCurrentStep(interaction, ctx, voice, result.walk, result.tenets, reflection === null ? 'none' : 'reflected');
}

async function finishIntroduction(interaction: ModalSubmitInteraction, ctx: BotContext, voice: Voice, guildId: string, userId: string): Promise<void> {
  const { orExplain } = voice;
  const { joinReasons, values } = ctx.content.onboarding;
  const intro = orExplain(readIntroduction(interaction, joinReasons));
  const guild = orExplain(await serverOf(interaction.client, guildId));
  const result = await finishWalk(ctx, { guildId, userId, intro });
  if (result.kind !== 'done') return answerOffTurn(interaction, ctx, voice, result);

  // The walk is finished and saved; what follows talks to Discord and may queue behind rate limits.
  await interaction.deferUpdate();
  const settings = await findOnboardingSettings(ctx.db, guildId);
  const peer = await suggestConnection(ctx.db, guildId, userId, intro.role);
  const connection = peer && { ...peer, role: intro.role };
  let introPosted: FinishSummary['introPosted'] = null;
  const introductions = settings?.introductionsChannelId ? await channelOf(guild, settings.introductionsChannelId) : null;
  if (introductions?.isSendable()) {
    try {
      // A public post: the server's language, whatever the member's.
      const reader = await serverReaderOf(ctx, guild);
      const posted = await introductions.send(introductionPost(userId, intro, joinReasons, connection, guild.name, { reader, t: onboardingMessages.for(reader) }));
      await recordIntroPost(ctx, guildId, userId, { channelId: posted.channelId, messageId: posted.id });
      introPosted = { channelId: posted.channelId };
    } catch (error) {
      ctx.logger.warn({ err: error, guild: guildId }, 'could not post an introduction');
      await noteModerators(interaction.client, ctx, guildId, (t) => t('note.intro-failed', { member: userMention(userId), channel: channelMention(introductions.id) }));
    }
  }
  const grant = settings ? await grantMemberRole(interaction.client, ctx, guild, settings, userId) : ({ kind: 'none' } as const);
  const role: FinishSummary['role'] = grant.kind === 'failed' ? { kind: 'failed' } : grant;
  await interaction.editReply(finishedMessage(result.walk, sceneFor(guild, settings, ctx, voice.reader), { introPosted, role, connection }, values));
}

/**
 * A walk's handler: for its owner only (walks travel in DMs and shared threads; the owner's id is
 * the custom_id's second argument), in a thread that is open.
 */
function walkHandler<I extends WalkInteraction, A extends readonly [string, string, ...unknown[]]>(run: (interaction: I, args: A, ctx: BotContext, voice: Voice) => Promise<void>) {
  return async (interaction: I, args: A, ctx: BotContext): Promise<void> => {
    const voice = await walkVoice(interaction, args[0], ctx);
    voice.orExplain(ownWalk(interaction.user.id, args[1]));
    // A welcome thread archives itself after a quiet week; the walk's message there moves on only once it is open.
    await reopenIfArchived(interaction.client, interaction.channelId, ctx.logger, 'Continuing a welcome walk');
    await run(interaction, args, ctx, voice);
  };
}

export const walkRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: commitTenet,
    scope: 'anywhere',
    run: walkHandler(async (interaction, [guildId, userId, at], ctx, voice) => {
      await commit(interaction, ctx, voice, guildId, userId, at, null);
    }),
  }),
  defineComponent({
    kind: 'button',
    spec: openReflection,
    scope: 'anywhere',
    run: walkHandler(async (interaction, [guildId, userId, at], ctx, voice) => {
      const { orExplain } = voice;
      const step = orExplain(tenetStep(at));
      const turn = await checkTurn(ctx.db, guildId, userId, step);
      if (turn.kind !== 'current') return answerOffTurn(interaction, ctx, voice, turn);
      const tenets = await tenetsAt(ctx.db, guildId, turn.walk.tenetVersion);
      const found = tenets?.tenets[step.index];
      const tenet = orExplain(found ? succeed(found) : fail({ kind: 'no-walk' }));
      await interaction.showModal(reflectionModal(guildId, userId, step, shownTenet(tenet, ctx.content.onboarding.shippedTenets, voice.reader), voice.t));
    }),
  }),
  defineComponent({
    kind: 'modal',
    spec: reflectionForm,
    scope: 'anywhere',
    run: walkHandler(async (interaction, [guildId, userId, at], ctx, voice) => {
      await commit(interaction, ctx, voice, guildId, userId, at, readReflection(interaction));
    }),
  }),
  defineComponent({
    kind: 'button',
    spec: openIntroduction,
    scope: 'anywhere',
    run: walkHandler(async (interaction, [guildId, userId], ctx, voice) => {
      const turn = await checkTurn(ctx.db, guildId, userId, { kind: 'introduce' });
      if (turn.kind !== 'current') return answerOffTurn(interaction, ctx, voice, turn);
      await interaction.showModal(introductionModal(guildId, userId, turn.walk.displayName, shownReasons(ctx.content.onboarding.joinReasons, voice.reader), voice.t));
    }),
  }),
  defineComponent({
    kind: 'modal',
    spec: introductionForm,
    scope: 'anywhere',
    run: walkHandler(async (interaction, [guildId, userId], ctx, voice) => {
      await finishIntroduction(interaction, ctx, voice, guildId, userId);
    }),
  }),
  defineComponent({
    kind: 'button',
    spec: recommitTenets,
    scope: 'anywhere',
    run: walkHandler(async (interaction, [guildId, userId, version], ctx, voice) => {
      const result = await recommit(ctx, { guildId, userId, version });
      const gone = { embeds: [], components: [] };
      switch (result.kind) {
        case 'recommitted':
          return void (await interaction.update(recommittedMessage(result.tenets, voice)));
        case 'outdated':
          return void (await interaction.update({ content: voice.t('recommit.outdated'), ...gone }));
        case 'not-asked':
          return void (await interaction.update({ content: voice.t('recommit.not-asked'), ...gone }));
      }
    }),
  }),
];
