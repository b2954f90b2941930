/**
 * The public API of @roots-bot/discord-emulator: everything a consumer (the bot's tests, its
 * sandbox, its benchmarks) may import. Anything not exported here is the package's own business
 * and may change without notice; consumers never import from deeper paths.
 */
import { DiscordEmulator, type EmulatorOptions } from './emulator.js';

/** Starts a loopback Discord on a free port of 127.0.0.1. Same as `DiscordEmulator.start`. */
export function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  return DiscordEmulator.start(options);
}

export { DiscordEmulator, type EmulatorOptions };

// Acting as people and reading what they see.
export {
  Actor,
  Harness,
  HarnessError,
  type FollowedClock,
  viewMessage,
  type ButtonView,
  type MessageView,
  type ModalSelectView,
  type ModalView,
  type Response,
  type SelectView,
  type WaitOptions,
} from './harness.js';

// The emulated world: its records and the events it emits.
export { DISCORD_LOCALES, discordLocale } from './locales.js';
export { World, type ChannelRecord, type GuildRecord, type MemberRecord, type MessageRecord, type Pings, type ThreadState, type UserRecord, type WorldEvent } from './world.js';

// Saving a world and opening it again (the sandbox keeps its world between runs).
export { restoreWorld, snapshotProblem, snapshotWorld, worldSnapshotSchema, WORLD_SNAPSHOT_VERSION, type WorldSnapshot } from './world-snapshot.js';

// Fault controls on the REST layer (`emulator.faults`).
export type {
  CannedResponse,
  HeldRequest,
  InterceptedRequest,
  InterceptStage,
  RequestFailure,
  RequestFaults,
  RequestHold,
  RequestMatcher,
} from './faults.js';

// Interactions, as the harness hands them out.
export { InteractionFailedError, type InteractionOutcome, type InteractionRecord, type InteractionTimings } from './interactions.js';

// Slash-command input, for a terminal or a test that types a command.
export { CommandInputError, type OptionInput } from './commands.js';

// Composing a message the way the emulator stores it (for scene-setting and rendering tests).
export { attachmentsFor, composeMessage, type MessageBody, type UploadedFile } from './messages.js';

// Rate limits: Discord's published global limit, and the options a test tightens or disables.
export { DISCORD_GLOBAL_LIMIT, type BucketLimit, type RateLimiterOptions, type WindowLimit } from './rate-limit.js';

export type { RequestRecord } from './rest.js';

// The brake on opening new DM channels (40003), for tests that tighten it.
export { DISCORD_DM_OPENINGS, type DmOpeningLimit } from './dm-openings.js';
// Sign in with Discord: the OAuth2 authorization-code flow (`emulator.oauth2`).
export { ACCESS_TOKEN_LIFETIME_S, CODE_LIFETIME_MS, OAUTH2_SCOPES, OAuth2Provider, type OAuth2Scope } from './oauth2.js';
