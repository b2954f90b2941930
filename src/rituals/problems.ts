import type { CronProblem } from './cron.js';
import type { LibraryKind, Schedule } from './model.js';

/**
 * Everything that can stop a moderator's ritual action, as values: services return them and
 * `explainProblem` (explain.ts) turns each into a kind sentence. Nothing is written when one occurs.
 */
export type RitualProblem =
  | { readonly kind: 'bad-cron'; readonly text: string; readonly problems: readonly CronProblem[] }
  | { readonly kind: 'bad-zone'; readonly zone: string }
  | { readonly kind: 'never-runs'; readonly cron: string }
  | { readonly kind: 'prompt-needs-text' }
  | { readonly kind: 'unknown-ritual'; readonly id: number }
  | { readonly kind: 'already-paused'; readonly schedule: Schedule }
  | { readonly kind: 'already-active'; readonly schedule: Schedule }
  | { readonly kind: 'paused'; readonly schedule: Schedule }
  | { readonly kind: 'nothing-upcoming'; readonly schedule: Schedule }
  | { readonly kind: 'nothing-to-retry'; readonly schedule: Schedule }
  | { readonly kind: 'already-this-minute'; readonly schedule: Schedule }
  | { readonly kind: 'empty-library'; readonly library: LibraryKind }
  | { readonly kind: 'invalid-entry'; readonly library: LibraryKind; readonly issues: readonly string[] }
  | { readonly kind: 'unknown-entry'; readonly library: LibraryKind; readonly id: number };

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: RitualProblem };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = (problem: RitualProblem): Outcome<never> => ({ ok: false, problem });
