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
