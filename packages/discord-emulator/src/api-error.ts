import { RESTJSONErrorCodes } from 'discord-api-types/v10';

/**
 * An error answer as Discord gives it: an HTTP status and a JSON body `{ code, message, errors? }`.
 * Handlers throw these; the REST layer turns them into responses.
 */
export class DiscordApiError extends Error {
  override readonly name = 'DiscordApiError';
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }

  toBody(): { code: number; message: string; errors?: unknown } {
    return this.errors === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, errors: this.errors };
  }
}

const E = RESTJSONErrorCodes;

/** The errors the emulator answers with, worded as Discord words them. */
export const ApiErrors = {
  unauthorized: () => new DiscordApiError(401, 0, '401: Unauthorized'),
  notFound: () => new DiscordApiError(404, 0, '404: Not Found'),
  unknownChannel: () => new DiscordApiError(404, E.UnknownChannel, 'Unknown Channel'),
  unknownGuild: () => new DiscordApiError(404, E.UnknownGuild, 'Unknown Guild'),
  unknownMember: () => new DiscordApiError(404, E.UnknownMember, 'Unknown Member'),
  unknownMessage: () => new DiscordApiError(404, E.UnknownMessage, 'Unknown Message'),
  unknownRole: () => new DiscordApiError(404, E.UnknownRole, 'Unknown Role'),
  unknownUser: () => new DiscordApiError(404, E.UnknownUser, 'Unknown User'),
  unknownWebhook: () => new DiscordApiError(404, E.UnknownWebhook, 'Unknown Webhook'),
  unknownInteraction: () => new DiscordApiError(404, E.UnknownInteraction, 'Unknown interaction'),
  unknownApplication: () => new DiscordApiError(404, E.UnknownApplication, 'Unknown Application'),
  alreadyAcknowledged: () => new DiscordApiError(400, E.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.'),
  missingAccess: () => new DiscordApiError(403, E.MissingAccess, 'Missing Access'),
  missingPermissions: () => new DiscordApiError(403, E.MissingPermissions, 'Missing Permissions'),
  cannotMessageUser: () => new DiscordApiError(403, E.CannotSendMessagesToThisUser, 'Cannot send messages to this user'),
  emptyMessage: () => new DiscordApiError(400, E.CannotSendAnEmptyMessage, 'Cannot send an empty message'),
  threadArchived: () => new DiscordApiError(400, 50083, 'Thread is archived'),
  threadLocked: () => new DiscordApiError(403, E.ThreadLocked, 'This thread is locked'),
  cannotEditOthersMessage: () => new DiscordApiError(403, E.CannotEditMessageAuthoredByAnotherUser, 'Cannot edit a message authored by another user'),
  threadAlreadyCreated: () => new DiscordApiError(400, E.ThreadAlreadyCreatedForMessage, 'A thread has already been created for this message'),
  wrongChannelType: () => new DiscordApiError(400, E.CannotExecuteActionOnThisChannelType, 'Cannot execute action on this channel type'),
  invalidFormBody: (errors: unknown) => new DiscordApiError(400, E.InvalidFormBodyOrContentType, 'Invalid Form Body', errors),
} as const;
