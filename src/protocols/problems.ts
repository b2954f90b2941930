import type { Outcome } from '../outcome.js';
import type { FinishedRun, OpenRun, StoppedRun } from './runs.js';

/**
 * Why a protocol action didn't happen. Services and handlers return these as values;
 * `discord/explain.ts` turns each into the member's sentence.
 */
export type ProtocolProblem =
  | { readonly kind: 'no-such-run' }
  /** A click or form for a run of another server, or from outside the run's thread (a forged custom_id). */
  | { readonly kind: 'elsewhere' }
  | { readonly kind: 'finished'; readonly run: FinishedRun }
  | { readonly kind: 'stopped'; readonly run: StoppedRun }
  /** The click or form belongs to a step the group has left. */
  | { readonly kind: 'moved-on'; readonly run: OpenRun }
  | { readonly kind: 'paused'; readonly run: OpenRun }
  | { readonly kind: 'not-paused'; readonly run: OpenRun }
  | { readonly kind: 'not-facilitator'; readonly run: OpenRun }
  | { readonly kind: 'first-step' }
  | { readonly kind: 'last-step' }
  | { readonly kind: 'empty' }
  /** Longer than the form allows (a client that ignores its max length); lengths as Discord counts them. */
  | { readonly kind: 'too-long'; readonly length: number; readonly limit: number }
  | { readonly kind: 'bad-date'; readonly typed: string; readonly text: string }
  | { readonly kind: 'past-date'; readonly typed: string; readonly text: string }
  /** A form or menu for a kind of step this step isn't (content changed under an old message). */
  | { readonly kind: 'wrong-step' }
  /** A run whose protocol is no longer in `data/protocols/`. */
  | { readonly kind: 'protocol-gone' }
  /** `/protocol start` with a protocol typed by hand that matches none. */
  | { readonly kind: 'unknown-protocol' }
  /** `/protocol export` or `stop` outside a run's thread with no run picked (or one of another server). */
  | { readonly kind: 'which-run'; readonly option: string }
  | { readonly kind: 'bad-topic' }
  /** Starting a protocol: where and with what the bot can open its thread. */
  | { readonly kind: 'inside-a-thread' }
  | { readonly kind: 'missing-permissions'; readonly missing: readonly MissingPermission[] }
  | { readonly kind: 'thread-refused' }
  | { readonly kind: 'not-a-text-channel' }
  | { readonly kind: 'add-from-step' }
  /** A "finish early?" answer pressed on a message that isn't that question. */
  | { readonly kind: 'not-this-prompt' };

/** A permission the bot needs in a channel to run a protocol there. */
export type MissingPermission = 'view-channel' | 'create-public-threads' | 'send-messages-in-threads' | 'embed-links';

/** What a protocol service returns: its value, or why nothing happened. */
export type ProtocolOutcome<T> = Outcome<T, ProtocolProblem>;
