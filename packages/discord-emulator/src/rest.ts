import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChannelType, MessageFlags, PermissionFlagsBits, type APIMessage, type RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { ApiErrors, DiscordApiError } from './api-error.js';
import type { DmOpenings } from './dm-openings.js';
import type { RequestFaults } from './faults.js';
import type { ApplicationCommands } from './commands.js';
import type { Interactions } from './interactions.js';
import { messageFor } from './message-content.js';
import { assertNotEmpty, attachmentsFor, composeMessage, editedMessage, type MessageBody, type UploadedFile } from './messages.js';
import { canManageRole, checkPermissions, requiredPermissionsFor, type PermissionAction } from './permissions.js';
import { matchRoute, type RateLimiter } from './rate-limit.js';
import {
  parsePayloadJson,
  RequestErrors,
  validateChannelMessageCreate,
  validateChannelMessageEdit,
  validateCommandBulkOverwrite,
  validateDmChannelCreate,
  validateInteractionCallback,
  validateInteractionFollowup,
  validateThreadFromMessage,
  validateThreadModify,
  validateThreadWithoutMessage,
  validateWebhookMessageEdit,
  type UploadedFiles,
  type ValidationResult,
} from './validation/index.js';
import type { ChannelRecord, World } from './world.js';

/** One handled request, kept so tests can count what the bot actually sent. */
export interface RequestRecord {
  readonly method: string;
  readonly route: string;
  readonly path: string;
  readonly status: number;
  readonly at: number;
}

interface Call {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
  /** The `n` of each multipart `files[n]` part, which `attachments[].id` refer to. */
  readonly upload: UploadedFiles;
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly route: string;
  /** Interaction callbacks and webhook-token routes are authenticated by their token, not the bot's. */
  readonly auth: 'bot' | 'none';
  readonly handle: (call: Call) => Reply;
}

export interface RestDependencies {
  readonly world: World;
  readonly interactions: Interactions;
  readonly commands: ApplicationCommands;
  readonly limiter: RateLimiter;
  readonly app: { readonly id: string; readonly name: string; readonly botUserId: string; readonly token: string };
  readonly urls: () => { readonly http: string; readonly gateway: string };
  /** `GET /gateway/bot`: the recommended shard count and session start limit (gateway/sharding.ts). */
  readonly gatewayBot: () => RESTGetAPIGatewayBotResult;
  readonly onRequest?: (record: RequestRecord) => void;
  /** Test hooks: hold, drop or fail requests (faults.ts). */
  readonly faults?: RequestFaults;
  /** The brake on opening new DM channels (40003). */
  readonly dmOpenings: DmOpenings;
  /** The privileged intents "enabled in the Developer Portal": Message Content applies to REST reads too. */
  readonly privilegedIntents: number;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const noContent: Reply = { status: 204 };
const API_PREFIX = '/api/v10';
/** How long Discord remembers a nonce for `enforce_nonce` ("the past few minutes"; five here). */
export const NONCE_MEMORY_MS = 5 * 60_000;

/**
 * The REST half of the emulator: the routes the bot uses, each checking what Discord checks
 * (authentication, rate limits, body limits, permissions) before changing the world.
 */
export class RestApi {
  readonly #routes: Route[];

  constructor(private readonly deps: RestDependencies) {
    this.#routes = this.#table();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  #bot(): string {
    return this.deps.app.botUserId;
  }

  /** Throws Discord's 403 when the bot lacks what `action` needs in `channel`; returns false for "strip" outcomes. */
  #require(channel: ChannelRecord, action: PermissionAction): boolean {
    const { world } = this.deps;
    if (channel.guildId === null) return true;
    if (!world.canView(channel.id, this.#bot())) throw ApiErrors.missingAccess();
    const bits = world.permissionsIn(channel.id, this.#bot());
    const requirement = requiredPermissionsFor(action, { inThread: channel.thread !== null });
    if (requirement.threadOwnerExempt && channel.thread?.ownerId === this.#bot()) return true;
    const check = checkPermissions(bits, requirement);
    if (check.ok) return true;
    if (check.onMissing === 'reject') throw new DiscordApiError(403, check.code, check.code === 50001 ? 'Missing Access' : 'Missing Permissions');
    return false;
  }

  #sendableChannel(channelId: string): ChannelRecord {
    const { world } = this.deps;
    const channel = world.channel(channelId);
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipients.find((id) => id !== this.#bot());
      if (recipient === undefined) return channel;
      // Discord delivers a bot's DM only to someone who shares a server with it (else 50278) and
      // allows DMs from server members (else 50007).
      const sharesServer = [...world.guilds.values()].some((g) => g.members.has(recipient) && g.members.has(this.#bot()));
      if (!sharesServer) throw RequestErrors.noMutualGuilds();
      if (!world.user(recipient).dmsOpen) throw ApiErrors.cannotMessageUser();
      return channel;
    }
    this.#require(channel, 'sendMessage');
    if (channel.thread?.locked && !this.#has(channel, PermissionFlagsBits.ManageThreads)) throw ApiErrors.threadLocked();
    return channel;
  }

  #has(channel: ChannelRecord, bit: bigint): boolean {
    return (this.deps.world.permissionsIn(channel.id, this.#bot()) & bit) === bit;
  }

  /** Embeds vanish without Embed Links (Discord drops them rather than failing). */
  #withPermittedContent(channel: ChannelRecord, body: MessageBody, files: readonly UploadedFile[]): MessageBody {
    if (files.length > 0) this.#require(channel, 'attachFiles');
    if (body.embeds && body.embeds.length > 0 && !this.#require(channel, 'embedLinks')) return { ...body, embeds: [] };
    return body;
  }

  #ownMessage(channelId: string, messageId: string) {
    const record = this.deps.world.findMessage(channelId, messageId);
    if (record.visibleTo !== null) throw ApiErrors.unknownMessage();
    return record;
  }

  #visibleMessages(channel: ChannelRecord): APIMessage[] {
    return this.deps.world
      .messagesIn(channel.id)
      .filter((r) => r.visibleTo === null)
      .map((r) => this.#readable(channel, r.message));
  }

  /** Message Content applies to REST reads as to the gateway, by the intents the portal enables. */
  #readable(channel: ChannelRecord, message: APIMessage): APIMessage {
    return messageFor(message, { userId: this.#bot(), intents: this.deps.privilegedIntents }, channel.guildId === null);
  }

  // ---- the routes -------------------------------------------------------------------------------

  #table(): Route[] {
    const { world, interactions, commands, app } = this.deps;
    return [
      {
        method: 'GET',
        route: '/gateway/bot',
        auth: 'bot',
        handle: () => ok(this.deps.gatewayBot()),
      },
      { method: 'GET', route: '/users/@me', auth: 'bot', handle: () => ok(world.apiUser(this.#bot())) },
      {
        method: 'GET',
        route: '/applications/@me',
        auth: 'bot',
        handle: () => ok({ id: app.id, name: app.name, description: '', bot_public: false, bot_require_code_grant: false, flags: 0, bot: world.apiUser(this.#bot()) }),
      },
      {
        method: 'GET',
        route: '/applications/:application_id/commands',
        auth: 'bot',
        handle: ({ params }) => ok(commands.list(this.#application(params.application_id))),
      },
      {
        method: 'PUT',
        route: '/applications/:application_id/commands',
        auth: 'bot',
        handle: ({ params, body }) => {
          this.#application(params.application_id);
          return ok(commands.overwrite(null, need(validateCommandBulkOverwrite(body))));
        },
      },
      {
        method: 'GET',
        route: '/applications/:application_id/guilds/:guild_id/commands',
        auth: 'bot',
        handle: ({ params }) => {
          this.#application(params.application_id);
          return ok(commands.list(world.guild(params.guild_id ?? '').id));
        },
      },
      {
        method: 'PUT',
        route: '/applications/:application_id/guilds/:guild_id/commands',
        auth: 'bot',
        handle: ({ params, body }) => {
          this.#application(params.application_id);
          const guild = world.guild(params.guild_id ?? '');
          if (!guild.members.has(this.#bot())) throw ApiErrors.missingAccess();
          return ok(commands.overwrite(guild.id, need(validateCommandBulkOverwrite(body))));
        },
      },
      {
        method: 'POST',
        route: '/interactions/:interaction_id/:interaction_token/callback',
        auth: 'none',
        handle: ({ params, query, body, files, upload }) => {
          const [id, token] = [params.interaction_id ?? '', params.interaction_token ?? ''];
          const callback = need(validateInteractionCallback(body, { interactionType: interactions.typeOf(id, token), upload }));
          const response = interactions.respond(id, token, callback, files);
          return query.get('with_response') === 'true' ? ok(response) : noContent;
        },
      },
      {
        method: 'POST',
        route: '/webhooks/:webhook_id/:webhook_token',
        auth: 'none',
        handle: ({ params, query, body, files, upload }) => {
          const message = interactions.followUp(params.webhook_id ?? '', params.webhook_token ?? '', need(validateInteractionFollowup(body, upload)), files);
          return query.get('wait') === 'false' ? noContent : ok(message);
        },
      },
      {
        method: 'GET',
        route: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
        auth: 'none',
        handle: ({ params }) => ok(interactions.getMessage(params.webhook_id ?? '', params.webhook_token ?? '', params.message_id ?? '')),
      },
      {
        method: 'PATCH',
        route: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
        auth: 'none',
        handle: ({ params, body, files }) =>
          ok(interactions.editMessage(params.webhook_id ?? '', params.webhook_token ?? '', params.message_id ?? '', need(validateWebhookMessageEdit(body)), files)),
      },
      {
        method: 'DELETE',
        route: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
        auth: 'none',
        handle: ({ params }) => {
          interactions.deleteMessage(params.webhook_id ?? '', params.webhook_token ?? '', params.message_id ?? '');
          return noContent;
        },
      },
      {
        method: 'GET',
        route: '/channels/:channel_id',
        auth: 'bot',
        handle: ({ params }) => {
          const channel = world.channel(params.channel_id ?? '');
          if (channel.guildId !== null && !world.canView(channel.id, this.#bot())) throw ApiErrors.missingAccess();
          return ok(world.apiChannel(channel));
        },
      },
      {
        method: 'PATCH',
        route: '/channels/:channel_id',
        auth: 'bot',
        handle: ({ params, body }) => {
          const channel = world.channel(params.channel_id ?? '');
          if (!channel.thread) throw new DiscordApiError(403, 50013, 'Missing Permissions');
          const change = need(validateThreadModify(body));
          const moderating = change.locked !== undefined || (channel.thread.locked && change.archived === false);
          this.#require(channel, moderating ? 'moderateThread' : 'editThread');
          return ok(
            world.apiChannel(
              world.updateThread(channel.id, {
                ...(change.name !== undefined ? { name: change.name } : {}),
                ...(change.archived !== undefined ? { archived: change.archived } : {}),
                ...(change.locked !== undefined ? { locked: change.locked } : {}),
                ...(change.auto_archive_duration !== undefined ? { autoArchiveDuration: change.auto_archive_duration } : {}),
                ...(change.invitable !== undefined ? { invitable: change.invitable } : {}),
              }),
            ),
          );
        },
      },
      {
        method: 'GET',
        route: '/channels/:channel_id/messages',
        auth: 'bot',
        handle: ({ params, query }) => {
          const channel = world.channel(params.channel_id ?? '');
          if (channel.guildId !== null) {
            this.#require(channel, 'viewChannel');
            if (!this.#require(channel, 'listMessages')) return ok([]);
          }
          const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50)));
          const before = query.get('before');
          const after = query.get('after');
          let list = this.#visibleMessages(channel);
          if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
          if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
          // Newest first, as Discord returns them.
          return ok((after ? list.slice(0, limit) : list.slice(-limit)).reverse());
        },
      },
      {
        method: 'POST',
        route: '/channels/:channel_id/messages',
        auth: 'bot',
        handle: ({ params, body, files, upload }) => {
          const channel = this.#sendableChannel(params.channel_id ?? '');
          const parsed = this.#withPermittedContent(channel, need(validateChannelMessageCreate(body, upload)), files);
          if (parsed.tts) this.#require(channel, 'sendTts');
          const reference = (body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id;
          if (reference !== undefined) {
            this.#require(channel, 'replyToMessage');
            world.findMessage(channel.id, reference);
          }
          if (parsed.enforce_nonce && parsed.nonce !== undefined) {
            // Discord answers a repeated nonce from the same author with the message it already
            // created, but remembers nonces only "in the past few minutes": after that, a resend
            // posts again, which is what a bot recovering from a long outage must guard against.
            const since = world.now() - NONCE_MEMORY_MS;
            const earlier = world
              .messagesIn(channel.id)
              .find(
                (r) =>
                  r.message.author.id === this.#bot() &&
                  r.message.nonce !== undefined &&
                  String(r.message.nonce) === String(parsed.nonce) &&
                  Date.parse(r.message.timestamp) >= since,
              );
            if (earlier) return ok(earlier.message);
          }
          const { message, pings } = composeMessage(world, {
            channelId: channel.id,
            authorId: this.#bot(),
            body: parsed,
            attachments: attachmentsFor(world, files, parsed.attachments, this.deps.urls().http),
          });
          assertNotEmpty(message);
          // Only an accepted message wakes an archived (unlocked) thread.
          world.wakeForMessage(channel.id, this.#bot());
          return ok(world.addMessage(channel.id, message, { pings }).message);
        },
      },
      {
        method: 'GET',
        route: '/channels/:channel_id/messages/:message_id',
        auth: 'bot',
        handle: ({ params }) => {
          const channel = world.channel(params.channel_id ?? '');
          this.#require(channel, 'fetchMessage');
          return ok(this.#readable(channel, this.#ownMessage(channel.id, params.message_id ?? '').message));
        },
      },
      {
        method: 'PATCH',
        route: '/channels/:channel_id/messages/:message_id',
        auth: 'bot',
        handle: ({ params, body, files }) => {
          const channel = world.channel(params.channel_id ?? '');
          if (channel.guildId !== null) this.#require(channel, 'viewChannel');
          // Unlike sending, editing doesn't unarchive a thread: Discord refuses it (50083).
          world.assertNotArchived(channel.id);
          const record = this.#ownMessage(channel.id, params.message_id ?? '');
          if (record.message.author.id !== this.#bot()) throw ApiErrors.cannotEditOthersMessage();
          const edit = this.#withPermittedContent(channel, need(validateChannelMessageEdit(body)), files);
          const added = files.length > 0 ? attachmentsFor(world, files, edit.attachments, this.deps.urls().http) : undefined;
          const { message, pings } = editedMessage(world, record.message, edit, added);
          assertNotEmpty(message);
          world.replaceMessage(channel.id, record, message, pings);
          return ok(message);
        },
      },
      {
        method: 'DELETE',
        route: '/channels/:channel_id/messages/:message_id',
        auth: 'bot',
        handle: ({ params }) => {
          const channel = world.channel(params.channel_id ?? '');
          const record = this.#ownMessage(channel.id, params.message_id ?? '');
          if (record.message.author.id !== this.#bot()) {
            // Someone else's message: only with Manage Messages, and never in a DM.
            if (channel.guildId === null) throw new DiscordApiError(403, 50003, 'Cannot execute action on a DM channel');
            if (!this.#has(channel, PermissionFlagsBits.ManageMessages)) throw ApiErrors.missingPermissions();
          }
          world.deleteMessage(channel.id, record.message.id);
          return noContent;
        },
      },
      {
        method: 'POST',
        route: '/channels/:channel_id/messages/:message_id/threads',
        auth: 'bot',
        handle: ({ params, body }) => {
          const channel = world.channel(params.channel_id ?? '');
          if (channel.thread || channel.guildId === null) throw ApiErrors.wrongChannelType();
          this.#require(channel, 'createPublicThread');
          const record = this.#ownMessage(channel.id, params.message_id ?? '');
          if (world.channels.has(record.message.id)) throw ApiErrors.threadAlreadyCreated();
          const input = need(validateThreadFromMessage(body));
          const thread = world.createThread({
            parentId: channel.id,
            name: input.name,
            ownerId: this.#bot(),
            // "The type of thread created matches the type of the parent channel" (Topics → Threads).
            type: channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread,
            starterMessageId: record.message.id,
            ...(input.auto_archive_duration !== undefined ? { autoArchiveDuration: input.auto_archive_duration } : {}),
          });
          const api = world.apiChannel(thread);
          world.replaceMessage(channel.id, record, { ...record.message, thread: api as never, flags: (record.message.flags ?? 0) | MessageFlags.HasThread }, record.pings);
          return { status: 201, body: api };
        },
      },
      {
        method: 'POST',
        route: '/channels/:channel_id/threads',
        auth: 'bot',
        handle: ({ params, body }) => {
          const channel = world.channel(params.channel_id ?? '');
          if (channel.thread || channel.guildId === null) throw ApiErrors.wrongChannelType();
          const input = need(validateThreadWithoutMessage(body));
          // API v9 and later default to a private thread; private threads exist only in text
          // channels and announcement threads only in announcement channels (Topics → Threads).
          const type = input.type ?? ChannelType.PrivateThread;
          const fits = channel.type === ChannelType.GuildAnnouncement ? type === ChannelType.AnnouncementThread : type !== ChannelType.AnnouncementThread;
          if (!fits) throw RequestErrors.threadTypeNotAllowed();
          this.#require(channel, type === ChannelType.PrivateThread ? 'createPrivateThread' : 'createPublicThread');
          const thread = world.createThread({
            parentId: channel.id,
            name: input.name,
            ownerId: this.#bot(),
            type,
            ...(input.auto_archive_duration !== undefined ? { autoArchiveDuration: input.auto_archive_duration } : {}),
            ...(input.invitable !== undefined ? { invitable: input.invitable } : {}),
          });
          return { status: 201, body: world.apiChannel(thread) };
        },
      },
      {
        method: 'PUT',
        route: '/channels/:channel_id/thread-members/:user_id',
        auth: 'bot',
        handle: ({ params }) => {
          const channel = world.channel(params.channel_id ?? '');
          if (!channel.thread || channel.guildId === null) throw ApiErrors.wrongChannelType();
          world.assertNotArchived(channel.id);
          this.#require(channel, 'addThreadMember');
          const userId = params.user_id === '@me' ? this.#bot() : (params.user_id ?? '');
          world.member(channel.guildId, userId);
          world.addThreadMember(channel.id, userId);
          return noContent;
        },
      },
      {
        method: 'PUT',
        route: '/guilds/:guild_id/members/:user_id/roles/:role_id',
        auth: 'bot',
        handle: ({ params }) => this.#changeRole(params, 'add'),
      },
      {
        method: 'DELETE',
        route: '/guilds/:guild_id/members/:user_id/roles/:role_id',
        auth: 'bot',
        handle: ({ params }) => this.#changeRole(params, 'remove'),
      },
      {
        method: 'GET',
        route: '/guilds/:guild_id',
        auth: 'bot',
        handle: ({ params, query }) => ok(world.apiGuild(this.#joinedGuild(params.guild_id), query.get('with_counts') === 'true')),
      },
      {
        method: 'GET',
        route: '/guilds/:guild_id/members/:user_id',
        auth: 'bot',
        handle: ({ params }) => {
          const guild = this.#joinedGuild(params.guild_id);
          return ok(world.apiMember(world.member(guild.id, params.user_id ?? '')));
        },
      },
      {
        method: 'GET',
        route: '/guilds/:guild_id/channels',
        auth: 'bot',
        handle: ({ params }) => {
          const guild = this.#joinedGuild(params.guild_id);
          return ok([...world.channels.values()].filter((c) => c.guildId === guild.id && !c.thread).map((c) => world.apiChannel(c)));
        },
      },
      {
        method: 'GET',
        route: '/guilds/:guild_id/roles',
        auth: 'bot',
        handle: ({ params }) => ok([...this.#joinedGuild(params.guild_id).roles.values()]),
      },
      {
        method: 'POST',
        route: '/users/@me/channels',
        auth: 'bot',
        handle: ({ body }) => {
          const { recipient_id } = need(validateDmChannelCreate(body));
          world.user(recipient_id);
          if (!world.existingDmChannel(this.#bot(), recipient_id) && !this.deps.dmOpenings.take()) throw RequestErrors.openingDmsTooFast();
          return ok(world.apiChannel(world.dmChannel(this.#bot(), recipient_id)));
        },
      },
    ];
  }

  #application(id: string | undefined): null {
    if (id !== this.deps.app.id) throw ApiErrors.unknownApplication();
    return null;
  }

  #joinedGuild(id: string | undefined) {
    const guild = this.deps.world.guild(id ?? '');
    if (!guild.members.has(this.#bot())) throw ApiErrors.unknownGuild();
    return guild;
  }

  #changeRole(params: Readonly<Record<string, string>>, change: 'add' | 'remove'): Reply {
    const { world } = this.deps;
    const guild = this.#joinedGuild(params.guild_id);
    const member = world.member(guild.id, params.user_id ?? '');
    const role = world.role(guild.id, params.role_id ?? '');
    const actor = world.member(guild.id, this.#bot());
    const permissionGuild = { id: guild.id, owner_id: guild.ownerId, roles: [...guild.roles.values()] };
    const permissionActor = { user: { id: actor.userId }, roles: actor.roles };
    if (!canManageRole(permissionGuild, permissionActor, role)) throw ApiErrors.missingPermissions();
    // A bot's own role, or an integration's, belongs to it alone: nobody grants or removes it by hand.
    if (role.managed) throw RequestErrors.managedRole();
    const roles = change === 'add' ? [...new Set([...member.roles, role.id])] : member.roles.filter((id) => id !== role.id);
    if (roles.length !== member.roles.length || roles.some((id, i) => member.roles[i] !== id)) {
      // A role given to a member still in rules screening lets them skip it: they are no longer
      // pending (Discord's Rules Screening FAQ; why Discord asks bots to wait for pending: false).
      world.updateMember(guild.id, member.userId, { roles, ...(change === 'add' && member.pending ? { pending: false } : {}) });
    }
    return noContent;
  }

  // ---- HTTP ---------------------------------------------------------------------------------------

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const method = (request.method ?? 'GET').toUpperCase();
    let routeName = url.pathname;
    let status = 500;
    const headers: Record<string, string> = {};
    let body: unknown;
    // A dropped request gets no answer at all: the connection is cut, as when a network fails.
    let dropped = false;
    try {
      if (method === 'GET' && url.pathname.startsWith('/attachments/')) {
        this.#serveAttachment(url.pathname, response);
        return;
      }
      if (!url.pathname.startsWith(`${API_PREFIX}/`)) throw ApiErrors.notFound();
      // Clients percent-encode segments (`/users/%40me`); Discord matches on the decoded path.
      const path = url.pathname
        .slice(API_PREFIX.length)
        .split('/')
        .map((segment) => {
          try {
            return decodeURIComponent(segment);
          } catch {
            return segment;
          }
        })
        .join('/');
      const match = matchRoute(this.#routes, method, path);
      if (!match) throw ApiErrors.notFound();
      routeName = match.template.route;
      const token = this.#token(request);
      if (match.template.auth === 'bot' && token !== this.deps.app.token) throw ApiErrors.unauthorized();
      const decision = this.deps.limiter.check({ method, route: match.template.route, params: match.params, token });
      Object.assign(headers, decision.headers);
      if (!decision.allowed) {
        status = decision.status;
        body = decision.body;
        return;
      }
      const { json, files, upload } = await this.#body(request, method);
      // Held here, the request has fully arrived but not been acted on: released after the client
      // died, it still takes effect, as a request already sent to Discord would.
      const intercepted = { method, route: match.template.route, params: match.params };
      const before = (await this.deps.faults?.intercept('before-handling', intercepted)) ?? { kind: 'continue' };
      if (before.kind === 'drop') {
        dropped = true;
        return;
      }
      if (before.kind === 'respond') {
        ({ status, body } = before.response);
        Object.assign(headers, before.response.headers);
        return;
      }
      // Threads left inactive archive themselves before anything the bot does sees them.
      this.deps.world.archiveInactiveThreads();
      const reply = match.template.handle({ params: match.params, query: url.searchParams, body: json, files, upload });
      status = reply.status;
      body = reply.body;
      dropped = (await this.deps.faults?.intercept('after-handling', intercepted))?.kind === 'drop';
    } catch (error) {
      if (error instanceof DiscordApiError) {
        status = error.status;
        body = error.toBody();
      } else {
        status = 500;
        body = { code: 0, message: `500: Internal Server Error (${error instanceof Error ? error.message : String(error)})` };
      }
    } finally {
      if (dropped) {
        response.destroy();
        this.deps.onRequest?.({ method, route: routeName, path: url.pathname, status: 0, at: Date.now() });
      } else if (!response.headersSent) {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        response.writeHead(status, { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) });
        response.end(payload);
        this.deps.onRequest?.({ method, route: routeName, path: url.pathname, status, at: Date.now() });
      }
    }
  }

  #token(request: IncomingMessage): string | undefined {
    const header = request.headers.authorization;
    return header?.startsWith('Bot ') ? header.slice(4) : undefined;
  }

  async #body(request: IncomingMessage, method: string): Promise<{ json: unknown; files: UploadedFile[]; upload: UploadedFiles }> {
    if (method === 'GET' || method === 'DELETE') {
      request.resume();
      return { json: undefined, files: [], upload: {} };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = request.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      // undici's own multipart parser, the same one fetch uses, rather than a hand-written one.
      const form = await new Request('http://emulator/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      const files: UploadedFile[] = [];
      const indices: number[] = [];
      let json: unknown;
      for (const [name, value] of form.entries()) {
        if (name === 'payload_json' && typeof value === 'string') {
          json = need(parsePayloadJson(value));
        } else if (typeof value !== 'string') {
          const index = /^files\[(\d+)\]$/.exec(name)?.[1];
          if (index !== undefined) indices.push(Number(index));
          files.push({ filename: value.name, contentType: value.type || 'application/octet-stream', data: Buffer.from(await value.arrayBuffer()) });
        }
      }
      return { json, files, upload: { files: indices } };
    }
    if (raw.length === 0) return { json: undefined, files: [], upload: {} };
    return { json: need(parsePayloadJson(raw.toString('utf8'))), files: [], upload: {} };
  }

  #serveAttachment(pathname: string, response: ServerResponse): void {
    const [, , id] = pathname.split('/');
    const file = id === undefined ? undefined : this.deps.world.files.get(id);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.contentType }).end(file.data);
  }
}

function need<T>(parsed: ValidationResult<T>): T {
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}
