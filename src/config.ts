import { z } from 'zod';
import type { ShardPlan } from './sharding/plan.js';
import { InvalidShardsError, shardsOf } from './sharding/shards.js';
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

const PORT_ERROR = 'must be a port number from 1 to 65535, such as 3030 (or 0 for any free port)';

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
  SHARD_COUNT: blankAsUnset(
    z
      .string()
      .trim()
      .regex(/^(auto|[1-9]\d{0,4})$/, { error: 'must be auto (as many shards as Discord recommends) or a whole number of shards, 1 or more' })
      .default('auto'),
  ),
  DASHBOARD_PORT: blankAsUnset(
    z.coerce.number({ error: PORT_ERROR }).int({ error: PORT_ERROR }).min(0, { error: PORT_ERROR }).max(65535, { error: PORT_ERROR }).optional(),
  ),
  DASHBOARD_PUBLIC_URL: blankAsUnset(
    z.url({ protocol: /^https?$/, error: 'must be the http(s) address people open the dashboard at, such as https://roots.example.org' }).optional(),
  ),
  DISCORD_CLIENT_SECRET: blankAsUnset(z.string().trim().min(16, { error: "doesn't look like a client secret (Developer Portal → your application → OAuth2 → Reset Secret)" }).optional()),
  SESSION_SECRET: blankAsUnset(z.string().min(32, { error: 'must be at least 32 characters of random text (for example the output of `openssl rand -base64 48`)' }).optional()),
});

/** The shards a process spawned by a ShardingManager serves: `SHARDS` is one id, or a JSON array of them. */
const ManagedShards = z.union([z.number().int().min(0).transform((id) => [id]), z.array(z.number().int().min(0)).min(1)]);

/**
 * `SHARDING_MANAGER` and `SHARDS` are set by discord.js's ShardingManager in the processes it spawns
 * (src/shards.ts), with `SHARD_COUNT` set to the total; never by hand, so not in `.env.example`.
 */
function shardPlan(shardCount: string, env: Readonly<Record<string, string | undefined>>): ShardPlan | string {
  if (env.SHARDING_MANAGER !== 'true') return shardCount === 'auto' ? { kind: 'auto' } : { kind: 'all', count: Number(shardCount) };
  if (shardCount === 'auto') return 'SHARD_COUNT must be a number in a process a ShardingManager spawned';
  let ids: unknown;
  try {
    ids = JSON.parse(env.SHARDS ?? '');
  } catch {
    return 'SHARDS must be the JSON list of shard ids a ShardingManager sets';
  }
  const parsed = ManagedShards.safeParse(ids);
  if (!parsed.success) return 'SHARDS must be the JSON list of shard ids a ShardingManager sets';
  try {
    return { kind: 'some', shards: shardsOf(Number(shardCount), parsed.data) };
  } catch (error) {
    if (error instanceof InvalidShardsError) return `SHARDS doesn't fit SHARD_COUNT: ${error.message}`;
    throw error;
  }
}

/** Where the bot connects: a real Discord application, or the local sandbox when no token is set. */
export type Connection =
  | { readonly kind: 'discord'; readonly token: string; readonly appId: string | undefined; readonly apiUrl: string | undefined }
  | { readonly kind: 'sandbox' };

/** The sandbox's dashboard port when DASHBOARD_PORT is not set. */
export const SANDBOX_DASHBOARD_PORT = 3030;

/**
 * The moderator dashboard, when it runs. Against Discord it is off unless DASHBOARD_PORT is set,
 * and then it needs everything "Sign in with Discord" does; the sandbox always runs it, and the
 * emulator supplies the secrets it lacks.
 */
export type DashboardConfig =
  | { readonly kind: 'discord'; readonly port: number; readonly publicUrl: string; readonly clientId: string; readonly clientSecret: string; readonly sessionSecret: string }
  | { readonly kind: 'sandbox'; readonly port: number; readonly publicUrl: string | undefined; readonly sessionSecret: string | undefined };

export interface Config {
  readonly connection: Connection;
  readonly dashboard: DashboardConfig | null;
  readonly devGuildId: string | undefined;
  /** PostgreSQL when DATABASE_URL is set; SQLite at DATABASE_PATH otherwise. */
  readonly database: DatabaseTarget;
  readonly sandboxDatabasePath: string;
  readonly logLevel: LogLevel;
  /** How many shards this process opens (`SHARD_COUNT`), or its share when a ShardingManager spawned it. */
  readonly shards: ShardPlan;
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
  const shards = shardPlan(vars.SHARD_COUNT, env);
  if (typeof shards === 'string') return { ok: false, error: new ConfigError([shards]) };
  const connection: Connection = vars.DISCORD_TOKEN
    ? { kind: 'discord', token: vars.DISCORD_TOKEN, appId: vars.DISCORD_APP_ID, apiUrl: vars.DISCORD_API_URL }
    : { kind: 'sandbox' };
  const dashboard = dashboardConfig(vars, connection);
  if (!dashboard.ok) return { ok: false, error: new ConfigError(dashboard.problems) };
  return {
    ok: true,
    config: {
      connection,
      dashboard: dashboard.value,
      devGuildId: vars.DEV_GUILD_ID,
      database: vars.DATABASE_URL ? { kind: 'postgres', url: vars.DATABASE_URL } : { kind: 'sqlite', path: vars.DATABASE_PATH },
      sandboxDatabasePath: vars.SANDBOX_DATABASE_PATH,
      logLevel: vars.LOG_LEVEL,
      shards,
    },
  };
}

type Vars = z.output<typeof EnvSchema>;

function dashboardConfig(vars: Vars, connection: Connection): { ok: true; value: DashboardConfig | null } | { ok: false; problems: string[] } {
  if (connection.kind === 'sandbox') {
    return { ok: true, value: { kind: 'sandbox', port: vars.DASHBOARD_PORT ?? SANDBOX_DASHBOARD_PORT, publicUrl: vars.DASHBOARD_PUBLIC_URL, sessionSecret: vars.SESSION_SECRET } };
  }
  if (vars.DASHBOARD_PORT === undefined) return { ok: true, value: null };
  const needs = 'is needed for the dashboard (DASHBOARD_PORT is set)';
  const problems = [
    vars.DASHBOARD_PUBLIC_URL === undefined ? `DASHBOARD_PUBLIC_URL ${needs}: the https address moderators open, whose /auth/callback you add under OAuth2 → Redirects` : null,
    vars.DISCORD_CLIENT_SECRET === undefined ? `DISCORD_CLIENT_SECRET ${needs}: Developer Portal → your application → OAuth2 → Client Secret` : null,
    vars.SESSION_SECRET === undefined ? `SESSION_SECRET ${needs}: at least 32 characters of random text` : null,
    vars.DISCORD_APP_ID === undefined ? `DISCORD_APP_ID ${needs}: it is the OAuth2 client ID (Developer Portal → General Information → Application ID)` : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0 || !vars.DASHBOARD_PUBLIC_URL || !vars.DISCORD_CLIENT_SECRET || !vars.SESSION_SECRET || !vars.DISCORD_APP_ID) return { ok: false, problems };
  return {
    ok: true,
    value: { kind: 'discord', port: vars.DASHBOARD_PORT, publicUrl: vars.DASHBOARD_PUBLIC_URL, clientId: vars.DISCORD_APP_ID, clientSecret: vars.DISCORD_CLIENT_SECRET, sessionSecret: vars.SESSION_SECRET },
  };
}
