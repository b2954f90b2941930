import {
  MessageFlags,
  MessageReferenceType,
  type APIInteractionResponseCallbackData,
  type RESTAPIAttachment,
  type RESTAPIMessageReference,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIInteractionFollowupJSONBody,
} from 'discord-api-types/v10';
import { z } from 'zod';
import type { DiscordApiError } from '../api-error.js';
import { allowedMentionsSchema } from './allowed-mentions.js';
import { attachmentListSchema, danglingAttachments, type UploadedFiles } from './attachments.js';
import { embedListSchema } from './embeds.js';
import { errorTree } from './error-tree.js';
import { fail, FieldErrors, RequestErrors, type ValidationResult } from './errors.js';
import { editableFlags, settableFlags } from './flags.js';
import { messageComponentsSchema } from './message-components.js';
import { parseBody } from './parse.js';
import { pollSchema } from './poll.js';
import { codePointLength, list, opt, report, snowflake, text } from './primitives.js';

/**
 * Message bodies, for every endpoint that creates or edits a message: channel messages, interaction
 * responses (callback types 4 and 7), follow-ups and edits of interaction messages.
 *
 * Limits: Discord developer docs, Messages resource, "Create Message" (content up to 2000
 * characters; nonce an integer or a string of up to 25 characters; up to 3 sticker IDs; "at least
 * one of content, embeds, sticker_ids, components, files[n], or poll", else 50006 "Cannot send an
 * empty message") and "Edit Message" (every field optional and nullable), "Message Reference
 * Structure" (forwards need `channel_id`); Receiving and Responding, "Interaction Callback Data
 * Structure" for interaction messages. Nonce errors are the codes quoted by library fixtures.
 */

export const MESSAGE_LIMITS = {
  content: 2000,
  nonce: 25,
  stickers: 3,
} as const;

const nonceSchema = z.unknown().transform((value, ctx): string | number => {
  if (typeof value === 'string') {
    if (codePointLength(value) > MESSAGE_LIMITS.nonce) report(ctx, FieldErrors.nonceTooLong(MESSAGE_LIMITS.nonce));
    return value;
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) report(ctx, FieldErrors.nonceOutOfBounds);
    return value;
  }
  report(ctx, FieldErrors.nonceInvalidType);
  return z.NEVER;
});

const messageReferenceSchema = z
  .object({
    type: opt(z.enum(MessageReferenceType)),
    message_id: snowflake(),
    channel_id: opt(snowflake()),
    guild_id: opt(snowflake()),
    fail_if_not_exists: opt(z.boolean()),
  })
  .check((ctx) => {
    if (ctx.value.type === MessageReferenceType.Forward && ctx.value.channel_id === undefined) {
      report(ctx, FieldErrors.required, ['channel_id']);
    }
  }) satisfies z.ZodType<RESTAPIMessageReference>;

type StickerIds = NonNullable<RESTPostAPIChannelMessageJSONBody['sticker_ids']>;

/** discord-api-types spells "one to three IDs" as tuples; an empty list sends no stickers. */
function asStickerTuple(ids: readonly string[]): StickerIds | undefined {
  const [first, second, third] = ids;
  if (first === undefined) return undefined;
  if (second === undefined) return [first];
  return third === undefined ? [first, second] : [first, second, third];
}

const stickerIdsSchema = list(snowflake(), { max: MESSAGE_LIMITS.stickers }).transform(asStickerTuple);

/** The parts of a message a bot composes, before each endpoint decides if they are optional or clearable. */
const composed = {
  content: text({ max: MESSAGE_LIMITS.content }),
  embeds: embedListSchema,
  allowed_mentions: allowedMentionsSchema,
  components: messageComponentsSchema,
};

/** A new message, whoever posts it. */
const newMessageShape = {
  content: opt(composed.content),
  embeds: opt(composed.embeds),
  allowed_mentions: opt(composed.allowed_mentions),
  components: opt(composed.components),
  tts: opt(z.boolean()),
  attachments: opt(attachmentListSchema),
  poll: opt(pollSchema),
};

/** An edit: every field optional, and null clears what can be cleared. */
const editShape = {
  content: composed.content.nullish(),
  embeds: composed.embeds.nullish(),
  allowed_mentions: composed.allowed_mentions.nullish(),
  components: composed.components.nullish(),
  attachments: opt(attachmentListSchema),
  flags: editableFlags([MessageFlags.SuppressEmbeds]).nullish(),
};

export const CHANNEL_MESSAGE_FLAGS = [MessageFlags.SuppressEmbeds, MessageFlags.SuppressNotifications] as const;
export const INTERACTION_MESSAGE_FLAGS = [MessageFlags.SuppressEmbeds, MessageFlags.Ephemeral, MessageFlags.SuppressNotifications] as const;

export const channelMessageCreateSchema = z.object({
  ...newMessageShape,
  nonce: opt(nonceSchema),
  enforce_nonce: opt(z.boolean()),
  message_reference: opt(messageReferenceSchema),
  sticker_ids: opt(stickerIdsSchema),
  flags: opt(settableFlags(CHANNEL_MESSAGE_FLAGS)),
}) satisfies z.ZodType<RESTPostAPIChannelMessageJSONBody>;

/** The message of an interaction: callback types 4 and 7, and follow-ups. */
export const interactionMessageSchema = z.object({
  ...newMessageShape,
  flags: opt(settableFlags(INTERACTION_MESSAGE_FLAGS)),
}) satisfies z.ZodType<APIInteractionResponseCallbackData>;

export const channelMessageEditSchema = z.object(editShape) satisfies z.ZodType<RESTPatchAPIChannelMessageJSONBody>;

/** Edits of an interaction's original response or follow-ups; a poll may still be added to a deferred response. */
export const webhookMessageEditSchema = z.object({
  ...editShape,
  poll: opt(pollSchema),
}) satisfies z.ZodType<RESTPatchAPIWebhookWithTokenMessageJSONBody>;

/** What decides whether a message has anything to show. */
export interface MessageParts {
  readonly content?: string | null | undefined;
  readonly embeds?: readonly unknown[] | null | undefined;
  readonly components?: readonly unknown[] | null | undefined;
  readonly sticker_ids?: readonly unknown[] | null | undefined;
  readonly poll?: unknown;
  readonly attachments?: readonly RESTAPIAttachment[] | undefined;
}

/**
 * True when a message would show nothing: Discord's 50006. Also for the REST layer to apply to a
 * message as it would stand after an edit.
 */
export function isEmptyMessage(message: MessageParts, fileCount = 0): boolean {
  return (
    (message.content ?? '').trim() === '' &&
    (message.embeds ?? []).length === 0 &&
    (message.components ?? []).length === 0 &&
    (message.sticker_ids ?? []).length === 0 &&
    (message.poll ?? undefined) === undefined &&
    fileCount === 0
  );
}

/**
 * What a new message must satisfy beyond its shape: a file behind every attachment, then something
 * to show. `at` is where the message sits in the body (`['data']` in an interaction callback).
 */
export function newMessageError(message: MessageParts, upload: UploadedFiles, at: readonly PropertyKey[] = []): DiscordApiError | undefined {
  const dangling = danglingAttachments(message.attachments, upload);
  if (dangling.length > 0) return RequestErrors.invalidFormBody(errorTree(dangling.map(({ path, error }) => ({ path: [...at, ...path], error }))));
  return isEmptyMessage(message, upload.files?.length ?? 0) ? RequestErrors.emptyMessage() : undefined;
}

function validateNewMessage<T extends MessageParts>(schema: z.ZodType<T>, body: unknown, upload: UploadedFiles): ValidationResult<T> {
  const parsed = parseBody(schema, body);
  if (!parsed.ok) return parsed;
  const error = newMessageError(parsed.value, upload);
  return error === undefined ? parsed : fail(error);
}

/** `POST /channels/{id}/messages`; `upload` lists the `files[n]` parts of a multipart request. */
export function validateChannelMessageCreate(body: unknown, upload: UploadedFiles = {}): ValidationResult<RESTPostAPIChannelMessageJSONBody> {
  return validateNewMessage(channelMessageCreateSchema, body, upload);
}

/** `POST /webhooks/{application}/{token}`: an interaction follow-up. */
export function validateInteractionFollowup(body: unknown, upload: UploadedFiles = {}): ValidationResult<RESTPostAPIInteractionFollowupJSONBody> {
  return validateNewMessage(interactionMessageSchema, body, upload);
}

/**
 * `PATCH /channels/{id}/messages/{id}`. Only the shape is checked: whether the edited message is
 * empty, and whether kept attachments exist, depend on the stored message (see `isEmptyMessage`).
 */
export function validateChannelMessageEdit(body: unknown): ValidationResult<RESTPatchAPIChannelMessageJSONBody> {
  return parseBody(channelMessageEditSchema, body);
}

/** `PATCH /webhooks/{application}/{token}/messages/{@original|id}`; same caveat as channel edits. */
export function validateWebhookMessageEdit(body: unknown): ValidationResult<RESTPatchAPIWebhookWithTokenMessageJSONBody> {
  return parseBody(webhookMessageEditSchema, body);
}
