import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, channelMention, userMention, type BaseMessageOptions } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { Reader } from '../../i18n/locales.js';
import type { CommunityValue, JoinReason, ShippedTenet, Tenet } from '../content.js';
import { hereBecauseValue } from '../field-text.js';
import type { Intro, MemberRole } from '../intros.js';
import { shownReasons, shownTenet, shownTenets, shownValues, type ShownTenet } from '../shown-content.js';
import { stepToken } from '../steps.js';
import type { TenetChanges, TenetSet } from '../tenets.js';
import type { Walk } from '../walk-store.js';
import type { Greeting } from '../walks.js';
import { commitTenet, openIntroduction, openReflection, recommitTenets } from './custom-ids.js';
import type { OnboardingSays } from './messages.js';

/**
 * What members see on their walk. Each step is one message with one idea on it; clicking moves
 * the same message on to the next step, so the walk never becomes a wall of text.
 */

export const ROOTS_GREEN = 0x3ba55c;

/**
 * A text meant as Markdown that sits inside one line of the layout (after `> `): its own Markdown
 * stays, but a newline would end the quote and let the rest stand as headings or code.
 */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Tenet names in bold, each shown as the moderators typed it. */
export const boldNames = (names: readonly string[]): string => names.map((name) => `**${inlineText(name)}**`).join(', ');

/** A message the walk sends or turns into: works for `send`, `reply` and `update` alike. */
export type WalkMessage = BaseMessageOptions & { content: string; embeds: EmbedBuilder[]; components: ActionRowBuilder<ButtonBuilder>[] };

/** What opens a step message: a first welcome, a return, a nudge, or nothing (moving on). */
export type Opening = Greeting | 'nudge' | 'reminder' | 'restart' | 'reflected' | 'none';

/** Where and for whom a walk message is written: the server, and the reader's words and content. */
export interface WalkScene {
  readonly guildName: string;
  /** The community's why, in the reader's language. */
  readonly why: string;
  readonly introductionsChannelId: string | null;
  readonly reader: Reader;
  readonly t: OnboardingSays;
  /** The shipped tenets with their translations, so a tenet in their exact words shows translated. */
  readonly shippedTenets: readonly ShippedTenet[];
}

/** What a view needs to write for one reader: the words, and the content in their language. */
export type ReaderScene = Pick<WalkScene, 't' | 'reader' | 'shippedTenets'>;

/** A tenet's words as `scene`'s reader reads them, and a small line saying when they are a translation. */
export function tenetWords(tenet: ShownTenet, t: OnboardingSays): string {
  const quote = `> ${oneLine(tenet.text)}`;
  return tenet.translated ? `${quote}\n-# ${t('tenet.translated')}` : quote;
}

function opening(kind: Opening, walk: Walk, scene: WalkScene, tenetCount: number): string {
  const { t } = scene;
  // Names people chose are shown as typed, never as Markdown (a disguised link, a heading).
  const name = inlineText(walk.displayName);
  const server = inlineText(scene.guildName);
  switch (kind) {
    case 'welcome':
      return t('walk.welcome', { server, name, why: scene.why, count: tenetCount });
    case 'welcome-back':
      return t('walk.welcome-back', { server, name });
    case 'nudge':
      return t('walk.nudge', { server, name });
    case 'reminder':
      return t('walk.reminder', { server, name });
    case 'restart':
      return t('walk.restart', { server });
    case 'reflected':
      // The same answer that moves the walk on thanks them: a reflection is a small gift.
      return t('walk.reflected');
    case 'none':
      return '';
  }
}

function row(...buttons: ButtonBuilder[]): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons);
}

function tenetStep(walk: Walk, tenets: TenetSet, index: number, scene: WalkScene): Pick<WalkMessage, 'embeds' | 'components'> {
  const { t } = scene;
  const stored = tenets.tenets[index];
  if (!stored) throw new Error(`tenet ${index} missing from version ${tenets.version}`);
  const tenet = shownTenet(stored, scene.shippedTenets, scene.reader);
  const at = stepToken({ kind: 'tenet', version: tenets.version, index });
  const count = tenets.tenets.length;
  const embed = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(t('walk.tenet.title', { number: index + 1, count, name: inlineText(tenet.name) }))
    .setDescription(tenetWords(tenet, t))
    .setFooter({ text: t('walk.tenet.footer', { number: index + 1, steps: count + 1 }) });
  return {
    embeds: [embed],
    components: [
      row(
        new ButtonBuilder().setCustomId(commitTenet.encode(walk.guildId, walk.userId, at)).setLabel(t('walk.tenet.commit')).setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(openReflection.encode(walk.guildId, walk.userId, at)).setLabel(t('walk.tenet.reflect')).setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

function introduceStep(walk: Walk, tenets: TenetSet, scene: WalkScene): Pick<WalkMessage, 'embeds' | 'components'> {
  const { t } = scene;
  const server = inlineText(scene.guildName);
  const names = boldNames(shownTenets(tenets.tenets, scene.shippedTenets, scene.reader).map((tenet) => tenet.name));
  const steps = tenets.tenets.length + 1;
  const embed = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(t('walk.introduce.title'))
    .setDescription(
      [
        t('walk.introduce.thanks', { names }),
        scene.introductionsChannelId
          ? t('walk.introduce.in-channel', { channel: channelMention(scene.introductionsChannelId), server })
          : t('walk.introduce.for-community', { server }),
      ].join('\n\n'),
    )
    .setFooter({ text: t('walk.introduce.footer', { steps }) });
  return {
    embeds: [embed],
    components: [row(new ButtonBuilder().setCustomId(openIntroduction.encode(walk.guildId, walk.userId)).setLabel(t('walk.introduce.button')).setStyle(ButtonStyle.Primary))],
  };
}

/** The message for the member's current step. A finished walk has none: see {@link finishedMessage}. */
export function stepMessage(walk: Walk, tenets: TenetSet, scene: WalkScene, kind: Opening): WalkMessage {
  const content = opening(kind, walk, scene, tenets.tenets.length);
  switch (walk.step.kind) {
    case 'tenet':
      return { content, ...tenetStep(walk, tenets, walk.step.index, scene) };
    case 'introduce':
      return { content, ...introduceStep(walk, tenets, scene) };
    case 'done':
      throw new Error('a finished walk has no step to show');
  }
}

/** How the last step went, for the member's summary. */
export interface FinishSummary {
  readonly introPosted: { readonly channelId: string } | null;
  /** `granted`: role given; `failed`: moderators were told; `none`: the server has no member role. */
  readonly role: { readonly kind: 'granted'; readonly name: string } | { readonly kind: 'failed' } | { readonly kind: 'none' };
  readonly connection: { readonly userId: string; readonly sameRole: boolean; readonly role: MemberRole } | undefined;
}

/** Who the suggested connection is, for the catalogue's `{fellow, select, …}`: their role when it is the newcomer's, else nobody in particular. */
const fellowOf = (connection: NonNullable<FinishSummary['connection']>): MemberRole | 'none' => (connection.sameRole && connection.role !== 'other' ? connection.role : 'none');

export function finishedMessage(walk: Walk, scene: WalkScene, outcome: FinishSummary, values: readonly CommunityValue[]): WalkMessage {
  const { t } = scene;
  const lines: string[] = [];
  lines.push(outcome.introPosted ? t('finished.intro-posted', { channel: channelMention(outcome.introPosted.channelId) }) : t('finished.intro-saved'));
  if (outcome.role.kind === 'granted') lines.push(t('finished.role-granted', { role: inlineText(outcome.role.name) }));
  if (outcome.role.kind === 'failed') lines.push(t('finished.role-failed'));
  if (outcome.connection) lines.push(t('finished.connection', { user: userMention(outcome.connection.userId), fellow: fellowOf(outcome.connection) }));
  const embed = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(t('finished.title', { name: inlineText(walk.displayName) }))
    .setDescription(lines.join('\n'))
    .addFields({ name: t('finished.values'), value: shownValues(values, scene.reader).map((v) => v.name).join(' · ') })
    .setFooter({ text: t('finished.footer') });
  return { content: t('finished.content', { server: inlineText(scene.guildName) }), embeds: [embed], components: [] };
}

/** A member role's name, as the reader reads it. */
export const roleName = (role: MemberRole, t: OnboardingSays): string => t(`role.${role}`);

/**
 * The post in the introductions channel, in the server's language (`reader`, `t`). The mention
 * shows who it is; it never pings (client default).
 */
export function introductionPost(
  userId: string,
  intro: Intro,
  reasons: readonly JoinReason[],
  connection: FinishSummary['connection'],
  guildName: string,
  { t, reader }: { readonly t: OnboardingSays; readonly reader: Reader },
): WalkMessage {
  const picked = shownReasons(reasons, reader).filter((reason) => intro.reasons.includes(reason.id));
  const embed = new EmbedBuilder().setColor(ROOTS_GREEN).setTitle(inlineText(intro.name)).addFields({ name: t('intro.role'), value: roleName(intro.role, t), inline: true });
  if (intro.schoolRegion) embed.addFields({ name: t('intro.school-region'), value: inlineText(intro.schoolRegion), inline: true });
  embed.addFields({ name: t('intro.here-because'), value: hereBecauseValue(picked) });
  if (intro.note) embed.setDescription(intro.note);
  const lines = [t('intro.welcome', { user: userMention(userId), server: inlineText(guildName) })];
  if (connection) lines.push(t('intro.meet', { name: inlineText(intro.name), user: userMention(connection.userId), fellow: fellowOf(connection) }));
  return { content: lines.join('\n'), embeds: [embed], components: [] };
}

/** The prompt after moderators changed the tenets: what changed, and one button. */
export function recommitMessage(walk: Walk, version: number, changes: TenetChanges, scene: WalkScene): WalkMessage {
  const { t } = scene;
  const embed = new EmbedBuilder().setColor(ROOTS_GREEN).setTitle(t('recommit.title', { server: inlineText(scene.guildName) }));
  for (const tenet of shownTenets(changes.changed, scene.shippedTenets, scene.reader)) embed.addFields({ name: inlineText(tenet.name), value: tenetWords(tenet, t) });
  if (changes.removed.length > 0) embed.setFooter({ text: t('recommit.removed', { names: changes.removed.map(inlineText).join(', ') }) });
  const components =
    changes.changed.length > 0
      ? [row(new ButtonBuilder().setCustomId(recommitTenets.encode(walk.guildId, walk.userId, version)).setLabel(t('recommit.button')).setStyle(ButtonStyle.Success))]
      : [];
  return {
    content: t('recommit.content', { name: inlineText(walk.displayName), server: inlineText(scene.guildName) }),
    embeds: [embed],
    components,
  };
}

/** Shown in place of the prompt once the member re-committed. */
export function recommittedMessage(tenets: readonly Tenet[], scene: ReaderScene): WalkMessage {
  const { t } = scene;
  const names = boldNames(shownTenets(tenets, scene.shippedTenets, scene.reader).map((tenet) => tenet.name));
  return { content: names === '' ? t('recommit.done-unnamed') : t('recommit.done', { names }), embeds: [], components: [] };
}
