import type { Reader } from '../../i18n/locales.js';
import { unwrapWith } from '../../outcome.js';
import type { PostPermission, RitualProblem } from '../problems.js';
import { explainCron, listOf } from './cron-words.js';
import { ENGLISH_RITUALS, ritualMessages, type RitualsT } from './messages.js';

const PERMISSION_WORDS = {
  'view-channel': 'permission.view-channel',
  'send-messages': 'permission.send-messages',
  'embed-links': 'permission.embed-links',
  'create-public-threads': 'permission.create-public-threads',
  'send-messages-in-threads': 'permission.send-messages-in-threads',
} as const satisfies Readonly<Record<PostPermission, string>>;

/**
 * Every ritual problem as a kind sentence for the moderator (or member) who ran into it, in their
 * language (English unless told: the dashboard is English).
 */
export function explainRitualProblem(problem: RitualProblem, t: RitualsT = ENGLISH_RITUALS): string {
  switch (problem.kind) {
    case 'bad-cron':
      return explainCron(t, problem.text, problem.problems);
    case 'bad-zone':
      return t('problem.bad-zone', { zone: problem.zone.trim() || ' ' });
    case 'never-runs':
      return t('problem.never-runs', { cron: problem.cron });
    case 'prompt-needs-text':
      return t('problem.prompt-needs-text');
    case 'nothing-to-change':
      return t('problem.nothing-to-change');
    case 'unknown-ritual':
      return t('problem.unknown-ritual', { id: String(problem.id) });
    case 'already-paused':
      return t('problem.already-paused', { id: String(problem.schedule.id) });
    case 'already-active':
      return t('problem.already-active', { id: String(problem.schedule.id) });
    case 'paused':
      return t('problem.paused', { id: String(problem.schedule.id) });
    case 'channel-gone':
      return t('problem.channel-gone', { id: String(problem.schedule.id) });
    case 'cannot-post':
      return t('problem.cannot-post', {
        channel: problem.schedule.channelId,
        id: String(problem.schedule.id),
        permissions: listOf(t, problem.missing.map((permission) => t(PERMISSION_WORDS[permission]))),
      });
    case 'nothing-upcoming':
      return t('problem.nothing-upcoming', { id: String(problem.schedule.id) });
    case 'nothing-to-retry':
      return t('problem.nothing-to-retry', { id: String(problem.schedule.id) });
    case 'already-this-minute':
      return t('problem.already-this-minute', { id: String(problem.schedule.id) });
    case 'empty-library':
      return t(`problem.empty-library.${problem.library}`);
    case 'invalid-entry':
      // The issues are the form's own checks (src/rituals/library.ts), written in English.
      return [t('problem.invalid-entry'), ...problem.issues.map((issue) => `• ${issue}`)].join('\n');
    case 'unknown-entry':
      return t(`problem.unknown-entry.${problem.library}`, { id: String(problem.id) });
    case 'not-a-listen-post':
      return t('problem.not-a-listen-post');
  }
}

/**
 * The one way rituals' handlers unwrap a service's outcome, for the reader of the reply:
 * `orExplain(reader)(await skipNext(...))`.
 */
export const orExplain = (reader: Reader) => unwrapWith((problem: RitualProblem) => explainRitualProblem(problem, ritualMessages.for(reader)));
