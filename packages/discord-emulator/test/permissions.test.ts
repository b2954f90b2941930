import {
  ChannelType,
  OverwriteType,
  PermissionFlagsBits as P,
  RESTJSONErrorCodes,
  type APIGuild,
  type APIGuildMember,
  type APITextChannel,
  type APIThreadChannel,
} from 'discord-api-types/v10';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  PERMISSION_RULES,
  canManageRole,
  checkPermissions,
  compareRolePositions,
  computeBasePermissions,
  computeChannelPermissions,
  hasPermission,
  highestRole,
  missingPermissions,
  requiredPermissionsFor,
  type PermissionChannel,
  type PermissionGuild,
  type PermissionMember,
  type PermissionOverwrite,
  type PermissionRole,
} from '../src/permissions.js';

const GUILD_ID = '1000';
const OWNER_ID = '1';

const role = (id: string, position: number, permissions: bigint): PermissionRole => ({
  id,
  position,
  permissions: permissions.toString(),
});

const ROLES = {
  everyone: role(GUILD_ID, 0, P.ViewChannel | P.SendMessages | P.ReadMessageHistory),
  learner: role('2001', 1, P.EmbedLinks),
  muted: role('2002', 2, 0n),
  helper: role('2003', 3, P.AttachFiles),
  admin: role('2004', 4, P.Administrator),
  moderator: role('2005', 5, P.ManageRoles | P.ManageThreads),
};

const guild: PermissionGuild = { id: GUILD_ID, owner_id: OWNER_ID, roles: Object.values(ROLES) };

const member = (id: string, ...roles: PermissionRole[]): PermissionMember => ({
  user: { id },
  roles: roles.map((r) => r.id),
});

const overwrite = (id: string, type: OverwriteType, allow: bigint, deny: bigint): PermissionOverwrite => ({
  id,
  type,
  allow: allow.toString(),
  deny: deny.toString(),
});

const channel = (...overwrites: PermissionOverwrite[]): PermissionChannel => ({
  type: ChannelType.GuildText,
  permission_overwrites: overwrites,
});

describe('input shapes', () => {
  it('accept the API payloads the emulator stores, unconverted', () => {
    expectTypeOf<APIGuild>().toExtend<PermissionGuild>();
    expectTypeOf<APIGuildMember>().toExtend<PermissionMember>();
    expectTypeOf<APITextChannel>().toExtend<PermissionChannel>();
    expectTypeOf<APIThreadChannel>().toExtend<PermissionChannel>();
  });
});

describe('computeBasePermissions', () => {
  it('ORs @everyone with every role the member holds', () => {
    const bits = computeBasePermissions(guild, member('10', ROLES.learner, ROLES.helper));
    expect(bits).toBe(P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.EmbedLinks | P.AttachFiles);
  });

  it('ignores role ids the guild does not have', () => {
    const bits = computeBasePermissions(guild, { user: { id: '10' }, roles: ['9999'] });
    expect(bits).toBe(BigInt(ROLES.everyone.permissions));
  });

  it('gives the owner everything, with no roles at all', () => {
    expect(computeBasePermissions(guild, member(OWNER_ID))).toBe(ALL_PERMISSIONS);
  });

  it('gives ADMINISTRATOR everything', () => {
    expect(computeBasePermissions(guild, member('10', ROLES.admin))).toBe(ALL_PERMISSIONS);
  });

  it('every documented flag is part of ALL', () => {
    for (const bit of Object.values(P)) expect(hasPermission(ALL_PERMISSIONS, bit)).toBe(true);
  });
});

describe('computeChannelPermissions', () => {
  it('lets a role allow override an @everyone deny', () => {
    const hidden = channel(
      overwrite(GUILD_ID, OverwriteType.Role, 0n, P.ViewChannel),
      overwrite(ROLES.learner.id, OverwriteType.Role, P.ViewChannel, 0n),
    );
    expect(hasPermission(computeChannelPermissions(guild, member('10'), hidden), P.ViewChannel)).toBe(false);
    expect(hasPermission(computeChannelPermissions(guild, member('10', ROLES.learner), hidden), P.ViewChannel)).toBe(true);
  });

  it('lets an @everyone allow grant what no role grants', () => {
    const open = channel(overwrite(GUILD_ID, OverwriteType.Role, P.AttachFiles, 0n));
    expect(hasPermission(computeChannelPermissions(guild, member('10'), open), P.AttachFiles)).toBe(true);
  });

  it('applies all role denies before all role allows, whatever the positions', () => {
    // muted (position 2) denies, learner (position 1) allows: the allow wins.
    const ch = channel(
      overwrite(ROLES.muted.id, OverwriteType.Role, 0n, P.SendMessages),
      overwrite(ROLES.learner.id, OverwriteType.Role, P.SendMessages, 0n),
    );
    const bits = computeChannelPermissions(guild, member('10', ROLES.learner, ROLES.muted), ch);
    expect(hasPermission(bits, P.SendMessages)).toBe(true);
    expect(hasPermission(computeChannelPermissions(guild, member('11', ROLES.muted), ch), P.SendMessages)).toBe(false);
  });

  it('lets the member overwrite beat role overwrites, both ways', () => {
    const ch = channel(
      overwrite(ROLES.learner.id, OverwriteType.Role, P.AttachFiles, P.SendMessages),
      overwrite('10', OverwriteType.Member, P.SendMessages, P.AttachFiles),
    );
    const bits = computeChannelPermissions(guild, member('10', ROLES.learner), ch);
    expect(hasPermission(bits, P.SendMessages)).toBe(true);
    expect(hasPermission(bits, P.AttachFiles)).toBe(false);
    // Someone else with the same role only gets the role overwrite.
    const other = computeChannelPermissions(guild, member('11', ROLES.learner), ch);
    expect(hasPermission(other, P.SendMessages)).toBe(false);
    expect(hasPermission(other, P.AttachFiles)).toBe(true);
  });

  it('does not read a member overwrite as a role overwrite with the same id', () => {
    const ch = channel(overwrite(ROLES.learner.id, OverwriteType.Member, 0n, P.ViewChannel));
    expect(hasPermission(computeChannelPermissions(guild, member('10', ROLES.learner), ch), P.ViewChannel)).toBe(true);
  });

  it('lets ADMINISTRATOR bypass every overwrite', () => {
    const locked = channel(
      overwrite(GUILD_ID, OverwriteType.Role, 0n, ALL_PERMISSIONS),
      overwrite(ROLES.admin.id, OverwriteType.Role, 0n, P.ViewChannel),
      overwrite('10', OverwriteType.Member, 0n, P.ViewChannel),
    );
    expect(computeChannelPermissions(guild, member('10', ROLES.admin), locked)).toBe(ALL_PERMISSIONS);
  });

  it('lets the owner bypass every overwrite', () => {
    const locked = channel(
      overwrite(GUILD_ID, OverwriteType.Role, 0n, ALL_PERMISSIONS),
      overwrite(OWNER_ID, OverwriteType.Member, 0n, ALL_PERMISSIONS),
    );
    expect(computeChannelPermissions(guild, member(OWNER_ID), locked)).toBe(ALL_PERMISSIONS);
  });

  it('gives a thread its parent’s overwrites', () => {
    const parent = channel(
      overwrite(GUILD_ID, OverwriteType.Role, 0n, P.ViewChannel),
      overwrite(ROLES.learner.id, OverwriteType.Role, P.ViewChannel | P.SendMessagesInThreads, 0n),
    );
    const thread: PermissionChannel = { type: ChannelType.PublicThread };
    const learner = computeChannelPermissions(guild, member('10', ROLES.learner), thread, { parent });
    expect(hasPermission(learner, P.ViewChannel | P.SendMessagesInThreads)).toBe(true);
    expect(hasPermission(computeChannelPermissions(guild, member('11'), thread, { parent }), P.ViewChannel)).toBe(false);
  });

  it('ignores overwrites a thread claims for itself', () => {
    const parent = channel();
    const thread: PermissionChannel = {
      type: ChannelType.PrivateThread,
      permission_overwrites: [overwrite(GUILD_ID, OverwriteType.Role, 0n, P.ViewChannel)],
    };
    expect(hasPermission(computeChannelPermissions(guild, member('10'), thread, { parent }), P.ViewChannel)).toBe(true);
  });

  it('refuses a thread without its parent', () => {
    expect(() => computeChannelPermissions(guild, member('10'), { type: ChannelType.AnnouncementThread })).toThrow(/parent/);
  });
});

describe('timeouts', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  const timedOut = (id: string, ...roles: PermissionRole[]): PermissionMember => ({
    ...member(id, ...roles),
    communication_disabled_until: '2025-01-01T13:00:00Z',
  });

  it('leaves only VIEW_CHANNEL and READ_MESSAGE_HISTORY while the timeout lasts', () => {
    const keeps = P.ViewChannel | P.ReadMessageHistory;
    expect(computeBasePermissions(guild, timedOut('10', ROLES.learner), { now })).toBe(keeps);
    const open = channel(overwrite('10', OverwriteType.Member, P.SendMessages | P.AttachFiles, 0n));
    expect(computeChannelPermissions(guild, timedOut('10'), open, { now })).toBe(keeps);
  });

  it('ends with the timeout, and is ignored without a clock', () => {
    const later = Date.parse('2025-01-01T13:00:01Z');
    expect(hasPermission(computeBasePermissions(guild, timedOut('10'), { now: later }), P.SendMessages)).toBe(true);
    expect(hasPermission(computeBasePermissions(guild, timedOut('10')), P.SendMessages)).toBe(true);
  });

  it('spares the owner and administrators', () => {
    expect(computeBasePermissions(guild, timedOut(OWNER_ID), { now })).toBe(ALL_PERMISSIONS);
    expect(computeBasePermissions(guild, timedOut('10', ROLES.admin), { now })).toBe(ALL_PERMISSIONS);
  });
});

describe('role hierarchy', () => {
  const moderator = member('20', ROLES.moderator, ROLES.learner);

  it('lets MANAGE_ROLES manage roles strictly below the actor’s highest role', () => {
    expect(canManageRole(guild, moderator, ROLES.learner)).toBe(true);
    expect(canManageRole(guild, moderator, ROLES.admin)).toBe(true);
  });

  it('refuses the actor’s own highest role and anything above it', () => {
    expect(canManageRole(guild, moderator, ROLES.moderator)).toBe(false);
    const admin = member('21', ROLES.admin);
    expect(canManageRole(guild, admin, ROLES.helper)).toBe(true);
    expect(canManageRole(guild, admin, ROLES.admin)).toBe(false);
    expect(canManageRole(guild, admin, ROLES.moderator)).toBe(false);
  });

  it('breaks equal positions by id: the older (smaller) id ranks higher', () => {
    const older = role('3001', 7, P.ManageRoles);
    const newer = role('3002', 7, P.ManageRoles);
    const tied: PermissionGuild = { ...guild, roles: [...guild.roles, older, newer] };
    expect(compareRolePositions(older, newer)).toBeGreaterThan(0);
    expect(compareRolePositions(newer, older)).toBeLessThan(0);
    expect(compareRolePositions(older, older)).toBe(0);
    expect(canManageRole(tied, member('22', older), newer)).toBe(true);
    expect(canManageRole(tied, member('23', newer), older)).toBe(false);
  });

  it('needs MANAGE_ROLES however high the actor stands', () => {
    const high = role('3003', 9, 0n);
    const tall: PermissionGuild = { ...guild, roles: [...guild.roles, high] };
    expect(canManageRole(tall, member('24', high), ROLES.learner)).toBe(false);
  });

  it('exempts the owner from the hierarchy, but nobody may grant @everyone', () => {
    expect(canManageRole(guild, member(OWNER_ID), ROLES.moderator)).toBe(true);
    expect(canManageRole(guild, member(OWNER_ID), ROLES.everyone)).toBe(false);
  });

  it('puts a member with no roles at @everyone', () => {
    expect(highestRole(guild, member('25'))).toBe(ROLES.everyone);
    expect(highestRole(guild, moderator)).toBe(ROLES.moderator);
  });
});

describe('requiredPermissionsFor', () => {
  it('asks for SEND_MESSAGES in channels and SEND_MESSAGES_IN_THREADS in threads', () => {
    expect(requiredPermissionsFor('sendMessage').permissions).toBe(P.ViewChannel | P.SendMessages);
    expect(requiredPermissionsFor('sendMessage', { inThread: true }).permissions).toBe(
      P.ViewChannel | P.SendMessagesInThreads,
    );
    // Rows without a thread variant are the same in threads.
    expect(requiredPermissionsFor('attachFiles', { inThread: true }).permissions).toBe(P.AttachFiles);
  });

  it('strips embeds rather than rejecting without EMBED_LINKS', () => {
    expect(requiredPermissionsFor('embedLinks')).toMatchObject({ permissions: P.EmbedLinks, onMissing: 'strip-embeds' });
  });

  it('answers an empty list for message history without READ_MESSAGE_HISTORY, but rejects a single fetch', () => {
    expect(requiredPermissionsFor('listMessages').onMissing).toBe('empty-list');
    expect(requiredPermissionsFor('fetchMessage').onMissing).toBe('reject');
  });

  it('covers threads, attachments and member roles', () => {
    expect(requiredPermissionsFor('createPublicThread').permissions).toBe(P.ViewChannel | P.CreatePublicThreads);
    expect(requiredPermissionsFor('createPrivateThread').permissions).toBe(P.ViewChannel | P.CreatePrivateThreads);
    expect(requiredPermissionsFor('editThread')).toMatchObject({ permissions: P.ManageThreads, threadOwnerExempt: true });
    expect(requiredPermissionsFor('moderateThread')).toMatchObject({ permissions: P.ManageThreads, threadOwnerExempt: false });
    expect(requiredPermissionsFor('attachFiles')).toMatchObject({ permissions: P.AttachFiles, onMissing: 'reject' });
    expect(requiredPermissionsFor('manageMemberRoles')).toMatchObject({
      permissions: P.ManageRoles,
      level: 'guild',
      roleHierarchy: true,
    });
  });

  it('names a source for every rule', () => {
    for (const rule of Object.values(PERMISSION_RULES)) expect(rule.source).toMatch(/^https:\/\//);
  });
});

describe('checkPermissions', () => {
  it('passes when every bit is there', () => {
    expect(checkPermissions(P.ViewChannel | P.SendMessages, requiredPermissionsFor('sendMessage'))).toEqual({ ok: true });
  });

  it('says Missing Access when the channel is not visible', () => {
    expect(checkPermissions(P.SendMessages, requiredPermissionsFor('sendMessage'))).toEqual({
      ok: false,
      missing: P.ViewChannel,
      onMissing: 'reject',
      code: RESTJSONErrorCodes.MissingAccess,
    });
  });

  it('says Missing Permissions when it is visible', () => {
    const bits = computeChannelPermissions(
      guild,
      member('10'),
      channel(overwrite(GUILD_ID, OverwriteType.Role, 0n, P.SendMessages)),
    );
    expect(checkPermissions(bits, requiredPermissionsFor('sendMessage'))).toMatchObject({
      ok: false,
      missing: P.SendMessages,
      code: RESTJSONErrorCodes.MissingPermissions,
    });
    // The same member may still talk in a thread, which needs a different bit.
    expect(checkPermissions(bits | P.SendMessagesInThreads, requiredPermissionsFor('sendMessage', { inThread: true }))).toEqual({
      ok: true,
    });
  });

  it('reports exactly the missing bits', () => {
    expect(missingPermissions(P.ViewChannel, P.ViewChannel | P.AttachFiles | P.EmbedLinks)).toBe(P.AttachFiles | P.EmbedLinks);
  });
});
