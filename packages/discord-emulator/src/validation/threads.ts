import {
  ChannelType,
  ThreadAutoArchiveDuration,
  type RESTPatchAPIChannelJSONBody,
  type RESTPostAPIChannelMessagesThreadsJSONBody,
  type RESTPostAPIChannelThreadsJSONBody,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { parseBody } from './parse.js';
import { int, list, opt, snowflake, text } from './primitives.js';
import type { ValidationResult } from './errors.js';

/**
 * Threads: starting one from a message or on its own, and modifying one.
 *
 * Limits: Discord developer docs, Channels resource, "Start Thread from Message" and "Start Thread
 * without Message" (name 1-100; auto_archive_duration 60, 1440, 4320 or 10080; rate_limit_per_user
 * 0-21600; `type` one of the thread channel types, `invitable` for private threads) and "Modify
 * Channel" > "JSON Params (Thread)" (the same, plus archived, locked, flags and up to 5
 * applied_tags). Whether a change is allowed (permissions, a locked or archived thread) is the REST
 * layer's to decide: only the shape is checked here.
 */

export const THREAD_LIMITS = {
  name: 100,
  rateLimitPerUser: 21600,
  appliedTags: 5,
} as const;

const threadName = text({ min: 1, max: THREAD_LIMITS.name });
const autoArchiveDuration = z.enum(ThreadAutoArchiveDuration);
const rateLimitPerUser = int({ min: 0, max: THREAD_LIMITS.rateLimitPerUser });

const threadStartShape = {
  name: threadName,
  auto_archive_duration: opt(autoArchiveDuration),
  rate_limit_per_user: opt(rateLimitPerUser),
};

export const threadFromMessageSchema = z.object(threadStartShape) satisfies z.ZodType<RESTPostAPIChannelMessagesThreadsJSONBody>;

export const threadWithoutMessageSchema = z.object({
  ...threadStartShape,
  type: opt(z.literal([ChannelType.AnnouncementThread, ChannelType.PublicThread, ChannelType.PrivateThread])),
  invitable: opt(z.boolean()),
}) satisfies z.ZodType<RESTPostAPIChannelThreadsJSONBody>;

export type ThreadModifyJSONBody = Pick<
  RESTPatchAPIChannelJSONBody,
  'name' | 'archived' | 'auto_archive_duration' | 'locked' | 'invitable' | 'rate_limit_per_user' | 'flags' | 'applied_tags'
>;

export const threadModifySchema = z.object({
  name: opt(threadName),
  archived: opt(z.boolean()),
  auto_archive_duration: opt(autoArchiveDuration),
  locked: opt(z.boolean()),
  invitable: opt(z.boolean()),
  rate_limit_per_user: rateLimitPerUser.nullish(),
  flags: opt(int({ min: 0 })),
  applied_tags: opt(list(snowflake(), { max: THREAD_LIMITS.appliedTags })),
}) satisfies z.ZodType<ThreadModifyJSONBody>;

/** `POST /channels/{id}/messages/{id}/threads` */
export function validateThreadFromMessage(body: unknown): ValidationResult<RESTPostAPIChannelMessagesThreadsJSONBody> {
  return parseBody(threadFromMessageSchema, body);
}

/** `POST /channels/{id}/threads` in a text or announcement channel. */
export function validateThreadWithoutMessage(body: unknown): ValidationResult<RESTPostAPIChannelThreadsJSONBody> {
  return parseBody(threadWithoutMessageSchema, body);
}

/** `PATCH /channels/{id}` when the channel is a thread. */
export function validateThreadModify(body: unknown): ValidationResult<ThreadModifyJSONBody> {
  return parseBody(threadModifySchema, body);
}
