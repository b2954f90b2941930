import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BotContext } from '../context.js';
import type { OAuthClientOptions } from './discord-oauth.js';
import type { GuildAccess, ServerSummary } from './guild-access.js';
import { discordText, html, type Html } from './html.js';
import { page, type Frame, type Tab } from './layout.js';

/** What every page shares: who is signed in, the one-time messages, answering with a page, the guard of a server's pages. */

export interface SignedIn {
  readonly id: string;
  readonly name: string;
  readonly guildIds: readonly string[];
}

export interface Flash {
  readonly kind: 'ok' | 'bad';
  readonly text: string;
}

declare module 'fastify' {
  interface Session {
    person?: SignedIn;
    oauthState?: string;
    next?: string;
    flash?: Flash;
  }
}

/** What every page handler needs, bound once per dashboard. */
export interface DashboardDeps {
  readonly ctx: BotContext;
  readonly access: GuildAccess;
  readonly oauth: () => OAuthClientOptions;
}

/** The moderator a server's route runs for, checked before the handler (see `serverPages`). */
export interface ServerRequest {
  readonly person: SignedIn;
  readonly server: ServerSummary;
}

/** Mentions in the bot's sentences where none can be resolved (an error page). */
export const NO_MENTIONS = { channel: () => 'a channel', time: (at: Date) => at.toISOString() };

/** The frame of one of a server's pages, under its tab. */
export function serverFrame(at: ServerRequest, tab: Tab, title: string, csrf: string): Frame {
  return { title, person: at.person, csrf, server: { ...at.server, tab } };
}

/**
 * A page saying what was asked for isn't there (deleted meanwhile, or never was), with the way
 * back; `why` is in the bot's Markdown, like the slash commands' answers. 409 when a form was
 * posted for it.
 */
export function sendGone(reply: FastifyReply, at: ServerRequest, tab: Tab, text: { readonly heading: string; readonly why: string; readonly back: string; readonly backTo: string }, status = 404): FastifyReply {
  return sendPage(reply, serverFrame(at, tab, text.heading, reply.generateCsrf()), html`<h1>${text.heading}</h1><p>${discordText(text.why, NO_MENTIONS)}</p><p><a href="${text.backTo}">${text.back}</a></p>`, status);
}

export function sendPage(reply: FastifyReply, frame: Frame, body: Html, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(String(page(frame, body)));
}

/** Takes the one-time message a POST left for the page it redirected to. */
export function takeFlash(request: FastifyRequest): Flash | undefined {
  const flash = request.session.get('flash');
  if (flash !== undefined) request.session.set('flash', undefined);
  return flash;
}

export function flashBlock(flash: Flash | undefined, names: Parameters<typeof discordText>[1]): Html {
  return flash ? html`<div class="notice${flash.kind === 'bad' ? ' bad' : ''}" role="status">${discordText(flash.text, names)}</div>` : html``;
}

/**
 * The guard of every server page: signed in (else to sign-in and back), the bot in the server, and
 * the member holding Manage Server there now, as the bot sees them. Returns undefined after
 * answering for itself.
 */
export async function serverRequest(deps: DashboardDeps, request: FastifyRequest<{ Params: { guildId: string } }>, reply: FastifyReply): Promise<ServerRequest | undefined> {
  const person = request.session.get('person');
  if (person === undefined) {
    request.session.set('next', request.url);
    await reply.redirect('/login');
    return undefined;
  }
  const verdict = await deps.access.verdict(request.params.guildId, person.id);
  if (verdict.kind === 'moderator') return { person, server: verdict.server };
  const frame = { title: 'You need Manage Server', person, csrf: reply.generateCsrf() };
  const where = verdict.kind === 'bot-not-in-server' ? 'that server' : verdict.server.name;
  const why =
    verdict.kind === 'bot-not-in-server'
      ? "Roots Bot isn't in that server (or it no longer is), so there is nothing to manage there."
      : verdict.kind === 'not-a-member'
        ? `You aren't a member of ${where}, as far as Roots Bot can see.`
        : `These pages change how Roots Bot runs ${where}, so they are for people with the Manage Server permission there. If you help run ${where}, ask one of its admins to give you a role with Manage Server.`;
  sendPage(reply, { ...frame, server: undefined }, html`<h1>You need Manage Server</h1><p>${why}</p><p><a href="/">See your servers</a></p>`, 403);
  return undefined;
}
