import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, time, TimestampStyles } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { CommunityValue } from '../content.js';
import { valuesFieldValue } from '../field-text.js';
import { shownTenets, shownValues } from '../shown-content.js';
import type { TenetChanges, TenetSet } from '../tenets.js';
import type { Walk } from '../walk-store.js';
import { askRecommit, skipRecommit } from './custom-ids.js';
import type { OnboardingSays } from './messages.js';
import { boldNames, ROOTS_GREEN, type ReaderScene, type WalkMessage } from './walk-view.js';

/** `/tenets show`: the tenets, what we value, and where the member stands with them. */
export function tenetsCard(guildName: string, set: TenetSet, values: readonly CommunityValue[], walk: Walk | undefined, scene: ReaderScene): EmbedBuilder {
  const { t } = scene;
  let standing: string;
  if (!walk) standing = t('tenets.standing.not-walked');
  else if (walk.step.kind !== 'done') standing = t('tenets.standing.under-way');
  else if (walk.tenetVersion < set.version) standing = t('tenets.standing.changed');
  else standing = t('tenets.standing.committed', { date: time(walk.finishedAt ?? walk.stepChangedAt, TimestampStyles.LongDate) });
  const tenets = shownTenets(set.tenets, scene.shippedTenets, scene.reader);
  const words = tenets.map((tenet) => `**${inlineText(tenet.name)}**\n${tenet.text}`).join('\n\n');
  return new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(t('tenets.title', { server: inlineText(guildName) }))
    .setDescription(tenets.some((tenet) => tenet.translated) ? `${words}\n\n-# ${t('tenet.translated')}` : words)
    .addFields({ name: t('tenets.values'), value: valuesFieldValue(shownValues(values, scene.reader)) }, { name: t('tenets.you'), value: standing })
    .setFooter({ text: set.origin === 'default' ? t('tenets.footer.default', { version: set.version }) : t('tenets.footer.server', { version: set.version }) });
}

function changeSummary(changes: TenetChanges, t: OnboardingSays): string[] {
  const parts: string[] = [];
  if (changes.changed.length > 0) parts.push(t('tenets.saved.changed', { names: boldNames(changes.changed.map((tenet) => tenet.name)) }));
  if (changes.removed.length > 0) parts.push(t('tenets.saved.removed', { names: boldNames(changes.removed) }));
  return parts.length > 0 ? parts : [t('tenets.saved.order')];
}

/**
 * The moderator's answer after a change. New members walk the new version from now on; members
 * who committed earlier are only asked again if the moderator says so.
 */
export function tenetsSavedMessage(set: TenetSet, changes: TenetChanges, committedEarlier: number, t: OnboardingSays): WalkMessage {
  const summary = [t('tenets.saved', { version: set.version }), ...changeSummary(changes, t), t('tenets.saved.next')].join(' ');
  if (changes.changed.length === 0 || committedEarlier === 0) return { content: summary, embeds: [], components: [] };
  return {
    content: [summary, t('tenets.saved.ask', { count: committedEarlier })].join('\n\n'),
    embeds: [],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(askRecommit.encode(set.version)).setLabel(t('tenets.ask')).setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId(skipRecommit.encode()).setLabel(t('tenets.skip')).setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}
