import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Harness } from '../src/harness.js';
import type { GuildRecord, UserRecord } from '../src/world.js';

/** Sign in with Discord, step by step, as a website's server does it with fetch. */
describe('the OAuth2 authorization-code flow', () => {
  let harness: Harness;
  let guild: GuildRecord;
  let morgan: UserRecord;
  const redirectUri = 'http://127.0.0.1:9/auth/callback';

  beforeEach(async () => {
    harness = await Harness.start({ rateLimits: { disabled: true } });
    guild = harness.guild('Roots', { owner: 'morgan' });
    morgan = harness.world.user(guild.ownerId);
    harness.member(guild, 'alice');
    harness.emulator.oauth2.addRedirectUri(redirectUri);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await harness.close();
  });

  const base = () => harness.emulator.httpUrl;
  const authorizeQuery = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({ client_id: harness.emulator.application.id, response_type: 'code', redirect_uri: redirectUri, scope: 'identify guilds', state: 's1', ...overrides });

  /** Picks `user` on the consent page; the redirect's query. */
  async function consent(user: UserRecord, overrides: Record<string, string> = {}): Promise<URLSearchParams> {
    const form = authorizeQuery(overrides);
    form.set('user_id', user.id);
    form.set('decision', 'authorize');
    const answer = await fetch(`${base()}/oauth2/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get('location') ?? '').searchParams;
  }

  const exchange = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${base()}/api/v10/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams({ grant_type: 'authorization_code', redirect_uri: redirectUri, ...fields }) });

  const secretFields = () => ({ client_id: harness.emulator.application.id, client_secret: harness.emulator.oauth2.clientSecret });

  it('shows a consent page listing the people, and hands the code back with the state', async () => {
    const page = await fetch(`${base()}/oauth2/authorize?${authorizeQuery().toString()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('morgan');
    expect(html).toContain('alice');
    const query = await consent(morgan);
    expect(query.get('state')).toBe('s1');
    expect(query.get('code')).toMatch(/^[\w-]{10,}$/);
  });

  it('exchanges a code once for a Bearer token that reads the user and their servers', async () => {
    const code = (await consent(morgan)).get('code') ?? '';
    const answer = await exchange({ code, ...secretFields() });
    expect(answer.status).toBe(200);
    const token = (await answer.json()) as { access_token: string; token_type: string; scope: string; expires_in: number };
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'identify guilds', expires_in: 604800 });
    const auth = { authorization: `Bearer ${token.access_token}` };
    const me = (await (await fetch(`${base()}/api/v10/users/@me`, { headers: auth })).json()) as { id: string; username: string };
    expect(me).toMatchObject({ id: morgan.id, username: 'morgan' });
    const guilds = (await (await fetch(`${base()}/api/v10/users/@me/guilds`, { headers: auth })).json()) as { id: string; owner: boolean; permissions: string }[];
    expect(guilds).toEqual([expect.objectContaining({ id: guild.id, owner: true })]);

    const again = await exchange({ code, ...secretFields() });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid "code" in request.' });
  });

  it('takes the client credentials as HTTP Basic too', async () => {
    const code = (await consent(morgan)).get('code') ?? '';
    const basic = Buffer.from(`${harness.emulator.application.id}:${harness.emulator.oauth2.clientSecret}`).toString('base64');
    expect((await exchange({ code }, { authorization: `Basic ${basic}` })).status).toBe(200);
  });

  it('refuses a wrong secret, a different redirect_uri and an expired code as Discord does', async () => {
    const first = (await consent(morgan)).get('code') ?? '';
    const wrongSecret = await exchange({ code: first, client_id: harness.emulator.application.id, client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toEqual({ error: 'invalid_client' });

    const second = (await consent(morgan)).get('code') ?? '';
    const elsewhere = await exchange({ code: second, ...secretFields(), redirect_uri: 'http://127.0.0.1:9/elsewhere' });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid "redirect_uri" in request.' });

    vi.useFakeTimers({ toFake: ['Date'] });
    const third = (await consent(morgan)).get('code') ?? '';
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const late = await exchange({ code: third, ...secretFields() });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unregistered redirect_uri on the consent page, and a JSON body at the token endpoint', async () => {
    const page = await fetch(`${base()}/oauth2/authorize?${authorizeQuery({ redirect_uri: 'http://127.0.0.1:9/evil' }).toString()}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Invalid OAuth2 redirect_uri');
    const asJson = await fetch(`${base()}/api/v10/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', ...secretFields() }),
    });
    expect(asJson.status).toBe(401);
  });

  it('answers a cancelled consent with access_denied, and a bad Bearer token with 401', async () => {
    const form = authorizeQuery();
    form.set('decision', 'cancel');
    const answer = await fetch(`${base()}/oauth2/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    expect(new URL(answer.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
    const me = await fetch(`${base()}/api/v10/users/@me`, { headers: { authorization: 'Bearer made-up' } });
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });
});
