import { ChannelType, PermissionFlagsBits, channelMention, roleMention, type Guild, type GuildMember } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import { ENGLISH, type Reader } from '../../i18n/locales.js';
import type { OnboardingSettings } from '../settings.js';
import { onboardingMessages, type OnboardingSays } from './messages.js';

/**
 * What could stop onboarding from working in a server, worded for moderators. `/onboarding setup`
 * runs every check; a failed role grant uses the role check to explain itself.
 */

export type RoleProblem = 'not-set' | 'missing' | 'not-grantable' | 'no-manage-roles' | 'above-bot';

/** Why the bot can't grant `roleId` here, judged from what it knows of the server; null if it can. */
export function roleProblem(guild: Guild, roleId: string | null): RoleProblem | null {
  if (roleId === null) return 'not-set';
  const role = guild.roles.cache.get(roleId);
  if (!role) return 'missing';
  if (role.managed || role.id === guild.id) return 'not-grantable';
  const me = guild.members.me;
  if (!me) return 'no-manage-roles';
  if (!me.permissions.has(PermissionFlagsBits.ManageRoles)) return 'no-manage-roles';
  if (guild.ownerId !== me.id && role.comparePositionTo(me.roles.highest) >= 0) return 'above-bot';
  return null;
}

function botRoleName(me: GuildMember | null): string {
  return me?.roles.botRole?.name ?? me?.displayName ?? 'Roots Bot';
}

/** One sentence on what is wrong and one on how to fix it. */
export function describeRoleProblem(guild: Guild, roleId: string | null, problem: RoleProblem, t: OnboardingSays): string {
  const role = roleId === null ? undefined : guild.roles.cache.get(roleId);
  // A role the bot can't see any more is still named the way Discord draws it.
  const name = role ? `**${inlineText(role.name)}**` : roleMention(roleId ?? guild.id);
  const bot = `**${inlineText(botRoleName(guild.members.me))}**`;
  switch (problem) {
    case 'not-set':
      return t('role-problem.not-set');
    case 'missing':
      return t('role-problem.missing');
    case 'not-grantable':
      return t('role-problem.not-grantable', { role: name });
    case 'no-manage-roles':
      return t('role-problem.no-manage-roles', { role: name, bot });
    case 'above-bot':
      return t('role-problem.above-bot', { role: name, bot });
  }
}

export interface SetupCheck {
  readonly ok: boolean;
  readonly text: string;
}

type Permission = 'view-channel' | 'send-messages' | 'embed-links' | 'create-private-threads' | 'send-messages-in-threads';

/** What each channel is for, and the keys its messages sit under. */
type Purpose = 'introductions' | 'welcome' | 'log';

function channelCheck(guild: Guild, channelId: string | null, purpose: Purpose, needs: ReadonlyArray<readonly [bigint, Permission]>, unsetText: string, t: OnboardingSays): SetupCheck {
  if (channelId === null) return { ok: false, text: unsetText };
  const channel = guild.channels.cache.get(channelId);
  const me = guild.members.me;
  if (!channel || channel.type !== ChannelType.GuildText) return { ok: false, text: t(`check.gone.${purpose}`) };
  const mine = me ? channel.permissionsFor(me) : null;
  const missing = needs.filter(([bit]) => !(mine?.has(bit) ?? false)).map(([, name]) => `**${t(`permission.${name}`)}**`);
  if (missing.length > 0) return { ok: false, text: t(`check.missing.${purpose}`, { channel: channelMention(channelId), permissions: missing.join(', ') }) };
  return { ok: true, text: t(`check.ready.${purpose}`, { channel: channelMention(channelId) }) };
}

/** Every check, worded for `reader` (the dashboard reads them in English). */
export function checkSetup(guild: Guild, settings: OnboardingSettings, reader: Reader = ENGLISH): SetupCheck[] {
  const t = onboardingMessages.for(reader);
  const checks: SetupCheck[] = [];
  const problem = roleProblem(guild, settings.memberRoleId);
  checks.push(
    problem === null && settings.memberRoleId !== null
      ? { ok: true, text: t('check.role-ok', { role: roleMention(settings.memberRoleId) }) }
      : { ok: false, text: describeRoleProblem(guild, settings.memberRoleId, problem ?? 'not-set', t) },
  );
  checks.push(
    channelCheck(
      guild,
      settings.introductionsChannelId,
      'introductions',
      [
        [PermissionFlagsBits.ViewChannel, 'view-channel'],
        [PermissionFlagsBits.SendMessages, 'send-messages'],
        [PermissionFlagsBits.EmbedLinks, 'embed-links'],
      ],
      t('check.unset.introductions'),
      t,
    ),
  );
  const welcome = channelCheck(
    guild,
    settings.welcomeChannelId,
    'welcome',
    [
      [PermissionFlagsBits.ViewChannel, 'view-channel'],
      [PermissionFlagsBits.CreatePrivateThreads, 'create-private-threads'],
      [PermissionFlagsBits.SendMessagesInThreads, 'send-messages-in-threads'],
    ],
    settings.firstContact === 'thread' ? t('check.unset.welcome-thread') : t('check.unset.welcome-dm'),
    t,
  );
  checks.push(welcome);
  if (welcome.ok && settings.welcomeChannelId !== null) {
    // A newcomer has no roles yet: if @everyone can't see the channel, they can't see their thread.
    const channel = guild.channels.cache.get(settings.welcomeChannelId);
    const everyone = channel && 'permissionsFor' in channel ? channel.permissionsFor(guild.roles.everyone) : null;
    if (!(everyone?.has(PermissionFlagsBits.ViewChannel) ?? false)) {
      checks.push({ ok: false, text: t('check.welcome-hidden', { channel: channelMention(settings.welcomeChannelId) }) });
    }
  }
  checks.push(
    channelCheck(
      guild,
      settings.logChannelId,
      'log',
      [
        [PermissionFlagsBits.ViewChannel, 'view-channel'],
        [PermissionFlagsBits.SendMessages, 'send-messages'],
      ],
      t('check.unset.log'),
      t,
    ),
  );
  return checks;
}
