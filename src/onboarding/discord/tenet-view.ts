import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, time, TimestampStyles } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { CommunityValue } from '../content.js';
import { valuesFieldValue } from '../field-text.js';
import type { TenetChanges, TenetSet } from '../tenets.js';
import type { Walk } from '../walk-store.js';
import { askRecommit, skipRecommit } from './custom-ids.js';
import { boldNames, ROOTS_GREEN, type WalkMessage } from './walk-view.js';

/** `/tenets show`: the tenets, what we value, and where the member stands with them. */
export function tenetsCard(guildName: string, set: TenetSet, values: readonly CommunityValue[], walk: Walk | undefined): EmbedBuilder {
  let standing: string;
  if (!walk) standing = "You haven't walked through them yet: `/onboarding start` takes you through them, one at a time.";
  else if (walk.step.kind !== 'done') standing = 'Your walk through them is under way: `/onboarding start` sends it to you again.';
  else if (walk.tenetVersion < set.version) standing = "They've changed since you committed to them; I'll ask you about what changed.";
  else standing = `You committed to them ${time(walk.finishedAt ?? walk.stepChangedAt, TimestampStyles.LongDate)}. Thank you! 🌱`;
  return new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(`Our tenets · ${inlineText(guildName)}`)
    .setDescription(set.tenets.map((tenet) => `**${inlineText(tenet.name)}**\n${tenet.text}`).join('\n\n'))
    .addFields({ name: 'What we value', value: valuesFieldValue(values) }, { name: 'You and the tenets', value: standing })
    .setFooter({ text: `Version ${set.version}${set.origin === 'default' ? ' · the Roots tenets' : ' · chosen by this server'}` });
}

function changeSummary(changes: TenetChanges): string {
  const parts: string[] = [];
  if (changes.changed.length > 0) parts.push(`New or reworded: ${boldNames(changes.changed.map((t) => t.name))}.`);
  if (changes.removed.length > 0) parts.push(`Removed: ${boldNames(changes.removed)}.`);
  return parts.length > 0 ? parts.join(' ') : 'Only the order changed.';
}

/**
 * The moderator's answer after a change. New members walk the new version from now on; members
 * who committed earlier are only asked again if the moderator says so.
 */
export function tenetsSavedMessage(set: TenetSet, changes: TenetChanges, committedEarlier: number): WalkMessage {
  const summary = `Saved: the tenets are now at version ${set.version}. ${changeSummary(changes)} New members will walk these from now on.`;
  if (changes.changed.length === 0 || committedEarlier === 0) return { content: summary, embeds: [], components: [] };
  const people = committedEarlier === 1 ? '1 member has' : `${committedEarlier} members have`;
  return {
    content: `${summary}\n\n${people} committed to an earlier version. Shall I ask them to re-commit to what changed? I'll message them a few at a time.`,
    embeds: [],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(askRecommit.encode(set.version)).setLabel('Ask them to re-commit').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId(skipRecommit.encode()).setLabel('Not this time').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}
