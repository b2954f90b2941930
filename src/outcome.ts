import { UserFacingError } from './interactions/errors.js';

/**
 * What a service returns when something can stop it: the value, or a problem as a value that the
 * presentation turns into a kind sentence. Each feature names its own problems (`P`); nothing is
 * written when a service returns a problem.
 */
export type Outcome<T, P> = Success<T> | Failure<P>;

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Failure<P> {
  readonly ok: false;
  readonly problem: P;
}

export const succeed = <T>(value: T): Success<T> => ({ ok: true, value });
export const fail = <P>(problem: P): Failure<P> => ({ ok: false, problem });

/** Turns one feature's problems into the sentence the member reads. */
export type Explain<P> = (problem: P) => string;

/**
 * The one way handlers unwrap an outcome: the value goes on, a problem becomes a
 * {@link UserFacingError} that the router's safety net shows the member privately. Each feature
 * binds it to its own `explain` for the member reading (courses: `voice.orExplain`), so a call
 * site reads `voice.orExplain(await enrol(...))` with no `if` after it.
 */
export function unwrapWith<P>(explain: Explain<P>): <T>(outcome: Outcome<T, P>) => T {
  return (outcome) => {
    if (!outcome.ok) throw new UserFacingError(explain(outcome.problem));
    return outcome.value;
  };
}
