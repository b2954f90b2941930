import {
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIAttachment,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { ApiErrors } from './api-error.js';
import { isEmptyMessage } from './validation/index.js';
import type { Pings, World } from './world.js';

import type { UploadedFile } from './uploads.js';

export type { UploadedFile };

/**
 * The message fields every sending route accepts (channel messages, interaction responses,
 * webhooks), as validated; edits may send `null` to mean "leave as it is".
 */
export interface MessageBody {
  readonly content?: string | null | undefined;
  readonly embeds?: RESTPostAPIChannelMessageJSONBody['embeds'] | null;
  readonly components?: RESTPostAPIChannelMessageJSONBody['components'] | null;
  readonly allowed_mentions?: RESTPostAPIChannelMessageJSONBody['allowed_mentions'] | null;
  readonly flags?: number | null | undefined;
  readonly attachments?: RESTPostAPIChannelMessageJSONBody['attachments'] | null;
  readonly tts?: boolean | undefined;
  readonly nonce?: string | number | undefined;
  readonly enforce_nonce?: boolean | undefined;
}

const USER_MENTION = /<@!?(\d{17,20})>/g;
const ROLE_MENTION = /<@&(\d{17,20})>/g;
const EVERYONE_MENTION = /@(everyone|here)\b/;

/**
 * Who a message notifies. Without `allowed_mentions` everything in the text pings (the author's
 * MENTION_EVERYONE permission permitting); with it, only what `parse` or the explicit lists allow.
 */
export function computePings(
  world: World,
  options: { content: string; allowed: RESTPostAPIChannelMessageJSONBody['allowed_mentions']; guildId: string | null; authorId: string; channelId: string },
): Pings {
  const { content, allowed, guildId } = options;
  const mentionedUsers = [...new Set([...content.matchAll(USER_MENTION)].map((m) => m[1] ?? ''))].filter((id) => world.users.has(id));
  const mentionedRoles = guildId === null ? [] : [...new Set([...content.matchAll(ROLE_MENTION)].map((m) => m[1] ?? ''))].filter((id) => world.guild(guildId).roles.has(id));
  const mayPingEveryone = guildId !== null && (world.permissionsIn(options.channelId, options.authorId) & PermissionFlagsBits.MentionEveryone) !== 0n;
  const everyoneInText = EVERYONE_MENTION.test(content);
  if (allowed === undefined) {
    return { users: mentionedUsers, roles: mentionedRoles, everyone: everyoneInText && mayPingEveryone };
  }
  const parse = new Set(allowed.parse ?? []);
  const users = parse.has('users' as never) ? mentionedUsers : mentionedUsers.filter((id) => allowed.users?.includes(id));
  const roles = parse.has('roles' as never) ? mentionedRoles : mentionedRoles.filter((id) => allowed.roles?.includes(id));
  return { users, roles, everyone: everyoneInText && parse.has('everyone' as never) && mayPingEveryone };
}

export function attachmentsFor(world: World, files: readonly UploadedFile[], metadata: MessageBody['attachments'], baseUrl: string): APIAttachment[] {
  return files.map((file, index) => {
    const id = world.snowflakes.next();
    const url = `${baseUrl}/attachments/${id}/${encodeURIComponent(file.filename)}`;
    world.files.set(id, file);
    const description = metadata?.find((m) => String(m.id) === String(index))?.description;
    return {
      id,
      filename: file.filename,
      size: file.data.length,
      url,
      proxy_url: url,
      content_type: file.contentType,
      ...(description ? { description } : {}),
    };
  });
}

export interface NewMessage {
  readonly channelId: string;
  readonly authorId: string;
  readonly body: MessageBody;
  readonly attachments?: readonly APIAttachment[];
  readonly type?: MessageType;
  /** Interaction responses and follow-ups come through the application's webhook. */
  readonly webhookId?: string;
  readonly interactionMetadata?: APIMessageInteractionMetadata;
  readonly flags?: number;
}

/** Builds the API object Discord would store for a new message, with its pings applied. */
export function composeMessage(world: World, input: NewMessage): { message: APIMessage; pings: Pings } {
  const channel = world.channel(input.channelId);
  const content = input.body.content ?? '';
  const pings = computePings(world, { content, allowed: input.body.allowed_mentions ?? undefined, guildId: channel.guildId, authorId: input.authorId, channelId: channel.id });
  const message: APIMessage = {
    id: world.snowflakes.next(),
    channel_id: channel.id,
    author: world.apiUser(input.authorId),
    content,
    timestamp: world.isoNow(),
    edited_timestamp: null,
    tts: input.body.tts ?? false,
    mention_everyone: pings.everyone,
    mentions: pings.users.map((id) => world.apiUser(id)),
    mention_roles: [...pings.roles],
    attachments: [...(input.attachments ?? [])],
    embeds: input.body.embeds ?? [],
    pinned: false,
    type: input.type ?? MessageType.Default,
    flags: input.flags ?? input.body.flags ?? 0,
    components: (input.body.components ?? []) as APIMessage['components'],
    ...(input.body.nonce !== undefined ? { nonce: input.body.nonce } : {}),
    ...(input.webhookId ? { webhook_id: input.webhookId, application_id: input.webhookId } : {}),
    ...(input.interactionMetadata ? { interaction_metadata: input.interactionMetadata } : {}),
  };
  return { message, pings };
}

/** Applies an edit: only the fields present change, as with Discord's PATCH. */
export function editedMessage(world: World, original: APIMessage, body: MessageBody, attachments: readonly APIAttachment[] | undefined): { message: APIMessage; pings: Pings } {
  const channel = world.channel(original.channel_id);
  const content = body.content ?? original.content;
  // An edit never pings anyone anew, whatever it says.
  const pings = computePings(world, { content, allowed: { parse: [] }, guildId: channel.guildId, authorId: original.author.id, channelId: channel.id });
  const message: APIMessage = {
    ...original,
    content,
    ...(body.embeds ? { embeds: body.embeds } : {}),
    ...(body.components ? { components: body.components as APIMessage['components'] } : {}),
    ...(body.attachments || attachments !== undefined
      ? { attachments: [...original.attachments.filter((a) => body.attachments?.some((kept) => String(kept.id) === a.id)), ...(attachments ?? [])] }
      : {}),
    // A deferred reply stops "thinking" once it is edited.
    flags: ((original.flags ?? 0) & ~MessageFlags.Loading) | (body.flags ?? 0),
    edited_timestamp: world.isoNow(),
    mentions: pings.users.map((id) => world.apiUser(id)),
    mention_roles: [...pings.roles],
    mention_everyone: pings.everyone,
  };
  return { message, pings };
}

/** Discord refuses a message with nothing in it (50006), also after an edit emptied it. */
export function assertNotEmpty(message: Pick<APIMessage, 'content' | 'embeds' | 'components' | 'attachments'>): void {
  if (isEmptyMessage(message, message.attachments.length)) throw ApiErrors.emptyMessage();
}
