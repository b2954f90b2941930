import type { RESTAPIAttachment } from 'discord-api-types/v10';
import { z } from 'zod';
import type { LocatedFieldError } from './error-tree.js';
import { FieldErrors } from './errors.js';
import { list, num, opt, snowflake, text } from './primitives.js';

/**
 * The `attachments` metadata beside uploaded files.
 *
 * Limits: Discord developer docs, Messages resource, "Attachment Object" ("only the `id` is
 * required" in create/edit requests; description max 1024) and Reference, "Uploading Files" (each
 * `attachments[].id` names the `files[n]` part it describes). The cap of 10 files a message is
 * Discord's long-standing upload limit; ATTACHMENT_NOT_FOUND for metadata with no file is the code
 * of an open-source Discord mock's error catalogue (UNVERIFIED against Discord itself).
 */

export const ATTACHMENT_LIMITS = {
  attachments: 10,
  description: 1024,
} as const;

export const attachmentSchema = z.object({
  id: snowflake(),
  filename: opt(text({ min: 1 })),
  title: opt(z.string()),
  description: opt(text({ max: ATTACHMENT_LIMITS.description })),
  duration_secs: opt(num({ min: 0 })),
  waveform: opt(z.string()),
  is_spoiler: opt(z.boolean()),
}) satisfies z.ZodType<RESTAPIAttachment>;

export const attachmentListSchema = list(attachmentSchema, { max: ATTACHMENT_LIMITS.attachments });

/** The `n` of every `files[n]` part that came with the request, as the REST layer found them. */
export interface UploadedFiles {
  readonly files?: readonly number[];
}

/** On a new message every attachment describes a file of this request; a dangling one is refused. */
export function danglingAttachments(attachments: readonly RESTAPIAttachment[] | undefined, upload: UploadedFiles): LocatedFieldError[] {
  const uploaded = new Set((upload.files ?? []).map(String));
  return (attachments ?? []).flatMap((attachment, index) =>
    uploaded.has(String(attachment.id)) ? [] : [{ path: ['attachments', index, 'id'], error: FieldErrors.attachmentNotFound }],
  );
}
