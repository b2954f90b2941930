import type { Outcome } from '../outcome.js';

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
  /** The introduction form's answers, each problem already a sentence about one field. */
  | { readonly kind: 'introduction-invalid'; readonly problems: readonly string[] }
  /** `/tenets edit`'s boxes, each problem already a sentence about one box. */
  | { readonly kind: 'tenets-invalid'; readonly problems: readonly string[] }
  /** Someone else saved the tenets while this edit was open; saving would undo their change. */
  | { readonly kind: 'tenets-conflict'; readonly version: number };

export type OnboardingOutcome<T> = Outcome<T, OnboardingProblem>;
