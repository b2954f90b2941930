import { EmbedBuilder, channelMention, roleMention } from 'discord.js';
import { LANGUAGE_NAMES, type Language } from '../../i18n/locales.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { OnboardingSettings } from '../settings.js';
import { funnelChart, type FunnelWords, type Picture, type TextMeasure } from '../../pictures/index.js';
import { funnelOf, type FunnelStage, type OnboardingStats, type StatsPeriod, type Stop } from '../stats.js';
import type { TenetSet } from '../tenets.js';
import type { OnboardingSays } from './messages.js';
import type { SetupCheck } from './setup-checks.js';
import { ROOTS_GREEN } from './walk-view.js';

const WARNING = 0xf0b232;

const orNone = (id: string | null, mention: (id: string) => string, t: OnboardingSays) => (id === null ? t('setup.not-set') : mention(id));

/** The language of public posts: the one moderators chose, or the server's Discord language. */
export interface PostsLanguage {
  readonly chosen: Language | undefined;
  /** The server's Discord language (`preferred_locale`), as Discord names it. */
  readonly discordLocale: string;
}

export function setupCard(settings: OnboardingSettings, checks: readonly SetupCheck[], language: PostsLanguage, t: OnboardingSays): EmbedBuilder {
  const problems = checks.filter((check) => !check.ok).length;
  const days = settings.nudgeAfterDays;
  return new EmbedBuilder()
    .setColor(problems === 0 ? ROOTS_GREEN : WARNING)
    .setTitle(problems === 0 ? t('setup.ready') : t('setup.to-look-at', { count: problems }))
    .addFields(
      { name: t('setup.member-role'), value: orNone(settings.memberRoleId, roleMention, t), inline: true },
      { name: t('setup.introductions'), value: orNone(settings.introductionsChannelId, channelMention, t), inline: true },
      { name: t('setup.welcome-threads'), value: orNone(settings.welcomeChannelId, channelMention, t), inline: true },
      { name: t('setup.walk-starts'), value: settings.firstContact === 'dm' ? t('setup.walk-starts.dm') : t('setup.walk-starts.thread'), inline: true },
      { name: t('setup.nudge'), value: days === 0 ? t('setup.nudge.never') : t('setup.nudge.days', { days }), inline: true },
      { name: t('setup.notes'), value: orNone(settings.logChannelId, channelMention, t), inline: true },
      {
        name: t('setup.language'),
        value: language.chosen === undefined ? t('setup.language.discord', { language: language.discordLocale }) : LANGUAGE_NAMES[language.chosen],
        inline: true,
      },
      { name: t('setup.checks'), value: checks.map((check) => `${check.ok ? '✅' : '⚠️'} ${check.text}`).join('\n') },
    );
}

function tenetName(index: number, tenets: TenetSet, t: OnboardingSays, format: (name: string) => string): string {
  const name = tenets.tenets[index]?.name;
  return name ? t('stats.tenet', { number: index + 1, name: format(name) }) : t('stats.tenet-unnamed', { number: index + 1 });
}

function stopName(stop: Stop, tenets: TenetSet, t: OnboardingSays): string {
  switch (stop.kind) {
    case 'screening':
      return t('stats.stop.screening');
    case 'unreachable':
      return t('stats.stop.unreachable');
    case 'tenet':
      return tenetName(stop.index, tenets, t, inlineText);
    case 'introduce':
      return t('stats.stop.introduce');
  }
}

export function statsCard(stats: OnboardingStats, period: StatsPeriod, tenets: TenetSet, t: OnboardingSays): EmbedBuilder {
  const stillWalking = stats.joined - stats.finished;
  const card = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(t('stats.title', { period }))
    .addFields(
      { name: t('stats.joined'), value: String(stats.joined), inline: true },
      { name: t('stats.finished'), value: stats.joined === 0 ? String(stats.finished) : t('stats.finished-share', { finished: stats.finished, share: stats.finished / stats.joined }), inline: true },
      { name: t('stats.walking'), value: String(stillWalking), inline: true },
    );
  if (stats.stopped.length > 0) {
    card.addFields({ name: t('stats.stopped'), value: stats.stopped.map(({ at, count }) => `${stopName(at, tenets, t)}: **${count}**`).join('\n') });
  }
  if (stats.joined > 0) {
    const steps = funnelSteps(stats, tenets, t);
    card.addFields({
      name: t('stats.reached'),
      value: steps
        .map((step, index) => {
          const previous = steps[index - 1];
          const drop = previous === undefined || previous.count <= step.count ? '' : ` · ${dropOff(t, previous.count, step.count)}`;
          return `${inlineText(step.label)}: **${step.count}**${drop}`;
        })
        .join('\n'),
    });
  }
  if (stats.leftBeforeFinishing > 0) card.setFooter({ text: t('stats.left', { count: stats.leftBeforeFinishing }) });
  if (stats.joined === 0) card.setDescription(t('stats.nobody'));
  return card;
}

function stageName(stage: FunnelStage, tenets: TenetSet, t: OnboardingSays): string {
  switch (stage.kind) {
    case 'joined':
      return t('stats.stage.joined');
    case 'tenet':
      // Drawn as plain text (and escaped by the card), so the name is left as typed here.
      return tenetName(stage.index, tenets, t, (name) => name);
    case 'introduce':
      return t('stats.stage.introduce');
    case 'finished':
      return t('stats.stage.finished');
  }
}

function funnelSteps(stats: OnboardingStats, tenets: TenetSet, t: OnboardingSays): { label: string; count: number }[] {
  return funnelOf(stats, tenets.tenets.length).map(({ at, reached }) => ({ label: stageName(at, tenets, t), count: reached }));
}

/** "−3 (20%)": how many of the step before did not reach this one. */
function dropOff(t: OnboardingSays, previous: number, count: number): string {
  const lost = previous - count;
  return lost <= 0 ? t('stats.no-drop') : t('stats.drop', { lost, share: lost / previous });
}

/** The words the funnel draws, in the reader's language. */
export function funnelWords(t: OnboardingSays): FunnelWords {
  return { count: (count) => t('stats.funnel.count', { count }), dropOff: (previous, count) => dropOff(t, previous, count) };
}

/** The funnel as a picture, for a period anyone joined in: its words and description in the reader's language. */
export function funnelPicture(stats: OnboardingStats, period: StatsPeriod, tenets: TenetSet, measure: TextMeasure, t: OnboardingSays): Picture[] {
  if (stats.joined === 0) return [];
  const title = t('stats.title', { period });
  const steps = funnelSteps(stats, tenets, t);
  const described = steps.map(({ label, count }, index) => {
    const previous = steps[index - 1];
    if (previous === undefined) return t('stats.funnel.alt-first', { label, count });
    const lost = Math.max(0, previous.count - count);
    return t('stats.funnel.alt-step', { label, count, lost, share: previous.count === 0 ? 0 : lost / previous.count });
  });
  const alt = t('stats.funnel.alt', { title, steps: described.join('; ') });
  return [funnelChart('onboarding-funnel.png', { title, steps, words: funnelWords(t), alt }, measure)];
}
