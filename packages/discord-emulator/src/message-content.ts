import { GatewayIntentBits, type APIMessage } from 'discord-api-types/v10';

/**
 * The Message Content privileged intent, which Discord applies "across Discord's APIs": gateway
 * events and REST reads alike (Gateway → Message Content Intent; Change Log 2022-08-31, "Message
 * Content is a Privileged Intent"). Without it, `content`, `embeds`, `attachments`, `components`
 * and `poll` come back empty, except in messages the app sent, messages that mention it, and DMs.
 */

type MessageLike = Pick<APIMessage, 'author' | 'mentions'>;

export interface ContentReader {
  readonly userId: string;
  /** The intents that count: a session's for the gateway, the Developer Portal's for REST. */
  readonly intents: number;
}

export function readsContent(message: MessageLike, reader: ContentReader, inDm: boolean): boolean {
  return (
    (reader.intents & GatewayIntentBits.MessageContent) !== 0 ||
    inDm ||
    message.author.id === reader.userId ||
    message.mentions.some((user) => user.id === reader.userId)
  );
}

/** The message as an app without the intent receives it; never mutates the input. */
export function withoutContent<M extends MessageLike & Pick<APIMessage, 'content' | 'embeds' | 'attachments'>>(message: M): M {
  const { poll: _poll, ...rest } = message as M & { poll?: unknown };
  return { ...rest, content: '', embeds: [], attachments: [], components: [] } as unknown as M;
}

/** The message as `reader` may read it. */
export function messageFor<M extends MessageLike & Pick<APIMessage, 'content' | 'embeds' | 'attachments'>>(message: M, reader: ContentReader, inDm: boolean): M {
  return readsContent(message, reader, inDm) ? message : withoutContent(message);
}
