import type { Reader } from '../../i18n/locales.js';
import { unwrapWith } from '../../outcome.js';
import type { LibraryKind } from '../model.js';
import type { EntryField, EntryIssue, PostPermission, RitualProblem } from '../problems.js';
import { explainCron, listOf } from './cron-words.js';
import { ENGLISH_RITUALS, ritualMessages, type RitualKey, type RitualsT } from './messages.js';

const PERMISSION_WORDS = {
  'view-channel': 'permission.view-channel',
  'send-messages': 'permission.send-messages',
  'embed-links': 'permission.embed-links',
  'create-public-threads': 'permission.create-public-threads',
  'send-messages-in-threads': 'permission.send-messages-in-threads',
} as const satisfies Readonly<Record<PostPermission, string>>;

/** The names of the fields each form has (libraries.ts), as the checks name them. */
const FIELD_WORDS: Readonly<Record<LibraryKind, Readonly<Partial<Record<EntryField, RitualKey>>>>> = {
  poem: { title: 'entry.field.poem.title', author: 'entry.field.poem.author', year: 'entry.field.poem.year', source: 'entry.field.poem.source', text: 'entry.field.poem.text' },
  podcast: { title: 'entry.field.podcast.title', show: 'entry.field.podcast.show', link: 'entry.field.podcast.link', about: 'entry.field.podcast.about' },
};

/** The form field an issue is about (`questions` for the questions), so a form can say it beside that field. */
export function issueField(issue: EntryIssue): string {
  switch (issue.kind) {
    case 'empty':
    case 'too-long':
      return issue.field;
    case 'year-format':
      return 'year';
    case 'link-format':
      return 'link';
    default:
      return 'questions';
  }
}

/** One thing to fix in what a moderator typed into `/poem add` or `/podcast add`. */
export function entryIssue(t: RitualsT, library: LibraryKind, issue: EntryIssue): string {
  // A form only checks its own fields, so the name is always there; the id is a last resort.
  const name = (field: EntryField) => {
    const key = FIELD_WORDS[library][field];
    return key === undefined ? field : t(key);
  };
  switch (issue.kind) {
    case 'empty':
      return t('entry.empty', { field: name(issue.field) });
    case 'too-long':
      return t('entry.too-long', { field: name(issue.field), max: String(issue.max) });
    case 'year-format':
      return t('entry.year-format');
    case 'link-format':
      return t('entry.link-format');
    case 'question-too-long':
      return t('entry.question-too-long', { max: String(issue.max) });
    case 'too-few-questions':
      return t('entry.too-few-questions', { min: issue.min });
    case 'too-many-questions':
      return t('entry.too-many-questions', { max: issue.max });
  }
}

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
    case 'ritual-changed':
      return t('problem.ritual-changed', { id: String(problem.schedule.id) });
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
      return [t('problem.invalid-entry'), ...problem.issues.map((issue) => `• ${entryIssue(t, problem.library, issue)}`)].join('\n');
    case 'unknown-entry':
      return t(`problem.unknown-entry.${problem.library}`, { id: String(problem.id) });
    case 'entry-changed':
      return t(`problem.entry-changed.${problem.entry.kind}`, { id: String(problem.entry.id) });
    case 'not-a-listen-post':
      return t('problem.not-a-listen-post');
  }
}

/**
 * The one way rituals' handlers unwrap a service's outcome, for the reader of the reply:
 * `orExplain(reader)(await skipNext(...))`.
 */
export const orExplain = (reader: Reader) => unwrapWith((problem: RitualProblem) => explainRitualProblem(problem, ritualMessages.for(reader)));
