import { z } from 'zod';
import type { DatabaseTarget } from './db/target.js';

/**
 * Settings come from the environment (and `.env`, loaded by the entry points). Every variable is
 * documented in `.env.example`. A bad value stops the bot with one message naming every problem —
 * and never the token's value, which must not reach a terminal or a log.
 */

const SNOWFLAKE = /^\d{17,20}$/;
// A bot token is three base64url segments joined by dots; checking the shape catches a pasted
// client secret or a stray quote before Discord answers with a bare 401.
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** An empty `KEY=` line in .env means "not set", as people copy `.env.example` and leave blanks. */
const blankAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

const snowflake = (what: string) =>
  z.string().trim().regex(SNOWFLAKE, `must be ${what}: a Discord ID of 17 to 20 digits (enable Developer Mode, then right-click → Copy ID)`);

const EnvSchema = z.object({
  DISCORD_TOKEN: blankAsUnset(
    z
      .string()
      .trim()
      .regex(TOKEN_SHAPE, {
        error: "doesn't look like a bot token (Developer Portal → your application → Bot → Reset Token)",
      })
      .optional(),
  ),
  DISCORD_APP_ID: blankAsUnset(snowflake("your application's ID").optional()),
  DEV_GUILD_ID: blankAsUnset(snowflake("a server's ID").optional()),
  DISCORD_API_URL: blankAsUnset(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).optional(),
  ),
  DATABASE_PATH: blankAsUnset(z.string().trim().default('data/roots.sqlite')),
  // The URL carries the password: the message names the variable and the shape, never the value.
  DATABASE_URL: blankAsUnset(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        hostname: /^.+$/,
        error: 'must be a PostgreSQL URL such as postgres://roots:PASSWORD@localhost:5432/roots (or leave it empty to use SQLite at DATABASE_PATH)',
      })
      .optional(),
  ),
  SANDBOX_DATABASE_PATH: blankAsUnset(z.string().trim().default('data/sandbox.sqlite')),
  LOG_LEVEL: blankAsUnset(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
});

/** Where the bot connects: a real Discord application, or the local sandbox when no token is set. */
export type Connection =
  | { readonly kind: 'discord'; readonly token: string; readonly appId: string | undefined; readonly apiUrl: string | undefined }
  | { readonly kind: 'sandbox' };

export interface Config {
  readonly connection: Connection;
  readonly devGuildId: string | undefined;
  /** PostgreSQL when DATABASE_URL is set; SQLite at DATABASE_PATH otherwise. */
  readonly database: DatabaseTarget;
  readonly sandboxDatabasePath: string;
  readonly logLevel: LogLevel;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      [
        "Roots Bot can't start yet: some settings need attention (see .env.example for each one).",
        ...problems.map((problem) => `  - ${problem}`),
      ].join('\n'),
    );
  }
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: ConfigError };

export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    // Only the variable's name and our own wording: zod's default messages can quote the input.
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    return { ok: false, error: new ConfigError([...new Set(problems)]) };
  }
  const vars = parsed.data;
  const connection: Connection = vars.DISCORD_TOKEN
    ? { kind: 'discord', token: vars.DISCORD_TOKEN, appId: vars.DISCORD_APP_ID, apiUrl: vars.DISCORD_API_URL }
    : { kind: 'sandbox' };
  return {
    ok: true,
    config: {
      connection,
      devGuildId: vars.DEV_GUILD_ID,
      database: vars.DATABASE_URL ? { kind: 'postgres', url: vars.DATABASE_URL } : { kind: 'sqlite', path: vars.DATABASE_PATH },
      sandboxDatabasePath: vars.SANDBOX_DATABASE_PATH,
      logLevel: vars.LOG_LEVEL,
    },
  };
}
