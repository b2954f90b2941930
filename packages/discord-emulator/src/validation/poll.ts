import { PollLayoutType, type RESTAPIPoll } from 'discord-api-types/v10';
import { z } from 'zod';
import { FieldErrors } from './errors.js';
import { int, list, opt, report, snowflake, text } from './primitives.js';

/**
 * A poll sent with a new message.
 *
 * Limits: Discord developer docs, Poll resource, "Poll Create Request Object" (up to 10 answers,
 * layout type 1) and "Poll Media Object" (question text max 300, answer text max 55, an answer
 * emoji given by `id` or `name` alone). The duration bound is discord-api-types' (up to 32 days,
 * in hours, default 24); older docs said 7 days.
 */

export const POLL_LIMITS = {
  questionText: 300,
  answerText: 55,
  answers: 10,
  durationHours: 32 * 24,
} as const;

function requiredText(max: number) {
  return text({ max }).check((ctx) => {
    if (ctx.value.trim() === '') report(ctx, FieldErrors.required);
  });
}

const answerEmoji = z
  .object({ id: opt(snowflake()), name: opt(z.string()), animated: opt(z.boolean()) })
  .transform(({ id, name, animated }) => ({ id: id ?? null, name: name ?? null, animated }));

export const pollSchema = z.object({
  question: z.object({ text: requiredText(POLL_LIMITS.questionText) }),
  answers: list(
    z.object({ poll_media: z.object({ text: requiredText(POLL_LIMITS.answerText), emoji: opt(answerEmoji) }) }),
    { min: 1, max: POLL_LIMITS.answers },
  ),
  duration: opt(int({ min: 1, max: POLL_LIMITS.durationHours })),
  allow_multiselect: opt(z.boolean()),
  layout_type: opt(z.enum(PollLayoutType)),
}) satisfies z.ZodType<RESTAPIPoll>;
