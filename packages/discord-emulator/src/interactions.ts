import { randomBytes } from 'node:crypto';
import {
  ApplicationIntegrationType,
  ChannelType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { ApiErrors, DiscordApiError } from './api-error.js';
import { assertNotEmpty, attachmentsFor, composeMessage, editedMessage, type MessageBody, type UploadedFile } from './messages.js';
import type { MessageRecord, World } from './world.js';

/** What the bot answered first, as a person would experience it. */
export type InteractionOutcome =
  | { readonly type: InteractionResponseType.ChannelMessageWithSource | InteractionResponseType.DeferredChannelMessageWithSource; readonly message: MessageRecord }
  | { readonly type: InteractionResponseType.UpdateMessage | InteractionResponseType.DeferredMessageUpdate; readonly message: MessageRecord | null }
  | { readonly type: InteractionResponseType.Modal; readonly modal: APIModalInteractionResponseCallbackData }
  | { readonly type: InteractionResponseType.ApplicationCommandAutocompleteResult; readonly choices: readonly APIApplicationCommandOptionChoice[] };

/** The interaction failed from the member's point of view: Discord shows "This interaction failed". */
export class InteractionFailedError extends Error {
  override readonly name = 'InteractionFailedError';
}

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string;
  readonly createdAt: number;
  readonly data: unknown;
  readonly sourceMessage: MessageRecord | null;
  response: InteractionResponseType | null;
  originalMessage: MessageRecord | null;
  readonly outcome: Promise<InteractionOutcome>;
  settle(outcome: InteractionOutcome): void;
  fail(error: Error): void;
}

export interface InteractionTimings {
  /** Discord gives 3 s for the first response. */
  readonly responseDeadlineMs: number;
  /** And 15 minutes for follow-ups and edits through the token. */
  readonly tokenLifetimeMs: number;
}

export const DISCORD_INTERACTION_TIMINGS: InteractionTimings = { responseDeadlineMs: 3000, tokenLifetimeMs: 15 * 60_000 };

export interface NewInteraction {
  readonly type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete | InteractionType.MessageComponent | InteractionType.ModalSubmit;
  readonly userId: string;
  readonly channelId: string;
  readonly data: unknown;
  readonly sourceMessage?: MessageRecord | null;
}

/**
 * The interaction lifecycle: a member acts, the bot receives INTERACTION_CREATE, and must answer
 * once within 3 seconds; later it may follow up or edit through the token for 15 minutes.
 *
 * In an archived thread, a reply or a follow-up is a new message: it wakes the thread, unless a
 * moderator locked it (then 50083, discord-api-docs#5517). Updating the clicked message, editing
 * through the token, or filling in a "thinking…" reply is an edit, which Discord refuses there
 * with 50083 (Topics → Threads: "Users cannot edit messages … in archived threads";
 * discord-api-docs#3197). Members' clients still send commands and clicks from archived threads
 * (discord-api-docs#5517, MarcusOtter/discord-needle#325), so the harness lets them.
 */
export class Interactions {
  readonly #records = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly world: World,
    private readonly app: { readonly id: string; readonly botUserId: string },
    private readonly timings: InteractionTimings,
    private readonly baseUrl: () => string,
    /** Real time: the deadlines are felt by discord.js, which runs on the real clock. */
    private readonly now: () => number = Date.now,
  ) {}

  create(input: NewInteraction): InteractionRecord {
    const { world } = this;
    const channel = world.channel(input.channelId);
    let settle!: (outcome: InteractionOutcome) => void;
    let fail!: (error: Error) => void;
    const outcome = new Promise<InteractionOutcome>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    // A test that never awaits the outcome must not crash on an unhandled rejection.
    outcome.catch(() => undefined);
    const record: InteractionRecord = {
      id: world.snowflakes.next(),
      token: `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}`,
      type: input.type,
      userId: input.userId,
      guildId: channel.guildId,
      channelId: channel.id,
      createdAt: this.now(),
      data: input.data,
      sourceMessage: input.sourceMessage ?? null,
      response: null,
      originalMessage: null,
      outcome,
      settle,
      fail,
    };
    this.#records.set(record.id, record);
    this.#byToken.set(record.token, record);
    const timer = setTimeout(() => {
      if (record.response === null) fail(new InteractionFailedError(`The bot did not answer within ${this.timings.responseDeadlineMs} ms: the member sees "This interaction failed".`));
    }, this.timings.responseDeadlineMs + 50);
    timer.unref();
    world.dispatch(GatewayDispatchEvents.InteractionCreate, this.#payload(record));
    return record;
  }

  #payload(record: InteractionRecord): APIInteraction {
    const { world } = this;
    const channel = world.channel(record.channelId);
    const inGuild = record.guildId !== null;
    const member = inGuild ? world.member(record.guildId ?? '', record.userId) : undefined;
    const guildLocale = inGuild ? world.guild(record.guildId ?? '').preferredLocale : undefined;
    return {
      id: record.id,
      application_id: this.app.id,
      type: record.type,
      data: record.data,
      token: record.token,
      version: 1,
      channel: world.apiChannel(channel),
      channel_id: channel.id,
      app_permissions: world.permissionsIn(channel.id, this.app.botUserId).toString(),
      locale: world.user(record.userId).locale,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
      ...(inGuild && member
        ? {
            guild_id: record.guildId,
            guild: { id: record.guildId, locale: guildLocale, features: [] },
            guild_locale: guildLocale,
            member: { ...world.apiMember(member), permissions: world.permissionsIn(channel.id, record.userId).toString() },
            authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: record.guildId },
            context: InteractionContextType.Guild,
          }
        : {
            user: world.apiUser(record.userId),
            authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
            context: channel.type === ChannelType.DM ? InteractionContextType.BotDM : InteractionContextType.PrivateChannel,
          }),
      ...(record.sourceMessage ? { message: record.sourceMessage.message } : {}),
    } as unknown as APIInteraction;
  }

  #live(id: string, token: string): InteractionRecord {
    const record = this.#records.get(id);
    if (!record || record.token !== token) throw ApiErrors.unknownInteraction();
    return record;
  }

  /** The kind of interaction behind an id and token, so its callback can be validated for it. */
  typeOf(id: string, token: string): InteractionType {
    return this.#live(id, token).type;
  }

  /** POST /interactions/{id}/{token}/callback, with a body already validated for this interaction's type. */
  respond(id: string, token: string, body: APIInteractionResponse, files: readonly UploadedFile[]): { interaction: unknown; resource: unknown } {
    const record = this.#live(id, token);
    if (record.response !== null) throw ApiErrors.alreadyAcknowledged();
    if (this.now() - record.createdAt > this.timings.responseDeadlineMs) throw ApiErrors.unknownInteraction();
    const outcome = this.#apply(record, body, files);
    record.response = body.type;
    record.settle(outcome);
    const message = 'message' in outcome ? outcome.message : null;
    return {
      interaction: {
        id: record.id,
        type: record.type,
        response_message_id: message?.message.id,
        response_message_loading: body.type === InteractionResponseType.DeferredChannelMessageWithSource,
        response_message_ephemeral: message ? ((message.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0 : false,
      },
      resource: { type: body.type, ...(message ? { message: message.message } : {}) },
    };
  }

  #apply(record: InteractionRecord, body: APIInteractionResponse, files: readonly UploadedFile[]): InteractionOutcome {
    const { world } = this;
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const deferred = body.type === InteractionResponseType.DeferredChannelMessageWithSource;
        const data: MessageBody = body.type === InteractionResponseType.ChannelMessageWithSource ? (body.data ?? {}) : { flags: body.data?.flags ?? 0 };
        const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        const { message, pings } = composeMessage(world, {
          channelId: record.channelId,
          authorId: this.app.botUserId,
          body: data,
          attachments: attachmentsFor(world, files, data.attachments, this.baseUrl()),
          type: record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
          webhookId: this.app.id,
          flags: (data.flags ?? 0) | (deferred ? MessageFlags.Loading : 0),
          interactionMetadata: { id: record.id, type: record.type, user: world.apiUser(record.userId), authorizing_integration_owners: {} } as APIMessage['interaction_metadata'] & object,
        });
        if (!deferred) assertNotEmpty(message);
        world.wakeForMessage(record.channelId, this.app.botUserId);
        const stored = world.addMessage(record.channelId, message, { visibleTo: ephemeral ? record.userId : null, pings, interactionId: record.id });
        record.originalMessage = stored;
        return { type: body.type, message: stored };
      }
      case InteractionResponseType.UpdateMessage: {
        const source = this.#source(record);
        this.#edit(source, body.data ?? {}, files);
        record.originalMessage = source;
        return { type: body.type, message: source };
      }
      case InteractionResponseType.DeferredMessageUpdate:
        record.originalMessage = record.sourceMessage;
        return { type: body.type, message: record.sourceMessage };
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        return { type: body.type, choices: body.data.choices ?? [] };
      case InteractionResponseType.Modal:
        return { type: body.type, modal: body.data };
      default:
        // Pong, premium-required and activity launches never reach here: validation refuses them
        // for the interactions the emulator creates.
        throw ApiErrors.unknownInteraction();
    }
  }

  #source(record: InteractionRecord): MessageRecord {
    if (!record.sourceMessage) throw ApiErrors.unknownMessage();
    return record.sourceMessage;
  }

  #edit(record: MessageRecord, body: MessageBody, files: readonly UploadedFile[]): void {
    const { world } = this;
    world.assertNotArchived(record.message.channel_id);
    const added = files.length > 0 ? attachmentsFor(world, files, body.attachments, this.baseUrl()) : undefined;
    const { message, pings } = editedMessage(world, record.message, body, added);
    assertNotEmpty(message);
    world.replaceMessage(message.channel_id, record, message, pings);
  }

  /** The interaction behind a webhook token, if it may still be used. */
  #byWebhook(applicationId: string, token: string): InteractionRecord {
    const record = this.#byToken.get(token);
    if (!record || applicationId !== this.app.id || record.response === null) throw ApiErrors.unknownWebhook();
    if (this.now() - record.createdAt > this.timings.tokenLifetimeMs) throw new DiscordApiError(401, 50027, 'Invalid Webhook Token');
    return record;
  }

  #webhookMessage(record: InteractionRecord, messageId: string): MessageRecord {
    if (messageId === '@original') {
      if (!record.originalMessage) throw ApiErrors.unknownMessage();
      return record.originalMessage;
    }
    const found = this.world.messagesIn(record.channelId).find((m) => m.message.id === messageId && m.interactionId === record.id);
    if (!found) throw ApiErrors.unknownMessage();
    return found;
  }

  /** POST /webhooks/{application}/{token} */
  followUp(applicationId: string, token: string, body: MessageBody, files: readonly UploadedFile[]): APIMessage {
    const record = this.#byWebhook(applicationId, token);
    const { world } = this;
    const pending = record.originalMessage;
    if (pending && ((pending.message.flags ?? 0) & MessageFlags.Loading) !== 0) {
      // On Discord the first follow-up after a deferred reply fills in the "thinking…" message,
      // which keeps the visibility the deferral chose: an ephemeral flag here changes nothing.
      this.#edit(pending, { ...body, flags: (body.flags ?? 0) & ~MessageFlags.Ephemeral }, files);
      return pending.message;
    }
    const ephemeral = ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    const { message, pings } = composeMessage(world, {
      channelId: record.channelId,
      authorId: this.app.botUserId,
      body,
      attachments: attachmentsFor(world, files, body.attachments, this.baseUrl()),
      webhookId: this.app.id,
      interactionMetadata: { id: record.id, type: record.type, user: world.apiUser(record.userId), authorizing_integration_owners: {} } as APIMessage['interaction_metadata'] & object,
    });
    assertNotEmpty(message);
    world.wakeForMessage(record.channelId, this.app.botUserId);
    return world.addMessage(record.channelId, message, { visibleTo: ephemeral ? record.userId : null, pings, interactionId: record.id }).message;
  }

  /** GET /webhooks/{application}/{token}/messages/{id | @original} */
  getMessage(applicationId: string, token: string, messageId: string): APIMessage {
    return this.#webhookMessage(this.#byWebhook(applicationId, token), messageId).message;
  }

  /** PATCH /webhooks/{application}/{token}/messages/{id | @original} */
  editMessage(applicationId: string, token: string, messageId: string, body: MessageBody, files: readonly UploadedFile[]): APIMessage {
    const target = this.#webhookMessage(this.#byWebhook(applicationId, token), messageId);
    this.#edit(target, body, files);
    return target.message;
  }

  /** DELETE /webhooks/{application}/{token}/messages/{id | @original} */
  deleteMessage(applicationId: string, token: string, messageId: string): void {
    const record = this.#byWebhook(applicationId, token);
    const target = this.#webhookMessage(record, messageId);
    this.world.deleteMessage(target.message.channel_id, target.message.id);
    if (record.originalMessage === target) record.originalMessage = null;
  }
}
