// From discord.js, not @discordjs/rest: the client's REST throws the class discord.js loads, and
// importing the package directly from ESM yields a different copy that `instanceof` never matches.
import { DiscordAPIError } from 'discord.js';

/** Whether Discord refused a request with one of these JSON error codes (RESTJSONErrorCodes). */
export function isDiscordError(error: unknown, ...codes: readonly number[]): error is DiscordAPIError {
  return error instanceof DiscordAPIError && codes.includes(Number(error.code));
}
