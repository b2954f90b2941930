import { z } from 'zod';

/**
 * Where a member is on their walk: one tenet at a time, then their introduction, then done.
 * A tenet step names the tenets version it belongs to, so a button from an earlier run of the walk
 * (or from before a moderator changed the tenets) can't commit someone to words they never saw.
 */
export type WalkStep =
  | { readonly kind: 'tenet'; readonly version: number; readonly index: number }
  | { readonly kind: 'introduce' }
  | { readonly kind: 'done' };

/** The steps a button can act on: a finished walk has no buttons. */
export type OpenStep = Exclude<WalkStep, { kind: 'done' }>;

export function sameStep(a: WalkStep, b: WalkStep): boolean {
  if (a.kind === 'tenet' && b.kind === 'tenet') return a.version === b.version && a.index === b.index;
  return a.kind === b.kind;
}

/** The step after committing to tenet `index` of `count`. */
export function stepAfterTenet(version: number, index: number, count: number): OpenStep {
  return index + 1 < count ? { kind: 'tenet', version, index: index + 1 } : { kind: 'introduce' };
}

/** Steps travel in custom_ids as `t<version>.<index>` or `intro`: short, and free of ':'. */
export function stepToken(step: OpenStep): string {
  return step.kind === 'tenet' ? `t${step.version}.${step.index}` : 'intro';
}

export const StepToken = z
  .string()
  // Only the form stepToken writes: a canonical version, one digit of index (five tenets at most).
  .regex(/^(t[1-9]\d{0,5}\.\d|intro)$/)
  .transform((token): OpenStep => {
    if (token === 'intro') return { kind: 'introduce' };
    const [version, index] = token.slice(1).split('.').map(Number);
    return { kind: 'tenet', version: version ?? 0, index: index ?? 0 };
  });

/** A member's place in words: "tenet 2 of 5", "their introduction". */
export function describeStep(step: WalkStep, tenetCount: number): string {
  switch (step.kind) {
    case 'tenet':
      return `tenet ${step.index + 1} of ${tenetCount}`;
    case 'introduce':
      return 'the introduction';
    case 'done':
      return 'finished';
  }
}
