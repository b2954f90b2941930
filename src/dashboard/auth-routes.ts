import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { authorizeUrl, signIn } from './discord-oauth.js';
import { html } from './html.js';
import { sendPage, type DashboardDeps } from './pages.js';

/** Signing in with Discord, signing out, and the start page listing the servers one can manage. */
export function registerAuthRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  app.get('/', async (request, reply) => {
    const person = request.session.get('person');
    if (person === undefined) {
      return sendPage(
        reply,
        { title: 'Welcome' },
        html`<h1>Roots Bot dashboard</h1>
<p>Set up your community's rituals, onboarding and tenets from here, and see when the next posts go out in your own time zone, before you save.</p>
<p>It is for moderators: people with the Manage Server permission in a server where Roots Bot is.</p>
<p><a class="button" href="/login">Sign in with Discord</a></p>`,
      );
    }
    const verdicts = await Promise.all(person.guildIds.map((id) => deps.access.verdict(id, person.id)));
    const mine = verdicts.flatMap((verdict) => (verdict.kind === 'moderator' ? [verdict.server] : []));
    const others = verdicts.flatMap((verdict) => (verdict.kind === 'needs-manage-server' ? [verdict.server] : []));
    return sendPage(
      reply,
      { title: 'Your servers', person, csrf: reply.generateCsrf() },
      html`<h1>Your servers</h1>
${
  mine.length === 0
    ? html`<p>There is no server here you can manage yet. The dashboard shows the servers where Roots Bot is and where you have the Manage Server permission.</p>`
    : html`<ul>${mine.map((server) => html`<li><a href="/g/${server.id}/rituals">${server.name}</a></li>`)}</ul>`
}
${others.length > 0 ? html`<p class="hint">Roots Bot is also in ${others.map((s) => s.name).join(', ')}, where you need Manage Server to change its settings.</p>` : ''}`,
    );
  });

  app.get('/login', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const state = randomBytes(18).toString('base64url');
    request.session.set('oauthState', state);
    return reply.redirect(authorizeUrl(deps.oauth(), state));
  });

  app.get<{ Querystring: { code?: string; state?: string; error?: string } }>('/auth/callback', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const expected = request.session.get('oauthState');
    const { code, state, error } = request.query;
    request.session.set('oauthState', undefined);
    const retry = html`<p><a class="button" href="/login">Sign in again</a></p>`;
    if (expected === undefined || state !== expected) {
      return sendPage(reply, { title: 'Sign-in expired' }, html`<h1>Let's try that again</h1><p>This sign-in link was old or came from somewhere else, so I didn't use it.</p>${retry}`, 400);
    }
    if (error !== undefined || code === undefined) {
      return sendPage(reply, { title: 'Not signed in' }, html`<h1>Not signed in</h1><p>Discord said you chose not to sign in. That's fine: nothing was shared.</p>${retry}`, 400);
    }
    const person = await signIn(deps.oauth(), code);
    if (!person.ok) {
      deps.ctx.logger.warn({ problem: person.problem }, 'a dashboard sign-in failed');
      return sendPage(reply, { title: 'Sign-in failed' }, html`<h1>Sign-in didn't work</h1><p>Discord didn't accept this sign-in (it may have taken too long). Please try again.</p>${retry}`, 502);
    }
    const next = request.session.get('next');
    // A fresh session id once signed in, so an id planted before sign-in is worth nothing.
    await request.session.regenerate();
    request.session.set('person', person.value);
    return reply.redirect(next !== undefined && next.startsWith('/') && !next.startsWith('//') ? next : '/');
  });

  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    await request.session.destroy();
    return sendPage(reply, { title: 'Signed out' }, html`<h1>Signed out</h1><p>See you soon!</p><p><a href="/">Back to the start</a></p>`);
  });
}
