import type { Outcome } from '../outcome.js';
import type { CronProblem } from './cron.js';
import type { LibraryEntry, LibraryKind, Schedule } from './model.js';

/**
 * Everything that can stop a ritual action, as values: services return them and
 * `explainRitualProblem` (discord/explain.ts) turns each into a kind sentence. Nothing is written
 * when one occurs.
 */
export type RitualProblem =
  | { readonly kind: 'bad-cron'; readonly text: string; readonly problems: readonly CronProblem[] }
  | { readonly kind: 'bad-zone'; readonly zone: string }
  | { readonly kind: 'never-runs'; readonly cron: string }
  | { readonly kind: 'prompt-needs-text' }
  | { readonly kind: 'nothing-to-change' }
  | { readonly kind: 'unknown-ritual'; readonly id: number }
  /** An edit based on an older revision: someone else changed it meanwhile; `schedule` is it now. */
  | { readonly kind: 'ritual-changed'; readonly schedule: Schedule }
  | { readonly kind: 'already-paused'; readonly schedule: Schedule }
  | { readonly kind: 'already-active'; readonly schedule: Schedule }
  | { readonly kind: 'paused'; readonly schedule: Schedule }
  /** Its channel is gone: resuming would only pause it again. */
  | { readonly kind: 'channel-gone'; readonly schedule: Schedule }
  /** The bot still lacks these permissions in its channel. */
  | { readonly kind: 'cannot-post'; readonly schedule: Schedule; readonly missing: readonly PostPermission[] }
  | { readonly kind: 'nothing-upcoming'; readonly schedule: Schedule }
  | { readonly kind: 'nothing-to-retry'; readonly schedule: Schedule }
  | { readonly kind: 'already-this-minute'; readonly schedule: Schedule }
  | { readonly kind: 'empty-library'; readonly library: LibraryKind }
  | { readonly kind: 'invalid-entry'; readonly library: LibraryKind; readonly issues: readonly EntryIssue[] }
  | { readonly kind: 'unknown-entry'; readonly library: LibraryKind; readonly id: number }
  /** An edit based on an older revision: someone else changed it meanwhile; `entry` is it now. */
  | { readonly kind: 'entry-changed'; readonly entry: LibraryEntry }
  /** An "I listened" click on something that is not (or no longer) this server's podcast-club post. */
  | { readonly kind: 'not-a-listen-post' };

/** A field of the add forms, as the form names it. */
export type EntryField = 'title' | 'author' | 'year' | 'source' | 'text' | 'show' | 'link' | 'about';

/** What needs fixing in an entry a moderator typed; discord/explain.ts says it in their language. */
export type EntryIssue =
  | { readonly kind: 'empty'; readonly field: EntryField }
  | { readonly kind: 'too-long'; readonly field: EntryField; readonly max: number }
  | { readonly kind: 'year-format' }
  | { readonly kind: 'link-format' }
  | { readonly kind: 'question-too-long'; readonly max: number }
  | { readonly kind: 'too-few-questions'; readonly min: number }
  | { readonly kind: 'too-many-questions'; readonly max: number };

/** The permissions a ritual post needs in its channel, by the names Discord shows them under. */
export type PostPermission = 'view-channel' | 'send-messages' | 'embed-links' | 'create-public-threads' | 'send-messages-in-threads';

export type RitualOutcome<T> = Outcome<T, RitualProblem>;
