import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, channelMention, userMention, type BaseMessageOptions } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { CommunityValue, JoinReason, Tenet } from '../content.js';
import { hereBecauseValue } from '../field-text.js';
import { MEMBER_ROLES, type Intro, type MemberRole } from '../intros.js';
import { stepToken } from '../steps.js';
import type { TenetChanges, TenetSet } from '../tenets.js';
import type { Walk } from '../walk-store.js';
import type { Greeting } from '../walks.js';
import { commitTenet, openIntroduction, openReflection, recommitTenets } from './custom-ids.js';

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

export interface WalkScene {
  readonly guildName: string;
  readonly why: string;
  readonly introductionsChannelId: string | null;
}

function opening(kind: Opening, walk: Walk, scene: WalkScene, tenetCount: number): string {
  // Names people chose are shown as typed, never as Markdown (a disguised link, a heading).
  const name = inlineText(walk.displayName);
  const server = inlineText(scene.guildName);
  switch (kind) {
    case 'welcome':
      return [
        `Welcome to **${server}**, ${name}! 🌱 We're so glad you're here.`,
        `> ${scene.why}`,
        `Before you dive in, let's take a short walk through what we care about: ${tenetCount} tenets, one at a time, then a quick hello. It takes about three minutes.`,
      ].join('\n');
    case 'welcome-back':
      return `Welcome back to **${server}**, ${name}! 🌱 Let's pick up where you left off.`;
    case 'nudge':
      return `Hi ${name}, just a gentle nudge 🌱 Your welcome walk for **${server}** is waiting right where you left it, whenever you're ready.`;
    case 'reminder':
      return `Hi ${name} 🌱 The moderators of **${server}** asked me to check in: your welcome walk is waiting right where you left it.`;
    case 'restart':
      return `Here's your walk through **${server}**'s tenets, from the beginning. 🌱`;
    case 'reflected':
      // The same answer that moves the walk on thanks them: a reflection is a small gift.
      return 'Thank you for sharing what it means to you. 🌱';
    case 'none':
      return '';
  }
}

function row(...buttons: ButtonBuilder[]): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons);
}

function tenetStep(walk: Walk, tenets: TenetSet, index: number): Pick<WalkMessage, 'embeds' | 'components'> {
  const tenet = tenets.tenets[index];
  if (!tenet) throw new Error(`tenet ${index} missing from version ${tenets.version}`);
  const at = stepToken({ kind: 'tenet', version: tenets.version, index });
  const count = tenets.tenets.length;
  const embed = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(`Tenet ${index + 1} of ${count} · ${inlineText(tenet.name)}`)
    .setDescription(`> ${oneLine(tenet.text)}`)
    .setFooter({ text: `Step ${index + 1} of ${count + 1} · Commit when you're ready, or first add a line about what it means to you.` });
  return {
    embeds: [embed],
    components: [
      row(
        new ButtonBuilder().setCustomId(commitTenet.encode(walk.guildId, walk.userId, at)).setLabel('I commit to this').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(openReflection.encode(walk.guildId, walk.userId, at)).setLabel('Add a reflection').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

function introduceStep(walk: Walk, tenets: TenetSet, scene: WalkScene): Pick<WalkMessage, 'embeds' | 'components'> {
  const where = scene.introductionsChannelId ? `in ${channelMention(scene.introductionsChannelId)}` : 'for the community';
  const embed = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle('Last step: say hello 👋')
    .setDescription(
      [
        `Thank you for committing to ${boldNames(tenets.tenets.map((t) => t.name))}.`,
        `Now tell everyone a little about yourself: I'll post it ${where} and open the rest of **${inlineText(scene.guildName)}** to you.`,
      ].join('\n\n'),
    )
    .setFooter({ text: `Step ${tenets.tenets.length + 1} of ${tenets.tenets.length + 1}` });
  return {
    embeds: [embed],
    components: [row(new ButtonBuilder().setCustomId(openIntroduction.encode(walk.guildId, walk.userId)).setLabel('Introduce myself').setStyle(ButtonStyle.Primary))],
  };
}

/** The message for the member's current step. A finished walk has none: see {@link finishedMessage}. */
export function stepMessage(walk: Walk, tenets: TenetSet, scene: WalkScene, kind: Opening): WalkMessage {
  const content = opening(kind, walk, scene, tenets.tenets.length);
  switch (walk.step.kind) {
    case 'tenet':
      return { content, ...tenetStep(walk, tenets, walk.step.index) };
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

export function finishedMessage(walk: Walk, scene: WalkScene, outcome: FinishSummary, values: readonly CommunityValue[]): WalkMessage {
  const lines: string[] = [];
  lines.push(
    outcome.introPosted
      ? `Your introduction is up in ${channelMention(outcome.introPosted.channelId)}.`
      : "I've saved your introduction; the moderators will share it with the community.",
  );
  if (outcome.role.kind === 'granted') lines.push(`You now have the **${inlineText(outcome.role.name)}** role, so the whole server is open to you.`);
  if (outcome.role.kind === 'failed') lines.push("I couldn't open the rest of the server to you myself, so I've asked the moderators to; it won't be long.");
  if (outcome.connection) {
    const who = outcome.connection.sameRole ? `a fellow ${MEMBER_ROLES[outcome.connection.role].toLowerCase()}` : 'another member';
    lines.push(`Someone to say hello to: ${userMention(outcome.connection.userId)}, ${who} who joined recently.`);
  }
  const embed = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(`You're all set, ${inlineText(walk.displayName)}! 🎉`)
    .setDescription(lines.join('\n'))
    .addFields({ name: 'What we value', value: values.map((v) => v.name).join(' · ') })
    .setFooter({ text: 'Use /tenets show in the server any time to see the tenets again.' });
  return { content: `Welcome to **${inlineText(scene.guildName)}**. 🌱`, embeds: [embed], components: [] };
}

/** The post in the introductions channel. The mention shows who it is; it never pings (client default). */
export function introductionPost(userId: string, intro: Intro, reasons: readonly JoinReason[], connection: FinishSummary['connection'], guildName: string): WalkMessage {
  const picked = reasons.filter((reason) => intro.reasons.includes(reason.id));
  const embed = new EmbedBuilder().setColor(ROOTS_GREEN).setTitle(inlineText(intro.name)).addFields({ name: 'Role', value: MEMBER_ROLES[intro.role], inline: true });
  if (intro.schoolRegion) embed.addFields({ name: 'School or region', value: inlineText(intro.schoolRegion), inline: true });
  embed.addFields({ name: 'Here because', value: hereBecauseValue(picked) });
  if (intro.note) embed.setDescription(intro.note);
  const lines = [`🌱 Please welcome ${userMention(userId)} to ${inlineText(guildName)}!`];
  if (connection) lines.push(`${inlineText(intro.name)}, meet ${userMention(connection.userId)}${connection.sameRole ? `, a fellow ${MEMBER_ROLES[connection.role].toLowerCase()}` : ''}, who joined recently too.`);
  return { content: lines.join('\n'), embeds: [embed], components: [] };
}

/** The prompt after moderators changed the tenets: what changed, and one button. */
export function recommitMessage(walk: Walk, version: number, changes: TenetChanges, guildName: string): WalkMessage {
  const embed = new EmbedBuilder().setColor(ROOTS_GREEN).setTitle(`What changed in ${inlineText(guildName)}'s tenets`);
  for (const tenet of changes.changed) embed.addFields({ name: inlineText(tenet.name), value: `> ${oneLine(tenet.text)}` });
  if (changes.removed.length > 0) embed.setFooter({ text: `No longer among the tenets: ${changes.removed.map(inlineText).join(', ')}` });
  const components =
    changes.changed.length > 0
      ? [row(new ButtonBuilder().setCustomId(recommitTenets.encode(walk.guildId, walk.userId, version)).setLabel('I commit to these').setStyle(ButtonStyle.Success))]
      : [];
  return {
    content: `Hi ${inlineText(walk.displayName)} 🌱 The moderators of **${inlineText(guildName)}** have updated the community's tenets. Here's what changed, so you can re-commit to it.`,
    embeds: [embed],
    components,
  };
}

/** Shown in place of the prompt once the member re-committed. */
export function recommittedMessage(tenets: readonly Tenet[]): WalkMessage {
  const names = boldNames(tenets.map((t) => t.name));
  return { content: `Thank you! You've committed to ${names || 'the updated tenets'}. 🌱`, embeds: [], components: [] };
}
