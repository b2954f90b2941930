import { z } from 'zod';
import { fail, succeed, type Outcome } from '../outcome.js';

/**
 * The website's half of "Sign in with Discord" (discord-api-docs, topics/oauth2: the
 * authorization-code grant): where to send the browser, and swapping the code it brings back for
 * who the person is and which servers they are in. The same code talks to Discord and to the
 * emulator; only the two base URLs differ.
 */
export interface OAuthClientOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the browser goes to consent: https://discord.com, or the emulator's address. */
  readonly authorizeBase: string;
  /** The REST base: https://discord.com/api, or the emulator's `apiUrl`. */
  readonly apiBase: string;
  readonly redirectUri: string;
}

export const SIGN_IN_SCOPES = 'identify guilds';

export interface SignedInPerson {
  readonly id: string;
  readonly name: string;
  readonly guildIds: readonly string[];
}

export type SignInProblem = { readonly kind: 'refused'; readonly error: string } | { readonly kind: 'unreachable'; readonly detail: string };

const TokenAnswer = z.object({ access_token: z.string(), token_type: z.literal('Bearer') });
const UserAnswer = z.object({ id: z.string(), username: z.string(), global_name: z.string().nullable().optional() });
const GuildsAnswer = z.array(z.object({ id: z.string() }));
const ErrorAnswer = z.object({ error: z.string() });

export function authorizeUrl(options: OAuthClientOptions, state: string): string {
  const url = new URL('/oauth2/authorize', options.authorizeBase);
  url.search = new URLSearchParams({ client_id: options.clientId, response_type: 'code', redirect_uri: options.redirectUri, scope: SIGN_IN_SCOPES, state }).toString();
  return url.toString();
}

async function call<T>(request: Promise<Response>, schema: z.ZodType<T>): Promise<Outcome<T, SignInProblem>> {
  let response: Response;
  try {
    response = await request;
  } catch (error) {
    return fail({ kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorAnswer.safeParse(body);
    return fail({ kind: 'refused', error: parsed.success ? parsed.data.error : `HTTP ${response.status}` });
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? succeed(parsed.data) : fail({ kind: 'refused', error: 'an answer in an unexpected shape' });
}

/** Swaps the code for a token, then reads the person and their servers with it. The token is not kept. */
export async function signIn(options: OAuthClientOptions, code: string): Promise<Outcome<SignedInPerson, SignInProblem>> {
  const basic = Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64');
  const token = await call(
    fetch(`${options.apiBase}/v10/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: options.redirectUri }).toString(),
    }),
    TokenAnswer,
  );
  if (!token.ok) return token;
  const headers = { authorization: `Bearer ${token.value.access_token}` };
  const user = await call(fetch(`${options.apiBase}/v10/users/@me`, { headers }), UserAnswer);
  if (!user.ok) return user;
  const guilds = await call(fetch(`${options.apiBase}/v10/users/@me/guilds`, { headers }), GuildsAnswer);
  if (!guilds.ok) return guilds;
  return succeed({ id: user.value.id, name: user.value.global_name ?? user.value.username, guildIds: guilds.value.map((guild) => guild.id) });
}
