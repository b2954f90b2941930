import { AllowedMentionsTypes, type APIAllowedMentions } from 'discord-api-types/v10';
import { z } from 'zod';
import { FieldErrors } from './errors.js';
import { list, opt, report, snowflake } from './primitives.js';

/**
 * Which mentions in a message may ping.
 *
 * Limits: Discord developer docs, Messages resource, "Allowed Mentions Object" (users and roles
 * "Max size of 100"; `parse: ["users"]` with a non-empty `users` list, and likewise for roles, is
 * the documented invalid configuration, while an empty list beside it is fine). The error and its
 * place (`allowed_mentions._errors`) are quoted from real answers in library test fixtures.
 */

export const MAX_ALLOWED_MENTION_IDS = 100;

const ids = opt(list(snowflake(), { max: MAX_ALLOWED_MENTION_IDS }));

export const allowedMentionsSchema = z
  .object({
    parse: opt(z.array(z.enum(AllowedMentionsTypes))),
    users: ids,
    roles: ids,
    replied_user: opt(z.boolean()),
  })
  .check((ctx) => {
    const { parse = [], users = [], roles = [] } = ctx.value;
    if (parse.includes(AllowedMentionsTypes.User) && users.length > 0) {
      report(ctx, FieldErrors.allowedMentionsParseExclusive(AllowedMentionsTypes.User));
    }
    if (parse.includes(AllowedMentionsTypes.Role) && roles.length > 0) {
      report(ctx, FieldErrors.allowedMentionsParseExclusive(AllowedMentionsTypes.Role));
    }
  }) satisfies z.ZodType<APIAllowedMentions>;
