import { createHash } from 'node:crypto';
import type { RESTRateLimit } from 'discord-api-types/v10';

/**
 * Discord's REST rate limits, as documented in "Rate Limits"
 * (https://discord.com/developers/docs/topics/rate-limits), shaped so that @discordjs/rest 2.x
 * (SequentialHandler / BurstHandler) reads the responses exactly as it reads Discord's.
 *
 * Pure apart from the injected clock: no timers, no I/O. The emulator's HTTP layer asks `check`
 * before running a handler and copies the returned headers onto the response.
 */

export type RateLimitScope = 'user' | 'global' | 'shared';

export interface RouteKey {
  readonly method: string;
  /** The route template, e.g. `/channels/:channel_id/messages` (no `/api/v10` prefix, no query). */
  readonly route: string;
}

export interface RateLimitRequest extends RouteKey {
  /** Values for the template's `:params`. */
  readonly params: Readonly<Record<string, string>>;
  /** The bot token the request authenticated with; undefined when it sent no Authorization. */
  readonly token: string | undefined;
}

export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export interface BucketLimit extends WindowLimit {
  /**
   * Groups several routes into one bucket (Discord shares some limits across similar endpoints and
   * says so through a common `X-RateLimit-Bucket`). Defaults to `METHOD route`.
   */
  readonly bucket?: string;
  /**
   * A per-resource limit shared by everyone touching the resource rather than per token; its 429s
   * carry `X-RateLimit-Scope: shared` (the docs' "Example Exceeded Resource Rate Limit Response").
   */
  readonly shared?: boolean;
}

/**
 * Per-route policy: a limit, `null` for a route with no per-route limit (no bucket headers), or
 * `undefined` to fall back to the Discord-like defaults below.
 */
export type BucketResolver = (route: RouteKey) => BucketLimit | null | undefined;

export interface RateLimiterOptions {
  /** Milliseconds since the epoch (or since any origin; only differences and `X-RateLimit-Reset` use it). */
  readonly clock: () => number;
  /** Per-token global limit; `false` turns it off. Defaults to {@link DISCORD_GLOBAL_LIMIT}. */
  readonly global?: WindowLimit | false;
  readonly buckets?: BucketResolver;
  /** Let everything through and send no rate-limit headers, so clients never wait. */
  readonly disabled?: boolean;
}

export type RateLimitDecision =
  | { readonly allowed: true; readonly headers: Record<string, string> }
  | {
      readonly allowed: false;
      readonly status: 429;
      readonly scope: RateLimitScope;
      readonly headers: Record<string, string>;
      readonly body: RESTRateLimit;
    };

export interface RateLimitStats {
  readonly allowed: number;
  readonly rejected: Readonly<Record<RateLimitScope, number>>;
}

export interface RateLimiter {
  /** Decides one request; an allowed request takes a slot, a rejected one takes nothing. */
  check(request: RateLimitRequest): RateLimitDecision;
  /** Counts so far, so a benchmark can tell the 429s it provoked from ones it didn't expect. */
  stats(): RateLimitStats;
}

/** "All bots can make up to 50 requests per second to our API." (Rate Limits → Global Rate Limit) */
export const DISCORD_GLOBAL_LIMIT: WindowLimit = { limit: 50, windowMs: 1000 };

/**
 * Discord does not publish per-route numbers ("rate limits should not be hard coded"); these are
 * the values bots observe in `X-RateLimit-*` headers and that libraries and their issue trackers
 * report. Routes not listed get {@link DEFAULT_BUCKET}.
 */
const DISCORD_LIKE_BUCKETS: Readonly<Record<string, BucketLimit>> = {
  // Widely observed: 5 messages per 5 s per channel.
  'POST /channels/:channel_id/messages': { limit: 5, windowMs: 5000 },
  // Observed: edits 5 per 5 s per channel; deletes 5 per 1 s per channel.
  'PATCH /channels/:channel_id/messages/:message_id': { limit: 5, windowMs: 5000 },
  'DELETE /channels/:channel_id/messages/:message_id': { limit: 5, windowMs: 1000 },
  // One reaction per 250 ms per channel (discord-api-docs#182: the headers say 1/1 s, the limit is 1/0.25 s).
  'PUT /channels/:channel_id/messages/:message_id/reactions/:emoji/@me': { limit: 1, windowMs: 250 },
  'DELETE /channels/:channel_id/messages/:message_id/reactions/:emoji/@me': { limit: 1, windowMs: 250 },
  // Observed on webhook execution: 5 per 2 s per webhook (id + token).
  'POST /webhooks/:webhook_id/:webhook_token': { limit: 5, windowMs: 2000 },
  // discord-api-docs#7680 shows a fixed window of 10 on member role changes; the 10 s window is assumed.
  'PUT /guilds/:guild_id/members/:user_id/roles/:role_id': { limit: 10, windowMs: 10_000, bucket: 'member-roles' },
  'DELETE /guilds/:guild_id/members/:user_id/roles/:role_id': { limit: 10, windowMs: 10_000, bucket: 'member-roles' },
};

/** Permissive on purpose: unlisted routes are bounded by the global limit, not by guesses. */
export const DEFAULT_BUCKET: BucketLimit = { limit: 50, windowMs: 1000 };

export function discordLikeBucket(route: RouteKey): BucketLimit {
  return DISCORD_LIKE_BUCKETS[`${route.method.toUpperCase()} ${route.route}`] ?? DEFAULT_BUCKET;
}

const RATE_LIMITED_MESSAGE = 'You are being rate limited.';
const SHARED_LIMITED_MESSAGE = 'The resource is being rate limited.';

interface Window {
  resetAt: number;
  used: number;
}

/** A fixed window that opens on the first request after the previous one closed, as Discord's buckets behave. */
function windowAt(windows: Map<string, Window>, key: string, now: number): Window | undefined {
  const window = windows.get(key);
  if (window && now >= window.resetAt) {
    windows.delete(key);
    return undefined;
  }
  return window;
}

function take(windows: Map<string, Window>, key: string, now: number, limit: WindowLimit): Window {
  const window = windowAt(windows, key, now) ?? { resetAt: now + limit.windowMs, used: 0 };
  window.used += 1;
  windows.set(key, window);
  return window;
}

function segmentsOf(route: string): string[] {
  return route.split('/').filter((segment) => segment.length > 0);
}

function isParam(segment: string | undefined): boolean {
  return segment?.startsWith(':') ?? false;
}

function paramValue(segment: string | undefined, params: Readonly<Record<string, string>>): string {
  return segment && isParam(segment) ? (params[segment.slice(1)] ?? '') : '';
}

/**
 * The top-level resource the bucket is counted against: `channels/{id}`, `guilds/{id}`,
 * `webhooks/{id}` or `webhooks/{id}/{token}` (Rate Limits, second paragraph). Read from the
 * template's position rather than param names, as @discordjs/rest's `generateRouteData` does.
 * Interaction callbacks are counted per interaction: each token answers once, so one shared
 * bucket would be a limit no client could observe or respect.
 */
function majorParameter(route: string, params: Readonly<Record<string, string>>): string {
  const [resource, id, token] = segmentsOf(route);
  if (!isParam(id)) return '';
  switch (resource) {
    case 'channels':
    case 'guilds':
    case 'interactions':
      return `${resource}/${paramValue(id, params)}`;
    case 'webhooks':
      return isParam(token)
        ? `webhooks/${paramValue(id, params)}/${paramValue(token, params)}`
        : `webhooks/${paramValue(id, params)}`;
    default:
      return '';
  }
}

/**
 * "Interaction endpoints are not bound to the bot's Global Rate Limit." Those are the callback and
 * `/webhooks/{application.id}/{interaction.token}...`; the template can't tell an interaction's
 * webhook from an ordinary one, and an ordinary one is authenticated by its token rather than the
 * bot's, so no tokened webhook route counts against the bot.
 */
export function isExemptFromGlobal(route: string): boolean {
  const segments = segmentsOf(route);
  if (segments[0] === 'interactions') return segments.at(-1) === 'callback';
  return segments[0] === 'webhooks' && isParam(segments[1]) && isParam(segments[2]);
}

function bucketHash(bucket: string): string {
  return createHash('sha256').update(bucket).digest('hex').slice(0, 32);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function roundedSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const globalLimit = options.global === undefined ? DISCORD_GLOBAL_LIMIT : options.global;
  const resolve = options.buckets ?? (() => undefined);
  const globalWindows = new Map<string, Window>();
  const bucketWindows = new Map<string, Window>();
  let allowed = 0;
  const rejected: Record<RateLimitScope, number> = { user: 0, global: 0, shared: 0 };

  function reject(
    scope: RateLimitScope,
    retryAfterMs: number,
    headers: Record<string, string>,
  ): RateLimitDecision {
    rejected[scope] += 1;
    return {
      allowed: false,
      status: 429,
      scope,
      headers: {
        ...headers,
        // HTTP's Retry-After is whole seconds; the docs' examples round 64.57 up to 65.
        'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
        'X-RateLimit-Scope': scope,
        ...(scope === 'global' ? { 'X-RateLimit-Global': 'true' } : {}),
      },
      body: {
        message: scope === 'shared' ? SHARED_LIMITED_MESSAGE : RATE_LIMITED_MESSAGE,
        retry_after: roundedSeconds(retryAfterMs),
        global: scope === 'global',
      },
    };
  }

  function check(request: RateLimitRequest): RateLimitDecision {
    if (options.disabled) {
      allowed += 1;
      return { allowed: true, headers: {} };
    }
    const now = options.clock();
    const method = request.method.toUpperCase();
    const routeKey: RouteKey = { method, route: request.route };
    const identity = request.token ?? 'unauthenticated';

    const global = globalLimit && !isExemptFromGlobal(request.route) ? { key: identity, limit: globalLimit } : undefined;
    if (global) {
      const window = windowAt(globalWindows, global.key, now);
      // Global 429s come without bucket headers, as in the docs' global example.
      if (window && window.used >= global.limit.limit) return reject('global', window.resetAt - now, {});
    }

    const resolved = resolve(routeKey);
    const limit = resolved === undefined ? discordLikeBucket(routeKey) : resolved;
    const bucket = limit ? bucketOf(limit, request, identity) : undefined;
    if (bucket) {
      const window = windowAt(bucketWindows, bucket.key, now);
      if (window && window.used >= bucket.limit.limit) {
        return reject(bucket.scope, window.resetAt - now, bucketHeaders(bucket, window, now));
      }
    }

    // Only now, with both limits passed, does the request take its slots.
    if (global) take(globalWindows, global.key, now, global.limit);
    allowed += 1;
    if (!bucket) return { allowed: true, headers: {} };
    return { allowed: true, headers: bucketHeaders(bucket, take(bucketWindows, bucket.key, now, bucket.limit), now) };
  }

  return {
    check,
    stats: () => ({ allowed, rejected: { ...rejected } }),
  };
}

interface Bucket {
  readonly limit: BucketLimit;
  /** What `X-RateLimit-Bucket` hashes: the same for every top-level resource. */
  readonly name: string;
  /** What the window is counted under: owner, bucket and top-level resource. */
  readonly key: string;
  readonly scope: RateLimitScope;
}

function bucketOf(limit: BucketLimit, request: RateLimitRequest, identity: string): Bucket {
  const name = limit.bucket ?? `${request.method.toUpperCase()} ${request.route}`;
  const owner = limit.shared ? 'shared' : identity;
  return {
    limit,
    name,
    key: `${owner}\n${name}\n${majorParameter(request.route, request.params)}`,
    scope: limit.shared ? 'shared' : 'user',
  };
}

function bucketHeaders(bucket: Bucket, window: Window, now: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(bucket.limit.limit),
    'X-RateLimit-Remaining': String(Math.max(0, bucket.limit.limit - window.used)),
    'X-RateLimit-Reset': seconds(window.resetAt),
    'X-RateLimit-Reset-After': seconds(window.resetAt - now),
    'X-RateLimit-Bucket': bucketHash(bucket.name),
  };
}

export interface RouteMatch<T> {
  readonly template: T;
  readonly params: Record<string, string>;
}

/**
 * Finds the template for a request path (`/channels/123/messages/456`, after the `/api/v10`
 * prefix; a query string is ignored). Literal segments beat `:params` at the first place two
 * candidates differ, so `/users/@me` wins over `/users/:user_id` whatever the table's order.
 */
export function matchRoute<T extends RouteKey>(
  templates: readonly T[],
  method: string,
  path: string,
): RouteMatch<T> | undefined {
  const wanted = method.toUpperCase();
  const pathSegments = segmentsOf(path.split('?')[0] ?? '');
  let best: { match: RouteMatch<T>; specificity: string } | undefined;
  for (const template of templates) {
    if (template.method.toUpperCase() !== wanted) continue;
    const params = bindSegments(segmentsOf(template.route), pathSegments);
    if (!params) continue;
    // One character per segment, literal '1' > param '0', compared as strings: earliest literal wins.
    const specificity = segmentsOf(template.route)
      .map((segment) => (isParam(segment) ? '0' : '1'))
      .join('');
    if (!best || specificity > best.specificity) best = { match: { template, params }, specificity };
  }
  return best?.match;
}

function bindSegments(templateSegments: string[], pathSegments: string[]): Record<string, string> | undefined {
  if (templateSegments.length !== pathSegments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of templateSegments.entries()) {
    const actual = pathSegments[index] ?? '';
    if (isParam(segment)) {
      const value = decodeSegment(actual);
      if (value === undefined || value.length === 0) return undefined;
      params[segment.slice(1)] = value;
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
