import type { Outcome } from '../outcome.js';
import type { IntroProblem } from './intros.js';

/**
 * What can stop a member or moderator in onboarding, as values; `discord/explain.ts` words them.
 * The walk's ordinary turns (a double click, an older message) are not problems: they show the
 * member where they really are.
 */
export type OnboardingProblem =
  /** Someone pressed a button on another member's walk (a shared thread, a forwarded message). */
  | { readonly kind: 'not-your-walk' }
  /** No walk here: never started, or forgotten at the member's request. */
  | { readonly kind: 'no-walk' }
  | { readonly kind: 'walk-finished' }
  /** The member has left the server; their walk waits for their return. */
  | { readonly kind: 'away' }
  /** The bot is no longer in the walk's server. */
  | { readonly kind: 'bot-not-in-server' }
  | { readonly kind: 'not-set-up' }
  /** The introduction form's answers, one problem per box. */
  | { readonly kind: 'introduction-invalid'; readonly problems: readonly IntroProblem[] }
  /** `/tenets edit`'s boxes, one problem per box. */
  | { readonly kind: 'tenets-invalid'; readonly problems: readonly TenetProblem[] }
  /** Someone else saved the tenets while this edit was open; saving would undo their change. */
  | { readonly kind: 'tenets-conflict'; readonly version: number };

/** What can be wrong with the tenets a moderator wrote, naming the box (1 to 5) it is in. */
export type TenetProblem =
  | { readonly kind: 'no-colon'; readonly box: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'too-many'; readonly max: number }
  | { readonly kind: 'empty'; readonly box: number; readonly field: 'name' | 'text' }
  | { readonly kind: 'too-long'; readonly box: number; readonly field: 'name' | 'text'; readonly max: number }
  | { readonly kind: 'duplicate'; readonly box: number; readonly name: string };

export type OnboardingOutcome<T> = Outcome<T, OnboardingProblem>;
