import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import Fastify from 'fastify';
import type { BotContext } from '../context.js';
import { errorReference, somethingWentWrong } from '../interactions/errors.js';
import { registerAuthRoutes } from './auth-routes.js';
import { PROGRESSIVE_SCRIPT } from './browser-script.js';
import type { OAuthClientOptions } from './discord-oauth.js';
import type { GuildAccess } from './guild-access.js';
import { discordText, html } from './html.js';
import { page } from './layout.js';
import { registerCourseRoutes } from './course-routes.js';
import { registerLibraryRoutes } from './library-routes.js';
import { registerOnboardingRoutes } from './onboarding-routes.js';
import { registerProtocolRoutes } from './protocol-routes.js';
import { registerRitualRoutes } from './ritual-routes.js';
import { NO_MENTIONS, type DashboardDeps } from './pages.js';
import { databaseSessionStore } from './session-store.js';

/**
 * The moderator dashboard: a small web server inside the bot's process, on the same database and
 * services as the slash commands. Pages are rendered on the server; a little script adds the live
 * schedule preview. Sign-in is Discord's OAuth2; who may see a server is asked of the bot's own view
 * of Discord on every request.
 */

export interface DashboardOptions {
  readonly ctx: BotContext;
  readonly access: GuildAccess;
  readonly oauth: Omit<OAuthClientOptions, 'redirectUri'>;
  /** Port 0 picks a free one (tests). */
  readonly port: number;
  readonly host?: string;
  /** The address people open; unset: http://host:port (the sandbox, tests). */
  readonly publicUrl?: string | undefined;
  readonly sessionSecret: string;
  /** How long a sign-in lasts; 12 hours unless a test shortens it. */
  readonly sessionTtlMs?: number;
  /** Requests per minute per address before a polite 429. */
  readonly requestsPerMinute?: number;
}

export interface RunningDashboard {
  readonly url: string;
  /** Where Discord sends people back: add it under OAuth2 → Redirects. */
  readonly redirectUri: string;
  close(): Promise<void>;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 3_600_000;

export async function startDashboard(options: DashboardOptions): Promise<RunningDashboard> {
  const host = options.host ?? '127.0.0.1';
  const ttl = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  let publicUrl = options.publicUrl?.replace(/\/$/, '');
  const redirectUri = () => `${publicUrl}/auth/callback`;
  const app = Fastify({ logger: false, trustProxy: 'loopback' });
  const deps: DashboardDeps = { ctx: options.ctx, access: options.access, oauth: () => ({ ...options.oauth, redirectUri: redirectUri() }) };

  await app.register(fastifyRateLimit, { max: options.requestsPerMinute ?? 600, timeWindow: '1 minute' });
  await app.register(fastifyFormbody);
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.sessionSecret,
    cookieName: 'roots_session',
    store: databaseSessionStore(options.ctx.db, ttl),
    saveUninitialized: false,
    // Lax, not Strict: Discord's redirect back to /auth/callback is a cross-site navigation that
    // must carry the session holding the sign-in's `state`.
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: ttl },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  app.setErrorHandler(async (error, request, reply) => {
    if (typeof (error as { statusCode?: unknown }).statusCode === 'number' && (error as { statusCode: number }).statusCode < 500) {
      const status = (error as { statusCode: number }).statusCode;
      const text =
        status === 403
          ? 'This form has expired or did not come from this dashboard, so nothing was saved. Please go back, reload the page and try again.'
          : status === 429
            ? 'That was a lot of requests in a short time. Please wait a minute and try again.'
            : 'That request did not look right, so nothing was changed.';
      return reply.code(status).type('text/html').send(String(page({ title: 'Nothing was changed' }, html`<h1>Nothing was changed</h1><p>${text}</p><p><a href="/">Back to the start</a></p>`)));
    }
    const reference = errorReference();
    options.ctx.logger.error({ err: error, ref: reference, url: request.url }, 'a dashboard page failed');
    return reply
      .code(500)
      .type('text/html')
      .send(String(page({ title: 'Something went wrong' }, html`<h1>Something went wrong</h1><p>${discordText(somethingWentWrong(reference), NO_MENTIONS)}</p>`)));
  });

  app.get('/static/dashboard.js', async (_request, reply) => reply.type('text/javascript').header('cache-control', 'no-cache').send(PROGRESSIVE_SCRIPT));
  registerAuthRoutes(app, deps);
  registerRitualRoutes(app, deps);
  registerLibraryRoutes(app, deps);
  registerOnboardingRoutes(app, deps);
  await registerCourseRoutes(app, deps);
  registerProtocolRoutes(app, deps);

  await app.listen({ port: options.port, host });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  publicUrl ??= url;
  return { url, redirectUri: redirectUri(), close: () => app.close() };
}

