import type { Outcome } from '../outcome.js';
import type { FinishedRun, OpenRun } from './runs.js';

/**
 * Why a protocol action didn't happen. Services return these as values; the feature turns each
 * into a sentence for the member (`problem-messages.ts`).
 */
export type Problem =
  | { readonly kind: 'no-such-run' }
  | { readonly kind: 'finished'; readonly run: FinishedRun }
  /** The click or form belongs to a step the group has left. */
  | { readonly kind: 'moved-on'; readonly run: OpenRun }
  | { readonly kind: 'paused'; readonly run: OpenRun }
  | { readonly kind: 'not-paused'; readonly run: OpenRun }
  | { readonly kind: 'not-facilitator'; readonly run: OpenRun }
  | { readonly kind: 'first-step' }
  | { readonly kind: 'last-step' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'bad-date'; readonly typed: string; readonly text: string }
  | { readonly kind: 'past-date'; readonly typed: string; readonly text: string }
  /** A form or menu for a kind of step this step isn't (content changed under an old message). */
  | { readonly kind: 'wrong-step' };

/** What a protocol service returns: its value, or why nothing happened. */
export type RunOutcome<T> = Outcome<T, Problem>;
