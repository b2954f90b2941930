/**
 * Request-body validation for the Discord emulator: pure functions that take a parsed JSON body and
 * answer either the typed body or the error Discord would give, never throwing. The REST layer
 * parses JSON and multipart, routes, and checks what depends on stored state (permissions, the
 * message being edited, commands already registered).
 */
export { FieldErrors, RequestErrors, type DiscordErrorTree, type DiscordFieldError, type ValidationResult } from './errors.js';
export { errorTree, fieldErrorFromIssue, zodIssuesToErrorTree, type LocatedFieldError } from './error-tree.js';
export { parseBody, parsePayloadJson } from './parse.js';
export type { UploadedFiles } from './attachments.js';
export {
  isEmptyMessage,
  newMessageError,
  validateChannelMessageCreate,
  validateChannelMessageEdit,
  validateInteractionFollowup,
  validateWebhookMessageEdit,
  type MessageParts,
} from './message.js';
export { embedSize, EMBED_LIMITS } from './embeds.js';
export { allowedCallbackTypes, callbackTypeNotAllowed, validateInteractionCallback, type CallbackContext } from './interaction-response.js';
export { commandSize, validateCommandBulkOverwrite, validateCommandCreate, COMMAND_LIMITS } from './commands.js';
export { validateThreadFromMessage, validateThreadModify, validateThreadWithoutMessage, type ThreadModifyJSONBody } from './threads.js';
export { validateDmChannelCreate } from './dm-channel.js';
