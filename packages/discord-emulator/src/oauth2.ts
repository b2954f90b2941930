import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { computeBasePermissions } from './permissions.js';
import type { World } from './world.js';

/**
 * Discord's OAuth2 authorization-code flow, as a website's "Sign in with Discord" uses it:
 * `/oauth2/authorize` (here a small consent page where you pick which sandbox person signs in),
 * `POST /api/oauth2/token`, and the Bearer-token routes `/api/users/@me` and `/api/users/@me/guilds`.
 *
 * Strict like Discord (discord-api-docs, topics/oauth2): a redirect_uri must be registered for the
 * application and repeated exactly at the token exchange; a code is used once and expires; the
 * client authenticates with its secret (form body or HTTP Basic). Errors follow RFC 6749 §5.2 as
 * Discord sends them: `{"error":"invalid_grant","error_description":"Invalid \"code\" in request."}`.
 * The code lifetime is not documented by Discord: ten minutes here, RFC 6749's upper bound (UNVERIFIED).
 */

export const OAUTH2_SCOPES = ['identify', 'guilds'] as const;
export type OAuth2Scope = (typeof OAUTH2_SCOPES)[number];
export const CODE_LIFETIME_MS = 10 * 60_000;
/** What Discord answers for `expires_in`: a week. */
export const ACCESS_TOKEN_LIFETIME_S = 604_800;

interface Grant {
  readonly userId: string;
  readonly scopes: readonly OAuth2Scope[];
  readonly redirectUri: string;
  readonly expiresAt: number;
}

interface AccessToken {
  readonly userId: string;
  readonly scopes: readonly OAuth2Scope[];
  readonly expiresAt: number;
}

export interface OAuth2Options {
  readonly world: World;
  readonly clientId: string;
  readonly now?: () => number;
}

class OAuth2Error extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body['error'] ?? body['message']));
  }
}

const invalidGrant = (what: 'code' | 'redirect_uri') => new OAuth2Error(400, { error: 'invalid_grant', error_description: `Invalid "${what}" in request.` });
const invalidClient = () => new OAuth2Error(401, { error: 'invalid_client' });
const unauthorized = () => new OAuth2Error(401, { message: '401: Unauthorized', code: 0 });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The paths this module answers; everything else stays with the REST API. */
const TOKEN_PATH = /^\/api(?:\/v\d+)?\/oauth2\/token$/;
const ME_PATH = /^\/api(?:\/v\d+)?\/users\/@me(\/guilds)?$/;

export class OAuth2Provider {
  /** The client secret, as the Developer Portal's OAuth2 page shows it. */
  readonly clientSecret = randomBytes(24).toString('base64url');
  readonly #redirectUris = new Set<string>();
  readonly #grants = new Map<string, Grant>();
  readonly #tokens = new Map<string, AccessToken>();
  readonly #now: () => number;

  constructor(private readonly options: OAuth2Options) {
    this.#now = options.now ?? (() => Date.now());
  }

  /** Adds a redirect URL to the application, as under OAuth2 → Redirects in the Developer Portal. */
  addRedirectUri(uri: string): void {
    this.#redirectUris.add(uri);
  }

  /** Whether a request is one of the OAuth2 flow's (a Bearer call to `/users/@me` counts). */
  owns(request: IncomingMessage): boolean {
    const path = new URL(request.url ?? '/', 'http://emulator').pathname;
    if (path === '/oauth2/authorize' || TOKEN_PATH.test(path)) return true;
    return ME_PATH.test(path) && (request.headers.authorization ?? '').startsWith('Bearer ');
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    try {
      if (url.pathname === '/oauth2/authorize') {
        if (request.method === 'GET') return this.#consentPage(url.searchParams, response);
        if (request.method === 'POST') return this.#decide(new URLSearchParams(await readBody(request)), response);
      } else if (TOKEN_PATH.test(url.pathname) && request.method === 'POST') {
        const type = request.headers['content-type'] ?? '';
        const body = await readBody(request);
        // Discord reads only a form body here; JSON reads as no grant_type at all.
        const form = type.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body) : new URLSearchParams();
        return json(response, 200, this.#exchange(form, request.headers.authorization));
      } else if (request.method === 'GET') {
        const me = ME_PATH.exec(url.pathname);
        if (me) return json(response, 200, me[1] ? this.#guildsOf(request) : this.#userOf(request));
      }
      json(response, 405, { message: '405: Method Not Allowed', code: 0 });
    } catch (error) {
      if (error instanceof OAuth2Error) return json(response, error.status, error.body);
      json(response, 500, { message: `500: Internal Server Error (${error instanceof Error ? error.message : String(error)})`, code: 0 });
    }
  }

  // ---- authorize ---------------------------------------------------------------------------------

  /** The authorize request's parameters, or the page Discord shows instead of its consent screen. */
  #authorizeRequest(params: URLSearchParams): { redirectUri: string; scopes: OAuth2Scope[]; state: string | null } | { refused: string } {
    if (params.get('client_id') !== this.options.clientId) return { refused: 'Unknown Application' };
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!this.#redirectUris.has(redirectUri)) return { refused: 'Invalid OAuth2 redirect_uri' };
    if (params.get('response_type') !== 'code') return { refused: 'Invalid response_type' };
    const asked = (params.get('scope') ?? '').split(/[\s+]+/).filter((scope) => scope !== '');
    const scopes = asked.filter((scope): scope is OAuth2Scope => (OAUTH2_SCOPES as readonly string[]).includes(scope));
    if (asked.length === 0 || scopes.length !== asked.length) return { refused: 'Invalid Scope' };
    return { redirectUri, scopes, state: params.get('state') };
  }

  #consentPage(params: URLSearchParams, response: ServerResponse): void {
    const request = this.#authorizeRequest(params);
    if ('refused' in request) return page(response, 400, `<h1>${escapeHtml(request.refused)}</h1>`);
    const people = [...this.options.world.users.values()].filter((user) => !user.bot);
    const hidden = [...params.entries()].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
    const choices = people
      .map((user, index) => `<li><label><input type="radio" name="user_id" value="${user.id}"${index === 0 ? ' checked' : ''}> ${escapeHtml(user.globalName ?? user.username)} <small>@${escapeHtml(user.username)}</small></label></li>`)
      .join('');
    page(
      response,
      200,
      `<h1>Sign in with the pretend Discord</h1>
<p>An application wants to know who you are (${request.scopes.map(escapeHtml).join(', ')}). Pick the person you are in this sandbox.</p>
<form method="post" action="/oauth2/authorize">${hidden}<fieldset><legend>Sign in as</legend><ul>${choices}</ul></fieldset>
<button type="submit" name="decision" value="authorize">Authorize</button> <button type="submit" name="decision" value="cancel">Cancel</button></form>`,
    );
  }

  #decide(form: URLSearchParams, response: ServerResponse): void {
    const request = this.#authorizeRequest(form);
    if ('refused' in request) return page(response, 400, `<h1>${escapeHtml(request.refused)}</h1>`);
    const target = new URL(request.redirectUri);
    if (request.state !== null) target.searchParams.set('state', request.state);
    const userId = form.get('user_id') ?? '';
    if (form.get('decision') !== 'authorize' || !this.options.world.users.has(userId)) {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The resource owner or authorization server denied the request');
    } else {
      const code = randomBytes(15).toString('base64url');
      this.#grants.set(code, { userId, scopes: request.scopes, redirectUri: request.redirectUri, expiresAt: this.#now() + CODE_LIFETIME_MS });
      target.searchParams.set('code', code);
    }
    response.writeHead(302, { location: target.toString() }).end();
  }

  // ---- token -------------------------------------------------------------------------------------

  #exchange(form: URLSearchParams, authorization: string | undefined): Record<string, unknown> {
    this.#authenticateClient(form, authorization);
    if (form.get('grant_type') !== 'authorization_code') throw new OAuth2Error(400, { error: 'unsupported_grant_type' });
    const code = form.get('code') ?? '';
    const grant = this.#grants.get(code);
    // A code is good once: taken out before anything else can fail.
    this.#grants.delete(code);
    if (grant === undefined || grant.expiresAt <= this.#now()) throw invalidGrant('code');
    if (form.get('redirect_uri') !== grant.redirectUri) throw invalidGrant('redirect_uri');
    const accessToken = randomBytes(20).toString('base64url');
    this.#tokens.set(accessToken, { userId: grant.userId, scopes: grant.scopes, expiresAt: this.#now() + ACCESS_TOKEN_LIFETIME_S * 1000 });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_S,
      refresh_token: randomBytes(20).toString('base64url'),
      scope: grant.scopes.join(' '),
    };
  }

  /** client_id and client_secret from HTTP Basic or the form body, as Discord accepts either. */
  #authenticateClient(form: URLSearchParams, authorization: string | undefined): void {
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) {
        id = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    }
    if (id !== this.options.clientId || secret === null || !sameSecret(secret, this.clientSecret)) throw invalidClient();
  }

  // ---- Bearer routes -----------------------------------------------------------------------------

  #bearer(request: IncomingMessage, scope: OAuth2Scope): AccessToken {
    const token = this.#tokens.get((request.headers.authorization ?? '').slice('Bearer '.length));
    if (token === undefined || token.expiresAt <= this.#now() || !token.scopes.includes(scope)) throw unauthorized();
    return token;
  }

  #userOf(request: IncomingMessage): unknown {
    return this.options.world.apiUser(this.#bearer(request, 'identify').userId);
  }

  #guildsOf(request: IncomingMessage): unknown {
    const { userId } = this.#bearer(request, 'guilds');
    return [...this.options.world.guilds.values()]
      .filter((guild) => guild.members.has(userId))
      .map((guild) => {
        const member = guild.members.get(userId);
        const permissions = member
          ? computeBasePermissions({ id: guild.id, owner_id: guild.ownerId, roles: [...guild.roles.values()] }, { user: { id: userId }, roles: member.roles })
          : 0n;
        return { id: guild.id, name: guild.name, icon: null, banner: null, owner: guild.ownerId === userId, permissions: permissions.toString(), features: [] };
      });
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function page(response: ServerResponse, status: number, body: string): void {
  response
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Discord (emulated)</title></head><body>${body}</body></html>`);
}
