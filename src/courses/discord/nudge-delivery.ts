import { RESTJSONErrorCodes, type Client } from 'discord.js';
import type { BotContext } from '../../context.js';
import { isDiscordError } from '../../interactions/discord-errors.js';
import { claimNudge, releaseNudge, type IdleCourse } from '../nudges.js';
import type { NudgeTally } from './moderator-messages.js';
import { nudgeDm } from './nudge-dm.js';
import type { CourseVoice } from './voice.js';

/**
 * At most this many DMs in one `/course nudge`: the moderator's answer must come within the
 * interaction's 15 minutes, and Discord slows down bots that open many DMs at once.
 */
export const MAX_NUDGES_PER_RUN = 50;

/** What became of one nudge, from Discord's answer. */
export type NudgeFailure = 'dms-closed' | 'left' | 'later' | 'failed';

export function nudgeFailureOf(error: unknown): NudgeFailure {
  if (isDiscordError(error, RESTJSONErrorCodes.CannotSendMessagesToThisUser)) return 'dms-closed';
  // No server in common any more, or not a member here: they left.
  if (isDiscordError(error, RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds, RESTJSONErrorCodes.UnknownMember)) return 'left';
  if (isDiscordError(error, RESTJSONErrorCodes.OpeningDirectMessagesTooFast)) return 'later';
  return 'failed';
}

export interface NudgeRun {
  readonly client: Client;
  readonly guildId: string;
  readonly serverName: string;
  /** How the DMs speak: the server's language, since the bot starts them. */
  readonly voice: CourseVoice;
  readonly idleDays: number;
  readonly recentlyNudged: number;
}

/**
 * Sends the nudges one by one. Once Discord says DMs are opening too fast, or the run's bound is
 * reached, the rest wait for a later run: they are not recorded as nudged, so that run reaches them.
 */
export async function sendNudges(ctx: BotContext, run: NudgeRun, due: ReadonlyMap<string, readonly IdleCourse[]>): Promise<NudgeTally> {
  const tally = { idleDays: run.idleDays, sent: 0, dmsClosed: 0, left: 0, later: 0, failed: 0, skipped: run.recentlyNudged };
  for (const [userId, courses] of due) {
    if (tally.later > 0 || tally.sent + tally.dmsClosed + tally.left + tally.failed >= MAX_NUDGES_PER_RUN) {
      tally.later += 1;
      continue;
    }
    // Another moderator's nudge may have reached them since the plan was made.
    if (!(await claimNudge(ctx, run.guildId, userId))) {
      tally.skipped += 1;
      continue;
    }
    try {
      await run.client.users.send(userId, { content: nudgeDm(run.voice, run.serverName, courses), allowedMentions: { parse: [] } });
      tally.sent += 1;
    } catch (error) {
      const failure = nudgeFailureOf(error);
      if (failure === 'later') {
        // Not reached, so not nudged: a later run may try again.
        await releaseNudge(ctx.db, run.guildId, userId);
        tally.later += 1;
        continue;
      }
      // Otherwise the nudge stays recorded: trying again tomorrow would be the pestering the weekly limit prevents.
      if (failure === 'dms-closed') tally.dmsClosed += 1;
      else if (failure === 'left') tally.left += 1;
      else {
        tally.failed += 1;
        ctx.logger.warn({ err: error, guild: run.guildId, user: userId }, 'could not send a course nudge');
      }
    }
  }
  return tally;
}
