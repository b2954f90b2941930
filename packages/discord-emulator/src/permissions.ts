import {
  ChannelType,
  OverwriteType,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type APIGuild,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type APIUser,
} from 'discord-api-types/v10';

/**
 * Discord's permission arithmetic as the "Permissions" topic documents it
 * (https://discord.com/developers/docs/topics/permissions): compute_base_permissions,
 * compute_overwrites, the role hierarchy, and which bits each emulated action needs.
 *
 * The input shapes are the smallest slices of the API payloads the rules read, so the emulator can
 * pass its stored APIGuild / APIGuildMember / channel objects as they are.
 */

export type PermissionRole = Pick<APIRole, 'id' | 'permissions' | 'position'>;

export interface PermissionGuild extends Pick<APIGuild, 'id' | 'owner_id'> {
  readonly roles: readonly PermissionRole[];
}

export interface PermissionMember extends Partial<Pick<APIGuildMember, 'communication_disabled_until'>> {
  readonly user: Pick<APIUser, 'id'>;
  readonly roles: readonly string[];
}

export type PermissionOverwrite = Pick<APIOverwrite, 'id' | 'type' | 'allow' | 'deny'>;

export interface PermissionChannel {
  readonly type?: ChannelType;
  readonly permission_overwrites?: readonly PermissionOverwrite[];
}

export interface PermissionOptions {
  /** Milliseconds since the epoch; when given, a member's timeout is applied. */
  readonly now?: number;
}

export interface ChannelPermissionOptions extends PermissionOptions {
  /** Required for threads, which have no overwrites of their own and use their parent's. */
  readonly parent?: PermissionChannel;
}

export const ALL_PERMISSIONS: bigint = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** "Timed out members will temporarily lose all permissions except VIEW_CHANNEL and READ_MESSAGE_HISTORY." */
const TIMED_OUT_KEEPS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory;

const THREAD_TYPES: ReadonlySet<ChannelType> = new Set([
  ChannelType.AnnouncementThread,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
]);

export function isThread(channel: PermissionChannel): boolean {
  return channel.type !== undefined && THREAD_TYPES.has(channel.type);
}

/** True when every bit of `flag` (one flag or several OR-ed) is set. */
export function hasPermission(bits: bigint, flag: bigint): boolean {
  return (bits & flag) === flag;
}

export function missingPermissions(bits: bigint, required: bigint): bigint {
  return required & ~bits;
}

function everyoneRole(guild: PermissionGuild): PermissionRole | undefined {
  // "The @everyone role has the same ID as the guild it belongs to."
  return guild.roles.find((role) => role.id === guild.id);
}

function memberRoles(guild: PermissionGuild, member: PermissionMember): PermissionRole[] {
  const held = new Set(member.roles);
  return guild.roles.filter((role) => role.id !== guild.id && held.has(role.id));
}

function isTimedOut(member: PermissionMember, now: number | undefined): boolean {
  if (now === undefined || !member.communication_disabled_until) return false;
  return Date.parse(member.communication_disabled_until) > now;
}

/** Owner and ADMINISTRATOR short-circuit everything, overwrites and timeouts included. */
function isPrivileged(guild: PermissionGuild, member: PermissionMember, rolePermissions: bigint): boolean {
  return guild.owner_id === member.user.id || hasPermission(rolePermissions, PermissionFlagsBits.Administrator);
}

function guildRolePermissions(guild: PermissionGuild, member: PermissionMember): bigint {
  let permissions = BigInt(everyoneRole(guild)?.permissions ?? '0');
  for (const role of memberRoles(guild, member)) permissions |= BigInt(role.permissions);
  return permissions;
}

export function computeBasePermissions(
  guild: PermissionGuild,
  member: PermissionMember,
  options: PermissionOptions = {},
): bigint {
  const permissions = guildRolePermissions(guild, member);
  if (isPrivileged(guild, member, permissions)) return ALL_PERMISSIONS;
  return isTimedOut(member, options.now) ? permissions & TIMED_OUT_KEEPS : permissions;
}

/**
 * compute_overwrites: @everyone overwrite, then all of the member's role overwrites together
 * (denies before allows, so any role allow beats any role deny whatever the role positions), then
 * the member's own overwrite. The result is the raw bitfield, like discord.js's `permissionsFor`;
 * the implicit denials (no VIEW_CHANNEL → nothing, no SEND_MESSAGES → no embeds/files/TTS/mentions)
 * live in {@link PERMISSION_RULES}, which always asks for the base permission first.
 */
export function computeChannelPermissions(
  guild: PermissionGuild,
  member: PermissionMember,
  channel: PermissionChannel,
  options: ChannelPermissionOptions = {},
): bigint {
  const rolePermissions = guildRolePermissions(guild, member);
  if (isPrivileged(guild, member, rolePermissions)) return ALL_PERMISSIONS;

  const source = isThread(channel) ? options.parent : channel;
  if (!source) throw new Error('computeChannelPermissions: a thread needs its parent channel');
  if (isThread(source)) throw new Error('computeChannelPermissions: a thread cannot be a parent');
  const overwrites = source.permission_overwrites ?? [];

  let permissions = rolePermissions;
  const everyone = overwrites.find((overwrite) => overwrite.type === OverwriteType.Role && overwrite.id === guild.id);
  if (everyone) permissions = (permissions & ~BigInt(everyone.deny)) | BigInt(everyone.allow);

  const held = new Set(member.roles);
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type !== OverwriteType.Role || overwrite.id === guild.id || !held.has(overwrite.id)) continue;
    allow |= BigInt(overwrite.allow);
    deny |= BigInt(overwrite.deny);
  }
  permissions = (permissions & ~deny) | allow;

  const own = overwrites.find((overwrite) => overwrite.type === OverwriteType.Member && overwrite.id === member.user.id);
  if (own) permissions = (permissions & ~BigInt(own.deny)) | BigInt(own.allow);

  return isTimedOut(member, options.now) ? permissions & TIMED_OUT_KEEPS : permissions;
}

/**
 * Role order: higher position ranks higher; on equal positions ("roles with the same position are
 * sorted by id") the older role, the smaller id, ranks higher. That is discord.js's
 * RoleManager#comparePositions, so the emulator and the client's `editable`/`manageable` agree.
 */
export function compareRolePositions(a: PermissionRole, b: PermissionRole): number {
  if (a.position !== b.position) return a.position - b.position;
  const byId = BigInt(b.id) - BigInt(a.id);
  return byId === 0n ? 0 : byId > 0n ? 1 : -1;
}

/** A member with no roles stands at @everyone (position 0). */
export function highestRole(guild: PermissionGuild, member: PermissionMember): PermissionRole {
  const floor = everyoneRole(guild) ?? { id: guild.id, permissions: '0', position: 0 };
  return memberRoles(guild, member).reduce(
    (highest, role) => (compareRolePositions(role, highest) > 0 ? role : highest),
    floor,
  );
}

/**
 * "A bot can grant roles to other users that are of a lower position than its own highest role."
 * Needs MANAGE_ROLES (ADMINISTRATOR implies it) and a highest role strictly above the target;
 * only the owner is exempt from the hierarchy. @everyone is never grantable.
 */
export function canManageRole(
  guild: PermissionGuild,
  actor: PermissionMember,
  role: PermissionRole,
  options: PermissionOptions = {},
): boolean {
  if (role.id === guild.id) return false;
  if (guild.owner_id === actor.user.id) return true;
  if (!hasPermission(computeBasePermissions(guild, actor, options), PermissionFlagsBits.ManageRoles)) return false;
  return compareRolePositions(highestRole(guild, actor), role) > 0;
}

/** What Discord does when the permission is missing. */
export type OnMissing =
  /** 403: 50001 Missing Access if VIEW_CHANNEL is among the missing bits, else 50013 Missing Permissions. */
  | 'reject'
  /** Drop the message's embeds and carry on; 400 50006 if nothing would be left to send. */
  | 'strip-embeds'
  /** Answer 200 with an empty list. */
  | 'empty-list';

export interface PermissionRule {
  /** Bits needed in an ordinary channel (channel-level) or the guild (guild-level). */
  readonly permissions: bigint;
  /** Bits needed instead when the channel is a thread; absent means the same. */
  readonly inThread?: bigint;
  readonly level: 'channel' | 'guild';
  readonly onMissing: OnMissing;
  /** The thread's creator may do this to their own thread without the bits. */
  readonly threadOwnerExempt?: boolean;
  /** The target role must also be below the actor's highest role ({@link canManageRole}). */
  readonly roleHierarchy?: boolean;
  /** Where Discord says so. */
  readonly source: string;
}

const { ViewChannel, SendMessages, SendMessagesInThreads, SendTTSMessages, EmbedLinks, AttachFiles } =
  PermissionFlagsBits;
const { ReadMessageHistory, CreatePublicThreads, CreatePrivateThreads, ManageThreads, ManageRoles } =
  PermissionFlagsBits;

const MESSAGE_DOCS = 'https://discord.com/developers/docs/resources/message';
const THREAD_DOCS = 'https://discord.com/developers/docs/topics/threads';

/**
 * One row per check the emulator makes. Message-creating rows are separate so a request is
 * checked row by row: `sendMessage` first (its VIEW_CHANNEL/SEND bits carry the implicit denials),
 * then `embedLinks`, `attachFiles`, `sendTts`, `replyToMessage` as the body asks.
 */
export const PERMISSION_RULES = {
  viewChannel: {
    permissions: ViewChannel,
    level: 'channel',
    onMissing: 'reject',
    source: 'https://discord.com/developers/docs/topics/permissions#implicit-permissions',
  },
  sendMessage: {
    permissions: ViewChannel | SendMessages,
    // "The SEND_MESSAGES permission has no effect in threads; users must have SEND_MESSAGES_IN_THREADS."
    inThread: ViewChannel | SendMessagesInThreads,
    level: 'channel',
    onMissing: 'reject',
    source: `${MESSAGE_DOCS}#create-message-limitations; ${THREAD_DOCS}#permissions`,
  },
  sendTts: {
    permissions: SendTTSMessages,
    level: 'channel',
    onMissing: 'reject',
    source: `${MESSAGE_DOCS}#create-message-limitations`,
  },
  embedLinks: {
    permissions: EmbedLinks,
    level: 'channel',
    // Discord accepts the message and silently drops the embeds; an embed-only message then counts
    // as empty (discord-api-docs#5648, #2601; Dishorde#49 and others see the embeds just vanish).
    onMissing: 'strip-embeds',
    source: 'https://github.com/discord/discord-api-docs/issues/5648',
  },
  attachFiles: {
    permissions: AttachFiles,
    level: 'channel',
    onMissing: 'reject',
    source: 'https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags',
  },
  replyToMessage: {
    permissions: ReadMessageHistory,
    level: 'channel',
    onMissing: 'reject',
    source: `${MESSAGE_DOCS}#create-message-limitations`,
  },
  listMessages: {
    // VIEW_CHANNEL is checked as `viewChannel` first; this row is only the history part.
    permissions: ReadMessageHistory,
    level: 'channel',
    onMissing: 'empty-list',
    source: `${MESSAGE_DOCS}#get-channel-messages`,
  },
  fetchMessage: {
    permissions: ViewChannel | ReadMessageHistory,
    level: 'channel',
    onMissing: 'reject',
    source: `${MESSAGE_DOCS}#get-channel-message`,
  },
  createPublicThread: {
    permissions: ViewChannel | CreatePublicThreads,
    level: 'channel',
    onMissing: 'reject',
    source: `${THREAD_DOCS}#permissions`,
  },
  createPrivateThread: {
    permissions: ViewChannel | CreatePrivateThreads,
    level: 'channel',
    onMissing: 'reject',
    source: `${THREAD_DOCS}#permissions`,
  },
  addThreadMember: {
    // "Requires the ability to send messages in the thread."
    permissions: ViewChannel | SendMessagesInThreads,
    level: 'channel',
    onMissing: 'reject',
    source: 'https://discord.com/developers/docs/resources/channel#add-thread-member',
  },
  /** Rename, archive, or change auto_archive_duration of a thread. */
  editThread: {
    permissions: ManageThreads,
    level: 'channel',
    onMissing: 'reject',
    threadOwnerExempt: true,
    source: `${THREAD_DOCS} (Editing & Deleting Threads)`,
  },
  /** Lock a thread, change its slowmode, unarchive a locked one, or delete it. */
  moderateThread: {
    permissions: ManageThreads,
    level: 'channel',
    onMissing: 'reject',
    source: `${THREAD_DOCS} (Editing & Deleting Threads)`,
  },
  /** PUT/DELETE /guilds/{guild.id}/members/{user.id}/roles/{role.id}, and roles in Modify Guild Member. */
  manageMemberRoles: {
    permissions: ManageRoles,
    level: 'guild',
    onMissing: 'reject',
    roleHierarchy: true,
    source: 'https://discord.com/developers/docs/topics/permissions#permission-hierarchy',
  },
} as const satisfies Record<string, PermissionRule>;

export type PermissionAction = keyof typeof PERMISSION_RULES;

export interface ResolvedRequirement {
  readonly permissions: bigint;
  readonly level: 'channel' | 'guild';
  readonly onMissing: OnMissing;
  readonly threadOwnerExempt: boolean;
  readonly roleHierarchy: boolean;
}

export function requiredPermissionsFor(
  action: PermissionAction,
  context: { readonly inThread?: boolean } = {},
): ResolvedRequirement {
  const rule: PermissionRule = PERMISSION_RULES[action];
  return {
    permissions: context.inThread && rule.inThread !== undefined ? rule.inThread : rule.permissions,
    level: rule.level,
    onMissing: rule.onMissing,
    threadOwnerExempt: rule.threadOwnerExempt ?? false,
    roleHierarchy: rule.roleHierarchy ?? false,
  };
}

export type PermissionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly missing: bigint;
      readonly onMissing: OnMissing;
      /** The JSON error code a 'reject' answers with. */
      readonly code: RESTJSONErrorCodes.MissingAccess | RESTJSONErrorCodes.MissingPermissions;
    };

/** Checks computed bits against one requirement; hierarchy and thread ownership are the caller's. */
export function checkPermissions(bits: bigint, requirement: ResolvedRequirement): PermissionCheck {
  const missing = missingPermissions(bits, requirement.permissions);
  if (missing === 0n) return { ok: true };
  return {
    ok: false,
    missing,
    onMissing: requirement.onMissing,
    // A channel the member can't see doesn't exist for them: Discord says Missing Access.
    code: hasPermission(missing, ViewChannel) ? RESTJSONErrorCodes.MissingAccess : RESTJSONErrorCodes.MissingPermissions,
  };
}
