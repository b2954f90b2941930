import { ChannelType, PermissionFlagsBits, channelMention, roleMention, type Guild, type GuildMember } from 'discord.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { OnboardingSettings } from '../settings.js';

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
export function describeRoleProblem(guild: Guild, roleId: string | null, problem: RoleProblem): string {
  const role = roleId === null ? undefined : guild.roles.cache.get(roleId);
  const name = role ? `**${inlineText(role.name)}**` : 'the member role';
  const bot = `**${inlineText(botRoleName(guild.members.me))}**`;
  switch (problem) {
    case 'not-set':
      return 'No member role is set, so finishing the walk opens nothing. Choose one with `/onboarding setup member-role:`.';
    case 'missing':
      return 'The member role I was given no longer exists. Choose another with `/onboarding setup member-role:`.';
    case 'not-grantable':
      return `${name} is managed by Discord or an integration, so nobody can hand it out. Choose another with \`/onboarding setup member-role:\`.`;
    case 'no-manage-roles':
      return `I don't have the **Manage Roles** permission, so I can't give anyone ${name}. Turn it on for my role, ${bot}, in Server Settings → Roles.`;
    case 'above-bot':
      return `${name} sits above my own role, and Discord only lets me give roles below mine. In Server Settings → Roles, drag ${bot} above ${name}.`;
  }
}

export interface SetupCheck {
  readonly ok: boolean;
  readonly text: string;
}

function channelCheck(guild: Guild, channelId: string | null, purpose: string, needs: ReadonlyArray<readonly [bigint, string]>, unsetText: string): SetupCheck {
  if (channelId === null) return { ok: false, text: unsetText };
  const channel = guild.channels.cache.get(channelId);
  const me = guild.members.me;
  if (!channel || channel.type !== ChannelType.GuildText) return { ok: false, text: `The ${purpose} channel no longer exists; choose another with \`/onboarding setup\`.` };
  const mine = me ? channel.permissionsFor(me) : null;
  const missing = needs.filter(([bit]) => !(mine?.has(bit) ?? false)).map(([, name]) => `**${name}**`);
  if (missing.length > 0) return { ok: false, text: `In ${channelMention(channelId)} I'm missing ${missing.join(', ')}, which I need for ${purpose}.` };
  return { ok: true, text: `${channelMention(channelId)} is ready for ${purpose}.` };
}

export function checkSetup(guild: Guild, settings: OnboardingSettings): SetupCheck[] {
  const checks: SetupCheck[] = [];
  const problem = roleProblem(guild, settings.memberRoleId);
  checks.push(
    problem === null && settings.memberRoleId !== null
      ? { ok: true, text: `I can give ${roleMention(settings.memberRoleId)} to members who finish their walk.` }
      : { ok: false, text: describeRoleProblem(guild, settings.memberRoleId, problem ?? 'not-set') },
  );
  checks.push(
    channelCheck(
      guild,
      settings.introductionsChannelId,
      'introductions',
      [
        [PermissionFlagsBits.ViewChannel, 'View Channel'],
        [PermissionFlagsBits.SendMessages, 'Send Messages'],
        [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
      ],
      'No introductions channel is set, so introductions stay private. Choose one with `/onboarding setup introductions:`.',
    ),
  );
  const welcome = channelCheck(
    guild,
    settings.welcomeChannelId,
    'private welcome threads',
    [
      [PermissionFlagsBits.ViewChannel, 'View Channel'],
      [PermissionFlagsBits.CreatePrivateThreads, 'Create Private Threads'],
      [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
    ],
    settings.firstContact === 'thread'
      ? 'No welcome channel is set, but walks are meant to start in a thread there. Choose one with `/onboarding setup welcome-channel:`.'
      : "No welcome channel is set, so members whose DMs are closed can't be reached. Choose one with `/onboarding setup welcome-channel:`.",
  );
  checks.push(welcome);
  if (welcome.ok && settings.welcomeChannelId !== null) {
    // A newcomer has no roles yet: if @everyone can't see the channel, they can't see their thread.
    const channel = guild.channels.cache.get(settings.welcomeChannelId);
    const everyone = channel && 'permissionsFor' in channel ? channel.permissionsFor(guild.roles.everyone) : null;
    if (!(everyone?.has(PermissionFlagsBits.ViewChannel) ?? false)) {
      checks.push({ ok: false, text: `New members can't see ${channelMention(settings.welcomeChannelId)}, so they wouldn't see a welcome thread there. Let @everyone view it.` });
    }
  }
  checks.push(
    channelCheck(
      guild,
      settings.logChannelId,
      'notes to moderators',
      [
        [PermissionFlagsBits.ViewChannel, 'View Channel'],
        [PermissionFlagsBits.SendMessages, 'Send Messages'],
      ],
      "No log channel is set, so I can't tell moderators when something goes wrong. Choose one with `/onboarding setup log-channel:`.",
    ),
  );
  return checks;
}
