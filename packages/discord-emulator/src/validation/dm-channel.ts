import type { RESTPostAPICurrentUserCreateDMChannelJSONBody } from 'discord-api-types/v10';
import { z } from 'zod';
import type { ValidationResult } from './errors.js';
import { parseBody } from './parse.js';
import { snowflake } from './primitives.js';

/** `POST /users/@me/channels` (Discord developer docs, Users resource, "Create DM": `recipient_id`, a snowflake). */
export const dmChannelCreateSchema = z.object({
  recipient_id: snowflake(),
}) satisfies z.ZodType<RESTPostAPICurrentUserCreateDMChannelJSONBody>;

export function validateDmChannelCreate(body: unknown): ValidationResult<RESTPostAPICurrentUserCreateDMChannelJSONBody> {
  return parseBody(dmChannelCreateSchema, body);
}
