import { isPostOf, type ComposedPost } from './post-view.js';
import type { RitualTransport } from './transport.js';

/**
 * Puts one composed post on Discord: the message, then (when asked) its thread and the opening
 * questions. Every step is safe to repeat, which is what makes a crash at any point recoverable:
 * - the message goes out with its deterministic nonce and `enforce_nonce`, so a resend within
 *   Discord's few-minute window returns the first message;
 * - beyond that window, a resend after an earlier attempt (`triedBefore`) first looks for the post
 *   among the channel's latest messages by its marker, and reuses it;
 * - a thread that already exists is reused (a message can carry one thread), and the opening
 *   questions are only written into a thread the bot hasn't written in yet.
 * Errors are thrown as they come; the runtime sorts them (transport.ts → classifyFailure).
 */
export interface Delivered {
  readonly messageId: string;
  readonly threadId: string | null;
  /** True when an earlier attempt's post was found and reused rather than sent again. */
  readonly recovered: boolean;
}

export async function deliverPost(transport: RitualTransport, post: ComposedPost, triedBefore: boolean, signal: AbortSignal): Promise<Delivered> {
  const earlier = triedBefore ? (await transport.recentMessages(post.channelId, signal)).find((m) => isPostOf(m, post.marker, transport.botId)) : undefined;
  const messageId = earlier?.id ?? (await transport.send(post.channelId, post.message, signal)).id;
  if (post.thread === null) return { messageId, threadId: null, recovered: earlier !== undefined };

  const thread = await transport.startThread(post.channelId, messageId, post.thread.name, post.thread.autoArchiveMinutes, signal);
  if (post.thread.opening !== null) {
    const alreadyOpened = !thread.created && (await transport.recentMessages(thread.id, signal)).some((m) => m.authorId === transport.botId);
    if (!alreadyOpened) await transport.send(thread.id, post.thread.opening, signal);
  }
  return { messageId, threadId: thread.id, recovered: earlier !== undefined };
}
