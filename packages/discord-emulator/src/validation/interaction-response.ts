import { InteractionResponseType as Callback, InteractionType, MessageFlags, type APIInteractionResponse } from 'discord-api-types/v10';
import { z } from 'zod';
import type { DiscordApiError } from '../api-error.js';
import type { UploadedFiles } from './attachments.js';
import { autocompleteChoiceSchema, CHOICE_LIMITS } from './choices.js';
import { errorTree } from './error-tree.js';
import { fail, FieldErrors, RequestErrors, type ValidationResult } from './errors.js';
import { settableFlags } from './flags.js';
import { interactionMessageSchema, newMessageError } from './message.js';
import { modalSchema } from './modal.js';
import { parseBody } from './parse.js';
import { delegate, list, opt, report } from './primitives.js';

/**
 * `POST /interactions/{id}/{token}/callback`: the first answer to an interaction.
 *
 * Sources: Discord developer docs, Receiving and Responding, "Interaction Callback Type" (MODAL "not
 * available for MODAL_SUBMIT and PING interactions"; DEFERRED_UPDATE_MESSAGE and UPDATE_MESSAGE
 * "only valid for component-based interactions"), "Interaction Callback Data Structure" (a deferred
 * response may only set EPHEMERAL; autocomplete "max of 25 choices"; the modal's limits, see
 * modal.ts). A type the interaction does not take is refused the way Discord refuses it, as quoted
 * in discord.py #9187 and #10010: 50035 with BASE_TYPE_CHOICES on `type`, listing what it does
 * take. A modal submit may be answered with 6 and 7, as those answers list. PREMIUM_REQUIRED (10,
 * deprecated) and LAUNCH_ACTIVITY (12, Activities) are not emulated.
 */

const ALLOWED_CALLBACKS: ReadonlyMap<InteractionType, readonly Callback[]> = new Map([
  [InteractionType.Ping, [Callback.Pong]],
  [InteractionType.ApplicationCommand, [Callback.ChannelMessageWithSource, Callback.DeferredChannelMessageWithSource, Callback.Modal]],
  [
    InteractionType.MessageComponent,
    [
      Callback.ChannelMessageWithSource,
      Callback.DeferredChannelMessageWithSource,
      Callback.DeferredMessageUpdate,
      Callback.UpdateMessage,
      Callback.Modal,
    ],
  ],
  [InteractionType.ApplicationCommandAutocomplete, [Callback.ApplicationCommandAutocompleteResult]],
  [
    InteractionType.ModalSubmit,
    [Callback.ChannelMessageWithSource, Callback.DeferredChannelMessageWithSource, Callback.DeferredMessageUpdate, Callback.UpdateMessage],
  ],
]);

/** The callback types an interaction of `interactionType` may be answered with. */
export function allowedCallbackTypes(interactionType: InteractionType): readonly Callback[] {
  return ALLOWED_CALLBACKS.get(interactionType) ?? [];
}

/** Discord's answer to a callback type the interaction does not take. */
export function callbackTypeNotAllowed(interactionType: InteractionType): DiscordApiError {
  return RequestErrors.invalidFormBody(errorTree([{ path: ['type'], error: FieldErrors.choices(allowedCallbackTypes(interactionType)) }]));
}

const callbackSchemas = new Map<number, z.ZodType<APIInteractionResponse>>([
  [Callback.Pong, z.object({ type: z.literal(Callback.Pong) })],
  [Callback.ChannelMessageWithSource, z.object({ type: z.literal(Callback.ChannelMessageWithSource), data: interactionMessageSchema })],
  [
    Callback.DeferredChannelMessageWithSource,
    z.object({
      type: z.literal(Callback.DeferredChannelMessageWithSource),
      data: opt(z.object({ flags: opt(settableFlags([MessageFlags.Ephemeral])) })),
    }),
  ],
  [Callback.DeferredMessageUpdate, z.object({ type: z.literal(Callback.DeferredMessageUpdate) })],
  [Callback.UpdateMessage, z.object({ type: z.literal(Callback.UpdateMessage), data: opt(interactionMessageSchema) })],
  [
    Callback.ApplicationCommandAutocompleteResult,
    z.object({
      type: z.literal(Callback.ApplicationCommandAutocompleteResult),
      data: z.object({ choices: opt(list(autocompleteChoiceSchema, { max: CHOICE_LIMITS.choices })) }),
    }),
  ],
  [Callback.Modal, z.object({ type: z.literal(Callback.Modal), data: modalSchema })],
]);

/** Unlike components, an unknown callback type is reported on `type`, as a plain choice. */
export const interactionCallbackSchema = z.looseObject({ type: z.unknown() }).transform((value, ctx): APIInteractionResponse => {
  const schema = typeof value.type === 'number' ? callbackSchemas.get(value.type) : undefined;
  if (schema !== undefined) return delegate(schema, value, ctx);
  report(ctx, FieldErrors.choices([...callbackSchemas.keys()]), ['type']);
  return z.NEVER;
});

export interface CallbackContext {
  /** The interaction being answered; when given, a callback type it does not take is refused. */
  readonly interactionType?: InteractionType;
  /** The `files[n]` parts of a multipart callback. */
  readonly upload?: UploadedFiles;
}

/**
 * The callback body, then (given the interaction's type) whether that interaction takes it, then,
 * for a new message (type 4), its files and whether it shows anything (50006).
 */
export function validateInteractionCallback(body: unknown, context: CallbackContext = {}): ValidationResult<APIInteractionResponse> {
  const parsed = parseBody(interactionCallbackSchema, body);
  if (!parsed.ok) return parsed;
  const response = parsed.value;
  const { interactionType, upload = {} } = context;
  if (interactionType !== undefined && !allowedCallbackTypes(interactionType).includes(response.type)) {
    return fail(callbackTypeNotAllowed(interactionType));
  }
  if (response.type === Callback.ChannelMessageWithSource) {
    const error = newMessageError(response.data, upload, ['data']);
    if (error !== undefined) return fail(error);
  }
  return parsed;
}
