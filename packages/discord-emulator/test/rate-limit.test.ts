import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_BUCKET,
  DISCORD_GLOBAL_LIMIT,
  createRateLimiter,
  discordLikeBucket,
  isExemptFromGlobal,
  matchRoute,
  type BucketResolver,
  type RateLimitDecision,
  type RateLimitRequest,
  type RateLimiterOptions,
} from '../src/rate-limit.js';

const MESSAGES = '/channels/:channel_id/messages';
const MESSAGE = '/channels/:channel_id/messages/:message_id';
const CALLBACK = '/interactions/:interaction_id/:interaction_token/callback';
const WEBHOOK = '/webhooks/:webhook_id/:webhook_token';

function fakeClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

function postMessage(channel: string, token = 'bot-a'): RateLimitRequest {
  return { method: 'POST', route: MESSAGES, params: { channel_id: channel }, token };
}

/** Messages tightened to `limit` per `windowMs`; every other route unlimited per-route. */
function onlyMessages(limit: number, windowMs: number): BucketResolver {
  return (route) => (route.method === 'POST' && route.route === MESSAGES ? { limit, windowMs } : null);
}

function rejected(decision: RateLimitDecision): Extract<RateLimitDecision, { allowed: false }> {
  if (decision.allowed) throw new Error('expected a 429');
  return decision;
}

describe('per-route buckets', () => {
  it('sends coherent headers on every response', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false });
    const first = limiter.check(postMessage('1'));
    expect(first.allowed).toBe(true);
    expect(first.headers).toMatchObject({
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '4',
      'X-RateLimit-Reset-After': '5.000',
      'X-RateLimit-Reset': ((clock.now() + 5000) / 1000).toFixed(3),
    });
    expect(first.headers['X-RateLimit-Bucket']).toMatch(/^[0-9a-f]{32}$/);
    expect(first.headers['X-RateLimit-Scope']).toBeUndefined();

    clock.advance(1250);
    const second = limiter.check(postMessage('1'));
    expect(second.headers['X-RateLimit-Remaining']).toBe('3');
    expect(second.headers['X-RateLimit-Reset-After']).toBe('3.750');
    // Same window, same bucket: the absolute reset and the hash don't move.
    expect(second.headers['X-RateLimit-Reset']).toBe(first.headers['X-RateLimit-Reset']);
    expect(second.headers['X-RateLimit-Bucket']).toBe(first.headers['X-RateLimit-Bucket']);
  });

  it('answers the N+1th request in a window with a user-scoped 429', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets: onlyMessages(2, 1000) });
    expect(limiter.check(postMessage('1')).allowed).toBe(true);
    clock.advance(100);
    expect(limiter.check(postMessage('1')).allowed).toBe(true);
    clock.advance(200);

    const limited = rejected(limiter.check(postMessage('1')));
    expect(limited.status).toBe(429);
    expect(limited.scope).toBe('user');
    expect(limited.body).toEqual({ message: 'You are being rate limited.', retry_after: 0.7, global: false });
    expect(limited.headers).toMatchObject({
      'X-RateLimit-Limit': '2',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset-After': '0.700',
      'X-RateLimit-Scope': 'user',
      'Retry-After': '1',
    });
    expect(limited.headers['X-RateLimit-Global']).toBeUndefined();
    expect(limiter.stats()).toEqual({ allowed: 2, rejected: { user: 1, global: 0, shared: 0 } });
  });

  it('rounds Retry-After up to whole seconds but keeps retry_after exact', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets: onlyMessages(1, 64_570) });
    limiter.check(postMessage('1'));
    const limited = rejected(limiter.check(postMessage('1')));
    expect(limited.headers['Retry-After']).toBe('65');
    expect(limited.body.retry_after).toBe(64.57);
  });

  it('lets requests through again once the window has passed', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets: onlyMessages(2, 1000) });
    limiter.check(postMessage('1'));
    limiter.check(postMessage('1'));
    clock.advance(999);
    expect(limiter.check(postMessage('1')).allowed).toBe(false);
    clock.advance(1);
    const fresh = limiter.check(postMessage('1'));
    expect(fresh.allowed).toBe(true);
    expect(fresh.headers['X-RateLimit-Remaining']).toBe('1');
    expect(fresh.headers['X-RateLimit-Reset-After']).toBe('1.000');
  });

  it('counts each top-level resource separately under one bucket hash', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets: onlyMessages(1, 1000) });
    const one = limiter.check(postMessage('1'));
    const two = limiter.check(postMessage('2'));
    expect(one.allowed && two.allowed).toBe(true);
    // "non-inclusive of top-level resources in the path"
    expect(two.headers['X-RateLimit-Bucket']).toBe(one.headers['X-RateLimit-Bucket']);
    expect(limiter.check(postMessage('1')).allowed).toBe(false);
  });

  it('shares a bucket across minor parameters of the same channel', () => {
    const clock = fakeClock();
    const buckets: BucketResolver = () => ({ limit: 1, windowMs: 1000 });
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets });
    const edit = (message: string): RateLimitRequest => ({
      method: 'PATCH',
      route: MESSAGE,
      params: { channel_id: '1', message_id: message },
      token: 'bot-a',
    });
    expect(limiter.check(edit('10')).allowed).toBe(true);
    expect(limiter.check(edit('11')).allowed).toBe(false);
  });

  it('keys webhook buckets on id and token, and interaction callbacks per interaction', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets: () => ({ limit: 1, windowMs: 1000 }) });
    const execute = (token: string): RateLimitRequest => ({
      method: 'POST',
      route: WEBHOOK,
      params: { webhook_id: '9', webhook_token: token },
      token: undefined,
    });
    expect(limiter.check(execute('t1')).allowed).toBe(true);
    expect(limiter.check(execute('t2')).allowed).toBe(true);
    expect(limiter.check(execute('t1')).allowed).toBe(false);
    const callback = (id: string): RateLimitRequest => ({
      method: 'POST',
      route: CALLBACK,
      params: { interaction_id: id, interaction_token: `tok-${id}` },
      token: undefined,
    });
    expect(limiter.check(callback('1')).allowed).toBe(true);
    expect(limiter.check(callback('2')).allowed).toBe(true);
  });

  it('keeps separate buckets per bot token', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets: onlyMessages(1, 1000) });
    expect(limiter.check(postMessage('1', 'bot-a')).allowed).toBe(true);
    expect(limiter.check(postMessage('1', 'bot-b')).allowed).toBe(true);
    expect(limiter.check(postMessage('1', 'bot-a')).allowed).toBe(false);
  });

  it('shares a per-resource limit across tokens and reports it as scope shared', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      clock: clock.now,
      global: false,
      buckets: () => ({ limit: 1, windowMs: 1000, shared: true }),
    });
    expect(limiter.check(postMessage('1', 'bot-a')).allowed).toBe(true);
    const limited = rejected(limiter.check(postMessage('1', 'bot-b')));
    expect(limited.scope).toBe('shared');
    expect(limited.headers['X-RateLimit-Scope']).toBe('shared');
    expect(limited.body.message).toBe('The resource is being rate limited.');
    expect(limiter.stats().rejected.shared).toBe(1);
  });

  it('groups routes that name the same bucket', () => {
    const clock = fakeClock();
    const buckets: BucketResolver = (route) =>
      route.route.startsWith('/guilds/:guild_id/members/') ? { limit: 1, windowMs: 1000, bucket: 'roles' } : null;
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets });
    const params = { guild_id: '5', user_id: '6', role_id: '7' };
    const route = '/guilds/:guild_id/members/:user_id/roles/:role_id';
    expect(limiter.check({ method: 'PUT', route, params, token: 'x' }).allowed).toBe(true);
    expect(limiter.check({ method: 'DELETE', route, params, token: 'x' }).allowed).toBe(false);
  });

  it('sends no bucket headers for a route with no per-route limit', () => {
    const limiter = createRateLimiter({ clock: () => 0, global: false, buckets: () => null });
    expect(limiter.check(postMessage('1'))).toEqual({ allowed: true, headers: {} });
  });
});

describe('global limit', () => {
  const options = (clock: () => number): RateLimiterOptions => ({
    clock,
    global: { limit: 3, windowMs: 1000 },
    buckets: () => null,
  });

  it('trips with global: true, the global scope and X-RateLimit-Global', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(options(clock.now));
    for (const channel of ['1', '2', '3']) expect(limiter.check(postMessage(channel)).allowed).toBe(true);
    clock.advance(400);
    const limited = rejected(limiter.check(postMessage('4')));
    expect(limited.scope).toBe('global');
    expect(limited.body).toEqual({ message: 'You are being rate limited.', retry_after: 0.6, global: true });
    expect(limited.headers).toEqual({ 'Retry-After': '1', 'X-RateLimit-Scope': 'global', 'X-RateLimit-Global': 'true' });
    expect(limiter.stats().rejected).toEqual({ user: 0, global: 1, shared: 0 });
    clock.advance(600);
    expect(limiter.check(postMessage('4')).allowed).toBe(true);
  });

  it('is per bot token', () => {
    const limiter = createRateLimiter(options(() => 0));
    for (const channel of ['1', '2', '3']) limiter.check(postMessage(channel, 'bot-a'));
    expect(limiter.check(postMessage('1', 'bot-a')).allowed).toBe(false);
    expect(limiter.check(postMessage('1', 'bot-b')).allowed).toBe(true);
  });

  it('does not bind interaction callbacks or tokened webhooks', () => {
    const limiter = createRateLimiter(options(() => 0));
    for (const channel of ['1', '2', '3']) limiter.check(postMessage(channel));
    expect(limiter.check(postMessage('4')).allowed).toBe(false);
    const callback = limiter.check({
      method: 'POST',
      route: CALLBACK,
      params: { interaction_id: '1', interaction_token: 'tok' },
      token: 'bot-a',
    });
    expect(callback.allowed).toBe(true);
    const followUp = limiter.check({
      method: 'PATCH',
      route: '/webhooks/:webhook_id/:webhook_token/messages/@original',
      params: { webhook_id: 'app', webhook_token: 'tok' },
      token: 'bot-a',
    });
    expect(followUp.allowed).toBe(true);
    const webhookByBot = limiter.check({ method: 'GET', route: '/webhooks/:webhook_id', params: { webhook_id: '9' }, token: 'bot-a' });
    expect(webhookByBot.allowed).toBe(false);
  });

  it('defaults to Discord’s 50 requests per second', () => {
    expect(DISCORD_GLOBAL_LIMIT).toEqual({ limit: 50, windowMs: 1000 });
    const limiter = createRateLimiter({ clock: () => 0, buckets: () => null });
    for (let channel = 0; channel < 50; channel += 1) {
      expect(limiter.check(postMessage(String(channel))).allowed).toBe(true);
    }
    expect(rejected(limiter.check(postMessage('50'))).scope).toBe('global');
  });
});

describe('rejected requests take no slot', () => {
  it('in the route bucket, however many are refused', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock: clock.now, global: false, buckets: onlyMessages(2, 1000) });
    limiter.check(postMessage('1'));
    limiter.check(postMessage('1'));
    for (let i = 0; i < 10; i += 1) expect(limiter.check(postMessage('1')).allowed).toBe(false);
    clock.advance(1000);
    expect(limiter.check(postMessage('1')).headers['X-RateLimit-Remaining']).toBe('1');
    expect(limiter.stats()).toEqual({ allowed: 3, rejected: { user: 10, global: 0, shared: 0 } });
  });

  it('in the route bucket when the global limit refuses', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      clock: clock.now,
      global: { limit: 1, windowMs: 1000 },
      buckets: onlyMessages(2, 5000),
    });
    expect(limiter.check(postMessage('1')).allowed).toBe(true);
    expect(rejected(limiter.check(postMessage('1'))).scope).toBe('global');
    clock.advance(1000);
    const next = limiter.check(postMessage('1'));
    expect(next.allowed).toBe(true);
    expect(next.headers['X-RateLimit-Remaining']).toBe('0');
  });

  it('in the global window when the route bucket refuses', () => {
    const limiter = createRateLimiter({ clock: () => 0, global: { limit: 2, windowMs: 1000 }, buckets: onlyMessages(1, 10_000) });
    expect(limiter.check(postMessage('1')).allowed).toBe(true);
    expect(rejected(limiter.check(postMessage('1'))).scope).toBe('user');
    expect(limiter.check(postMessage('2')).allowed).toBe(true);
    expect(rejected(limiter.check(postMessage('3'))).scope).toBe('global');
  });
});

describe('configuration', () => {
  it('lets everything through without headers when disabled', () => {
    const limiter = createRateLimiter({ clock: () => 0, global: { limit: 1, windowMs: 1000 }, buckets: onlyMessages(1, 1000), disabled: true });
    for (let i = 0; i < 5; i += 1) expect(limiter.check(postMessage('1'))).toEqual({ allowed: true, headers: {} });
    expect(limiter.stats()).toEqual({ allowed: 5, rejected: { user: 0, global: 0, shared: 0 } });
  });

  it('falls back to Discord-like buckets when the resolver has no opinion', () => {
    expect(discordLikeBucket({ method: 'post', route: MESSAGES })).toEqual({ limit: 5, windowMs: 5000 });
    expect(discordLikeBucket({ method: 'GET', route: '/users/@me' })).toBe(DEFAULT_BUCKET);
    const limiter = createRateLimiter({ clock: () => 0, global: false, buckets: () => undefined });
    expect(limiter.check(postMessage('1')).headers['X-RateLimit-Limit']).toBe('5');
  });
});

describe('isExemptFromGlobal', () => {
  it.each([
    [CALLBACK, true],
    [WEBHOOK, true],
    ['/webhooks/:webhook_id/:webhook_token/messages/:message_id', true],
    ['/webhooks/:webhook_id', false],
    ['/interactions/:interaction_id/:interaction_token', false],
    [MESSAGES, false],
  ])('%s → %s', (route, exempt) => {
    expect(isExemptFromGlobal(route)).toBe(exempt);
  });
});

describe('matchRoute', () => {
  const templates = [
    { method: 'GET', route: '/users/:user_id' },
    { method: 'GET', route: '/users/@me' },
    { method: 'POST', route: MESSAGES },
    { method: 'GET', route: MESSAGES },
    { method: 'PUT', route: '/channels/:channel_id/messages/:message_id/reactions/:emoji/@me' },
  ] as const;

  it('returns the template and its params', () => {
    expect(matchRoute(templates, 'post', '/channels/123/messages')).toEqual({
      template: templates[2],
      params: { channel_id: '123' },
    });
  });

  it('prefers literal segments over params regardless of order', () => {
    expect(matchRoute(templates, 'GET', '/users/@me')?.template).toBe(templates[1]);
    expect(matchRoute(templates, 'GET', '/users/42')?.params).toEqual({ user_id: '42' });
  });

  it('decodes params and ignores the query string', () => {
    const match = matchRoute(templates, 'PUT', '/channels/1/messages/2/reactions/%F0%9F%8C%B1/@me?x=1');
    expect(match?.params).toEqual({ channel_id: '1', message_id: '2', emoji: '🌱' });
    expect(matchRoute(templates, 'GET', '/channels/1/messages?limit=50')?.template).toBe(templates[3]);
  });

  it('finds nothing for the wrong method, length or a malformed escape', () => {
    expect(matchRoute(templates, 'DELETE', '/channels/1/messages')).toBeUndefined();
    expect(matchRoute(templates, 'GET', '/channels/1')).toBeUndefined();
    expect(matchRoute(templates, 'GET', '/users/%E0%A4%A')).toBeUndefined();
  });
});

/**
 * The real @discordjs/rest against a loopback server guarded by the limiter: every request must
 * resolve, each must land exactly once, and the pacing must respect the limit.
 */
describe('with @discordjs/rest', () => {
  const CHANNEL = '123456789012345678';
  const TEMPLATES = [{ method: 'POST', route: MESSAGES }] as const;
  let server: Server | undefined;
  let rest: REST | undefined;

  afterEach(async () => {
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    if (server) {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    }
    server = undefined;
    rest = undefined;
  });

  async function readBody(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  }

  async function serve(options: Omit<RateLimiterOptions, 'clock'>) {
    const limiter = createRateLimiter({ ...options, clock: Date.now });
    const accepted: string[] = [];
    server = createServer((request, response) => {
      void (async () => {
        const body = await readBody(request);
        const path = (request.url ?? '').replace(/^\/api\/v10/, '');
        const match = matchRoute(TEMPLATES, request.method ?? 'GET', path);
        if (!match) {
          response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"404: Not Found","code":0}');
          return;
        }
        const token = request.headers.authorization?.replace(/^Bot /, '');
        const decision = limiter.check({ method: request.method ?? 'GET', route: match.template.route, params: match.params, token });
        if (!decision.allowed) {
          response.writeHead(429, { ...decision.headers, 'Content-Type': 'application/json' }).end(JSON.stringify(decision.body));
          return;
        }
        const { content } = JSON.parse(body) as { content: string };
        accepted.push(content);
        response
          .writeHead(200, { ...decision.headers, 'Content-Type': 'application/json' })
          .end(JSON.stringify({ id: String(accepted.length), channel_id: match.params.channel_id, content }));
      })();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    rest = new REST({ api: `http://127.0.0.1:${port}/api`, version: '10' }).setToken('x');
    return { limiter, accepted, rest };
  }

  it('paces a burst through a tight per-route limit without losing a request', async () => {
    const { limiter, accepted, rest } = await serve({ global: false, buckets: onlyMessages(3, 500) });
    const contents = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const started = Date.now();
    const results = await Promise.all(
      contents.map((content) => rest.post(Routes.channelMessages(CHANNEL), { body: { content } })),
    );
    const elapsed = Date.now() - started;

    expect(results).toHaveLength(12);
    expect([...accepted].sort()).toEqual([...contents].sort());
    expect(limiter.stats().allowed).toBe(12);
    // 12 requests at 3 per 500 ms need four windows: at least three full waits.
    expect(elapsed).toBeGreaterThanOrEqual(1500);
  });

  it('recovers from user 429s it could not foresee without losing a request', async () => {
    const { limiter, accepted, rest: first } = await serve({ global: false, buckets: onlyMessages(3, 500) });
    // A second client on the same token shares the server's bucket but not the first client's
    // view of it, so some of its requests arrive on an exhausted bucket.
    const second = new REST({ api: first.options.api, version: '10' }).setToken('x');
    try {
      const contents = Array.from({ length: 12 }, (_, i) => `n${i}`);
      const started = Date.now();
      const results = await Promise.all(
        contents.map((content, i) =>
          (i % 2 === 0 ? first : second).post(Routes.channelMessages(CHANNEL), { body: { content } }),
        ),
      );
      const elapsed = Date.now() - started;

      expect(results).toHaveLength(12);
      expect([...accepted].sort()).toEqual([...contents].sort());
      const stats = limiter.stats();
      expect(stats.allowed).toBe(12);
      expect(stats.rejected.user).toBeGreaterThan(0);
      expect(elapsed).toBeGreaterThanOrEqual(1500);
    } finally {
      second.clearHashSweeper();
      second.clearHandlerSweeper();
    }
  });

  it('recovers from global 429s without losing a request', async () => {
    const { limiter, accepted, rest } = await serve({ global: { limit: 4, windowMs: 1000 }, buckets: () => null });
    // Distinct channels: distinct client-side queues, so the client fires them all at once.
    const channels = Array.from({ length: 8 }, (_, i) => String(123456789012345600n + BigInt(i)));
    const started = Date.now();
    const results = await Promise.all(
      channels.map((channel) => rest.post(Routes.channelMessages(channel), { body: { content: channel } })),
    );
    const elapsed = Date.now() - started;

    expect(results).toHaveLength(8);
    expect([...accepted].sort()).toEqual([...channels].sort());
    const stats = limiter.stats();
    expect(stats.allowed).toBe(8);
    // The client can't know the server's tighter global limit, so it must have been told.
    expect(stats.rejected.global).toBeGreaterThan(0);
    expect(stats.rejected.user).toBe(0);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
  });
});
