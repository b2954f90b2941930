import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes, Routes, type Client, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { isDiscordError } from '../../interactions/discord-errors.js';
import { z } from 'zod';
import type { BrokenTarget } from '../model.js';
import type { SeenMessage } from './post-view.js';

/**
 * The few Discord calls a ritual post needs, over the client's REST manager (so its rate-limit
 * queues and the global limit are shared with everything else the bot sends), and the sorting of
 * what goes wrong into the three cases the runtime treats differently.
 */
export interface RitualTransport {
  /** The bot's own user id: posts by anyone else are never mistaken for ours. */
  readonly botId: string;
  send(channelId: string, body: RESTPostAPIChannelMessageJSONBody, signal: AbortSignal): Promise<{ readonly id: string }>;
  /** Opens a thread on a message; if one is already open there, returns it (`created: false`). */
  startThread(channelId: string, messageId: string, name: string, autoArchiveMinutes: number, signal: AbortSignal): Promise<{ readonly id: string; readonly created: boolean }>;
  /** The channel's latest messages, newest first. */
  recentMessages(channelId: string, signal: AbortSignal): Promise<readonly SeenMessage[]>;
}

const Sent = z.object({ id: z.string() });
const Seen = z.object({
  id: z.string(),
  author: z.object({ id: z.string() }),
  embeds: z.array(z.object({ footer: z.object({ text: z.string() }).optional(), timestamp: z.string().optional() })).default([]),
});
/** Enough messages to find a post among a busy week's chatter; one request. */
const RECENT_LIMIT = 100;

export function discordTransport(client: Client<true>): RitualTransport {
  const { rest } = client;
  return {
    botId: client.user.id,
    async send(channelId, body, signal) {
      return Sent.parse(await rest.post(Routes.channelMessages(channelId), { body, signal }));
    },
    async startThread(channelId, messageId, name, autoArchiveMinutes, signal) {
      try {
        const thread = Sent.parse(await rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: autoArchiveMinutes }, signal }));
        return { id: thread.id, created: true };
      } catch (error) {
        // A thread started from a message shares the message's id.
        if (isDiscordError(error, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)) return { id: messageId, created: false };
        throw error;
      }
    },
    async recentMessages(channelId, signal) {
      const raw = z.array(Seen).parse(await rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(RECENT_LIMIT) }), signal }));
      return raw.map((message) => ({ id: message.id, authorId: message.author.id, embeds: message.embeds }));
    },
  };
}

export type DeliveryFailure =
  /** The channel is gone or closed to the bot: retrying can't help until a moderator acts. */
  | { readonly kind: 'broken'; readonly reason: BrokenTarget; readonly detail: string }
  /** Discord or the network had a bad moment (5xx, timeout, rate limits): worth another try later. */
  | { readonly kind: 'transient'; readonly detail: string }
  /** Discord refused what we sent: the same post would be refused again. */
  | { readonly kind: 'rejected'; readonly detail: string };

const BROKEN: ReadonlyMap<number, BrokenTarget> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, 'channel_missing'],
  [RESTJSONErrorCodes.UnknownGuild, 'channel_missing'],
  [RESTJSONErrorCodes.MissingAccess, 'no_access'],
  [RESTJSONErrorCodes.MissingPermissions, 'no_permission'],
]);

/** Details end up in notices and the ledger: a line, not a page. */
const brief = (text: string) => (text.length <= 200 ? text : `${text.slice(0, 199)}…`);

export function classifyFailure(error: unknown): DeliveryFailure {
  const failure = sortFailure(error);
  return { ...failure, detail: brief(failure.detail) };
}

function sortFailure(error: unknown): DeliveryFailure {
  if (error instanceof DiscordAPIError) {
    const detail = `${error.message} (${error.status}, code ${error.code})`;
    const reason = typeof error.code === 'number' ? BROKEN.get(error.code) : undefined;
    if (reason !== undefined) return { kind: 'broken', reason, detail };
    if (error.status === 429 || error.status >= 500) return { kind: 'transient', detail };
    // The starter message vanished between the post and its thread: the next attempt starts over.
    if (error.code === RESTJSONErrorCodes.UnknownMessage) return { kind: 'transient', detail };
    return { kind: 'rejected', detail };
  }
  if (error instanceof HTTPError) return { kind: 'transient', detail: `Discord answered ${error.status}` };
  if (error instanceof RateLimitError) return { kind: 'transient', detail: `rate limited for ${error.retryAfter} ms` };
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'transient', detail: 'Discord took too long to answer' };
  // Connection refused or reset, DNS: the network, not the post.
  return { kind: 'transient', detail: error instanceof Error ? error.message : String(error) };
}
