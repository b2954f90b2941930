import { randomBytes } from 'node:crypto';
import type { DiscordEmulator } from '@roots-bot/discord-emulator';
import type { RunningBot } from '../bot.js';
import type { DashboardConfig } from '../config.js';
import { discordGuildAccess } from './guild-access.js';
import { startDashboard, type RunningDashboard } from './server.js';

/** Starting the dashboard beside a running bot: against Discord, or against the sandbox's emulator. */

const DISCORD = 'https://discord.com';

export function startDiscordDashboard(bot: RunningBot, config: Extract<DashboardConfig, { kind: 'discord' }>, apiUrl: string | undefined): Promise<RunningDashboard> {
  return startDashboard({
    ctx: bot.ctx,
    access: discordGuildAccess(bot.client, bot.ctx.logger),
    oauth: { clientId: config.clientId, clientSecret: config.clientSecret, authorizeBase: DISCORD, apiBase: apiUrl ?? `${DISCORD}/api` },
    port: config.port,
    publicUrl: config.publicUrl,
    sessionSecret: config.sessionSecret,
  });
}

/**
 * The sandbox's dashboard signs in through the emulator's OAuth2 (its consent page lets you pick a
 * person of the demo server) and registers its own redirect URL there, as a developer would in the
 * Developer Portal.
 */
export async function startSandboxDashboard(
  bot: RunningBot,
  emulator: DiscordEmulator,
  config: { readonly port: number; readonly publicUrl?: string | undefined; readonly sessionSecret?: string | undefined; readonly sessionTtlMs?: number; readonly requestsPerMinute?: number },
): Promise<RunningDashboard> {
  const dashboard = await startDashboard({
    ctx: bot.ctx,
    access: discordGuildAccess(bot.client, bot.ctx.logger),
    oauth: { clientId: emulator.application.id, clientSecret: emulator.oauth2.clientSecret, authorizeBase: emulator.httpUrl, apiBase: emulator.apiUrl },
    port: config.port,
    publicUrl: config.publicUrl,
    sessionSecret: config.sessionSecret ?? randomBytes(32).toString('base64url'),
    ...(config.sessionTtlMs === undefined ? {} : { sessionTtlMs: config.sessionTtlMs }),
    ...(config.requestsPerMinute === undefined ? {} : { requestsPerMinute: config.requestsPerMinute }),
  });
  emulator.oauth2.addRedirectUri(dashboard.redirectUri);
  return dashboard;
}
