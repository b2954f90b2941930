/**
 * Test hooks on the emulator's REST layer, for what real Discord and real networks do to a bot
 * and a bot must survive: a request that hangs (and the bot dies meanwhile), a response that never
 * arrives although Discord acted on the request, 5xx answers, 429 storms. Generic: a matcher picks
 * requests by method, route template and parameters; nothing here knows about any feature.
 *
 * Stages: `before-handling` catches a request after authentication and rate limiting, before the
 * world changes; `after-handling` catches it after the world changed, before the answer is sent.
 */

export interface InterceptedRequest {
  readonly method: string;
  /** The route template, e.g. `/channels/:channel_id/messages`. */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
}

export type RequestMatcher = (request: InterceptedRequest) => boolean;
export type InterceptStage = 'before-handling' | 'after-handling';

/** An answer to give instead of handling the request (a 500, a 429 with its headers). */
export interface CannedResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the REST layer does with an intercepted request. */
export type InterceptDecision = { readonly kind: 'continue' } | { readonly kind: 'drop' } | { readonly kind: 'respond'; readonly response: CannedResponse };

export interface HeldRequest {
  readonly request: InterceptedRequest;
  readonly stage: InterceptStage;
  /** Lets it go on as if nothing happened (handled, or its answer sent). */
  release(): void;
  /** Cuts the connection: before handling, Discord never saw it; after, the bot never hears back. */
  drop(): void;
}

export interface RequestHold {
  /** The next request this hold catches (or the oldest caught and not yet taken). */
  next(): Promise<HeldRequest>;
  /** Stops catching, and lets every request still held go on. */
  dispose(): void;
}

export interface RequestFailure {
  /** How many requests got the canned answer so far. */
  readonly count: number;
  dispose(): void;
}

interface Hold {
  readonly match: RequestMatcher;
  readonly stage: InterceptStage;
  readonly caught: HeldRequest[];
  readonly waiting: ((held: HeldRequest) => void)[];
  readonly pending: Set<HeldRequest>;
}

interface Failure {
  readonly match: RequestMatcher;
  readonly response: CannedResponse;
  remaining: number;
  count: number;
}

export class RequestFaults {
  readonly #holds = new Set<Hold>();
  readonly #failures = new Set<Failure>();

  /** Catches every matching request at `stage` until disposed; each waits for release or drop. */
  hold(match: RequestMatcher, stage: InterceptStage = 'before-handling'): RequestHold {
    const hold: Hold = { match, stage, caught: [], waiting: [], pending: new Set() };
    this.#holds.add(hold);
    return {
      next: () => {
        const caught = hold.caught.shift();
        return caught ? Promise.resolve(caught) : new Promise((resolve) => hold.waiting.push(resolve));
      },
      dispose: () => {
        this.#holds.delete(hold);
        for (const held of [...hold.pending]) held.release();
      },
    };
  }

  /** Answers the next `times` matching requests with `response` instead of handling them. */
  fail(match: RequestMatcher, response: CannedResponse, times = Number.POSITIVE_INFINITY): RequestFailure {
    const failure: Failure = { match, response, remaining: times, count: 0 };
    this.#failures.add(failure);
    return {
      get count() {
        return failure.count;
      },
      dispose: () => {
        this.#failures.delete(failure);
      },
    };
  }

  /** Called by the REST layer at each stage; resolves when the request may go on (or not). */
  async intercept(stage: InterceptStage, request: InterceptedRequest): Promise<InterceptDecision> {
    if (stage === 'before-handling') {
      const failure = [...this.#failures].find((f) => f.remaining > 0 && f.match(request));
      if (failure) {
        failure.remaining -= 1;
        failure.count += 1;
        return { kind: 'respond', response: failure.response };
      }
    }
    const hold = [...this.#holds].find((h) => h.stage === stage && h.match(request));
    if (!hold) return { kind: 'continue' };
    return new Promise<InterceptDecision>((resolve) => {
      const settle = (decision: InterceptDecision) => () => {
        if (!hold.pending.delete(held)) return;
        resolve(decision);
      };
      const held: HeldRequest = { request, stage, release: settle({ kind: 'continue' }), drop: settle({ kind: 'drop' }) };
      hold.pending.add(held);
      const waiter = hold.waiting.shift();
      if (waiter) waiter(held);
      else hold.caught.push(held);
    });
  }
}
