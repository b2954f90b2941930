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
  /** The bot still lacks these permissions (their names as Discord shows them) in its channel. */
  | { readonly kind: 'cannot-post'; readonly schedule: Schedule; readonly missing: readonly string[] }
  | { readonly kind: 'nothing-upcoming'; readonly schedule: Schedule }
  | { readonly kind: 'nothing-to-retry'; readonly schedule: Schedule }
  | { readonly kind: 'already-this-minute'; readonly schedule: Schedule }
  | { readonly kind: 'empty-library'; readonly library: LibraryKind }
  /** `fields`: the first of the issues about each field, by the field's name (`title`, `link`…). */
  | { readonly kind: 'invalid-entry'; readonly library: LibraryKind; readonly issues: readonly string[]; readonly fields: Readonly<Record<string, string>> }
  | { readonly kind: 'unknown-entry'; readonly library: LibraryKind; readonly id: number }
  /** An edit based on an older revision: someone else changed it meanwhile; `entry` is it now. */
  | { readonly kind: 'entry-changed'; readonly entry: LibraryEntry }
  /** An "I listened" click on something that is not (or no longer) this server's podcast-club post. */
  | { readonly kind: 'not-a-listen-post' };

export type RitualOutcome<T> = Outcome<T, RitualProblem>;
