import { EmbedBuilder, channelMention, roleMention } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { OnboardingSettings } from '../settings.js';
import { dropOff, funnelChart, type Picture, type TextMeasure } from '../../pictures/index.js';
import { funnelOf, type FunnelStage, type OnboardingStats, type StatsPeriod, type Stop } from '../stats.js';
import type { TenetSet } from '../tenets.js';
import type { SetupCheck } from './setup-checks.js';
import { ROOTS_GREEN } from './walk-view.js';

const WARNING = 0xf0b232;

const orNone = (id: string | null, mention: (id: string) => string) => (id === null ? '*not set*' : mention(id));

export function setupCard(settings: OnboardingSettings, checks: readonly SetupCheck[]): EmbedBuilder {
  const problems = checks.filter((check) => !check.ok).length;
  return new EmbedBuilder()
    .setColor(problems === 0 ? ROOTS_GREEN : WARNING)
    .setTitle(problems === 0 ? 'Onboarding is ready 🌱' : `Onboarding is on, with ${problems === 1 ? 'one thing' : `${problems} things`} to look at`)
    .addFields(
      { name: 'Member role', value: orNone(settings.memberRoleId, roleMention), inline: true },
      { name: 'Introductions', value: orNone(settings.introductionsChannelId, channelMention), inline: true },
      { name: 'Welcome threads', value: orNone(settings.welcomeChannelId, channelMention), inline: true },
      { name: 'Walk starts in', value: settings.firstContact === 'dm' ? 'DMs (a thread if closed)' : 'a private thread (DMs if not possible)', inline: true },
      { name: 'Nudge after', value: settings.nudgeAfterDays === 0 ? 'never' : `${settings.nudgeAfterDays} day${settings.nudgeAfterDays === 1 ? '' : 's'} without progress`, inline: true },
      { name: 'Notes to moderators', value: orNone(settings.logChannelId, channelMention), inline: true },
      { name: 'Checks', value: checks.map((check) => `${check.ok ? '✅' : '⚠️'} ${check.text}`).join('\n') },
    );
}

const PERIOD_NAMES: Readonly<Record<StatsPeriod, string>> = { week: 'the last 7 days', month: 'the last 30 days', quarter: 'the last 90 days', all: 'all time' };

function stopName(stop: Stop, tenets: TenetSet): string {
  switch (stop.kind) {
    case 'screening':
      return 'Waiting to accept the server rules';
    case 'unreachable':
      return "Couldn't be reached (DMs closed, no welcome thread)";
    case 'tenet': {
      const name = tenets.tenets[stop.index]?.name;
      return `Tenet ${stop.index + 1}${name ? ` · ${inlineText(name)}` : ''}`;
    }
    case 'introduce':
      return 'The introduction';
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((part / whole) * 100)}%)`);

export function statsCard(stats: OnboardingStats, period: StatsPeriod, tenets: TenetSet): EmbedBuilder {
  const stillWalking = stats.joined - stats.finished;
  const card = new EmbedBuilder()
    .setColor(ROOTS_GREEN)
    .setTitle(`Onboarding · ${PERIOD_NAMES[period]}`)
    .addFields(
      { name: 'Joined', value: String(stats.joined), inline: true },
      { name: 'Finished', value: `${stats.finished}${percent(stats.finished, stats.joined)}`, inline: true },
      { name: 'Still on their way', value: String(stillWalking), inline: true },
    );
  if (stats.stopped.length > 0) {
    card.addFields({ name: 'Where they stopped', value: stats.stopped.map(({ at, count }) => `${stopName(at, tenets)}: **${count}**`).join('\n') });
  }
  if (stats.joined > 0) {
    const steps = funnelSteps(stats, tenets);
    card.addFields({
      name: 'Reached each step',
      value: steps
        .map((step, index) => {
          const previous = steps[index - 1];
          const drop = previous === undefined || previous.count <= step.count ? '' : ` · ${dropOff(previous.count, step.count)}`;
          return `${inlineText(step.label)}: **${step.count}**${drop}`;
        })
        .join('\n'),
    });
  }
  if (stats.leftBeforeFinishing > 0) card.setFooter({ text: `${stats.leftBeforeFinishing} of those who stopped have left the server.` });
  if (stats.joined === 0) card.setDescription('Nobody has joined in this period yet.');
  return card;
}

function stageName(stage: FunnelStage, tenets: TenetSet): string {
  switch (stage.kind) {
    case 'joined':
      return 'Joined';
    case 'tenet': {
      const name = tenets.tenets[stage.index]?.name;
      return `Tenet ${stage.index + 1}${name ? ` · ${name}` : ''}`;
    }
    case 'introduce':
      return 'Writing their introduction';
    case 'finished':
      return 'Introduced: finished';
  }
}

function funnelSteps(stats: OnboardingStats, tenets: TenetSet): { label: string; count: number }[] {
  return funnelOf(stats, tenets.tenets.length).map(({ at, reached }) => ({ label: stageName(at, tenets), count: reached }));
}

/** The funnel as a picture, for a period anyone joined in. */
export function funnelPicture(stats: OnboardingStats, period: StatsPeriod, tenets: TenetSet, measure: TextMeasure): Picture[] {
  if (stats.joined === 0) return [];
  return [funnelChart('onboarding-funnel.png', { title: `Onboarding · ${PERIOD_NAMES[period]}`, steps: funnelSteps(stats, tenets) }, measure)];
}
