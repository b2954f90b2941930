import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  GatewayVersion,
} from 'discord-api-types/v10';
import { WebSocket, type RawData } from 'ws';
import {
  decodeClientFrame,
  redactToken,
  type ClientPayload,
  type IdentifyData,
  type RequestGuildMembersData,
  type ResumeData,
} from './client-payloads.js';
import { PayloadZlibEncoder, PlainEncoder, ZlibStreamEncoder, type FrameEncoder } from './frame-encoders.js';
import { KNOWN_INTENTS, PRIVILEGED_INTENTS } from './intents.js';
import { answerMemberRequest } from './member-requests.js';
import { MAX_GUILDS_PER_SHARD, type SessionStarts } from './sharding.js';
import { GatewaySession, type DispatchSink, type SequencedDispatch, type SessionStore } from './session.js';
import type { ClientMessageRecord, GatewayIdentitySource, SessionViewer } from './types.js';
import { isInShard, viewDispatch } from './visibility.js';

/** What every connection shares with the server that accepted it. */
export interface ConnectionContext {
  readonly source: GatewayIdentitySource;
  readonly sessions: SessionStore;
  readonly sessionStarts: SessionStarts;
  readonly heartbeatIntervalMs: number;
  readonly replayBufferSize: number;
  record(message: ClientMessageRecord): void;
}

export interface ConnectionParams {
  /** The ws:// URL this socket came in on, without query; handed out as `resume_gateway_url`. */
  resumeUrl: string;
  compression: 'none' | 'zlib-stream';
}

/** Any server → client payload; dispatches carry `s`/`t`, everything else sends them as null. */
interface ServerFrame {
  op: GatewayOpcodes;
  d: unknown;
  s: number | null;
  t: string | null;
}

/** Client sends allowed per window before Discord closes with 4008. */
const SEND_LIMIT = 120;
const SEND_WINDOW_MS = 60_000;
const DEFAULT_LARGE_THRESHOLD = 50;

/** One client socket speaking Gateway v10: handshake, heartbeats, identify/resume and requests. */
export class GatewayConnection implements DispatchSink {
  #session: GatewaySession | null = null;
  #encoder: FrameEncoder;
  #windowStart = Date.now();
  #sentInWindow = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly context: ConnectionContext,
    private readonly params: ConnectionParams,
  ) {
    const sender = (data: string | Buffer): void => {
      if (socket.readyState === WebSocket.OPEN) socket.send(data);
    };
    this.#encoder = params.compression === 'zlib-stream' ? new ZlibStreamEncoder(sender) : new PlainEncoder(sender);
  }

  get session(): GatewaySession | null {
    return this.#session;
  }

  start(): void {
    this.socket.on('message', (raw) => this.#onMessage(toBuffer(raw)));
    this.socket.on('close', (code) => this.#onClose(code));
    const hello = { heartbeat_interval: this.context.heartbeatIntervalMs };
    this.#send({ op: GatewayOpcodes.Hello, d: hello, s: null, t: null });
  }

  sendDispatch(dispatch: SequencedDispatch): void {
    this.#send({ op: GatewayOpcodes.Dispatch, d: dispatch.d, s: dispatch.s, t: dispatch.t });
  }

  /**
   * Another socket resumed this session, so this one is stale. 1000 rather than a resumable code:
   * a client still listening here must identify afresh, not fight the new socket for the session.
   */
  supersede(): void {
    this.#session = null;
    this.close(1000, 'Session resumed elsewhere.');
  }

  /** Server op 1: asks the client to heartbeat right now. */
  requestHeartbeat(): void {
    this.#send({ op: GatewayOpcodes.Heartbeat, d: null, s: null, t: null });
  }

  /** Server op 7: the client should reconnect and resume. */
  requestReconnect(): void {
    this.#send({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  /**
   * Severs the socket the way a network blip would, keeping the session resumable. The session is
   * released before the close completes so dispatches sent in between are buffered, not lost.
   */
  drop(code: number): void {
    this.#releaseSession(true);
    this.close(code, 'Connection dropped by the emulator.');
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  terminate(): void {
    this.#encoder.dispose();
    this.socket.terminate();
  }

  #send(frame: ServerFrame): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.#encoder.send(JSON.stringify(frame));
  }

  #onClose(code: number): void {
    this.#encoder.dispose();
    // Discord ends the session on a clean 1000/1001 close; anything else may come back with RESUME.
    this.#releaseSession(code !== 1000 && code !== 1001);
  }

  #releaseSession(resumable: boolean): void {
    const session = this.#session;
    if (!session) return;
    this.#session = null;
    session.unbind(this);
    if (resumable) this.context.sessions.orphan(session);
    else this.context.sessions.delete(session.id);
  }

  #onMessage(raw: Buffer): void {
    if (this.#overSendLimit()) {
      this.close(GatewayCloseCodes.RateLimited, 'You are being rate limited.');
      return;
    }
    const decoded = decodeClientFrame(raw);
    if (!decoded.ok) {
      this.close(decoded.code, decoded.reason);
      return;
    }
    const { payload } = decoded;
    this.context.record({
      op: payload.op,
      d: redactToken(payload.d),
      sessionId: this.#session?.id ?? null,
      receivedAt: Date.now(),
    });
    this.#handle(payload);
  }

  #handle(payload: ClientPayload): void {
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#send({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        if (this.#session) return this.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        return this.#identify(payload.d);
      case GatewayOpcodes.Resume:
        if (this.#session) return this.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        return this.#resume(payload.d);
      default:
        if (!this.#session) return this.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        if (payload.op === GatewayOpcodes.RequestGuildMembers) this.#requestMembers(this.#session, payload.d);
        // Presence, voice and soundboard requests have nothing to drive in the emulator; they are
        // accepted (and logged) so clients that send them keep working.
        return;
    }
  }

  #identify(d: IdentifyData): void {
    const identity = this.context.source.authenticate(d.token);
    if (!identity) return this.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');

    const { intents } = d;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || (intents & ~KNOWN_INTENTS) !== 0) {
      return this.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    }
    if ((intents & PRIVILEGED_INTENTS & ~identity.privilegedIntents) !== 0) {
      return this.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
    }
    const [shardId, shardCount] = d.shard ?? [0, 1];
    if (shardId >= shardCount) return this.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
    const shard = [shardId, shardCount] as const;
    const guilds = this.context.source.guildsFor(identity.user.id).filter((guild) => isInShard(guild.id, shard));
    if (guilds.length > MAX_GUILDS_PER_SHARD) return this.close(GatewayCloseCodes.ShardingRequired, 'Sharding required.');
    // Refused starts don't count against the bucket; the client identifies again on a new socket.
    if (!this.context.sessionStarts.admit(shardId).ok) return this.#invalidSession();

    if (d.compress === true && this.params.compression === 'none') {
      this.#encoder = new PayloadZlibEncoder((data) => {
        if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data);
      });
    }

    const viewer: SessionViewer = {
      userId: identity.user.id,
      intents,
      largeThreshold: Math.min(250, Math.max(50, d.large_threshold ?? DEFAULT_LARGE_THRESHOLD)),
      shard,
    };
    const session = new GatewaySession(identity, viewer, this.context.replayBufferSize);
    this.context.sessions.add(session);
    this.#session = session;
    session.bind(this);

    session.push({
      t: GatewayDispatchEvents.Ready,
      d: {
        v: Number(GatewayVersion),
        user: identity.user,
        guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: this.params.resumeUrl,
        shard: [shardId, shardCount],
        application: {
          id: identity.application.id,
          flags: identity.application.flags,
          flags_new: String(identity.application.flags),
        },
      },
    });
    // Guilds arrive lazily after READY, and only for sessions with GUILDS; viewDispatch applies the
    // intent and trims members/presences for this session.
    for (const guild of guilds) {
      const view = viewDispatch({ t: GatewayDispatchEvents.GuildCreate, d: guild }, viewer);
      if (view) session.push(view);
    }
  }

  #resume(d: ResumeData): void {
    const session = this.context.sessions.get(d.session_id);
    if (!session) return this.#invalidSession();
    const identity = this.context.source.authenticate(d.token);
    if (!identity || identity.user.id !== session.identity.user.id) {
      return this.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    }

    const replay = session.replayAfter(d.seq);
    if (replay.kind === 'invalid-seq') {
      this.context.sessions.delete(session.id);
      return this.close(GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
    }
    if (replay.kind === 'too-old') {
      this.context.sessions.delete(session.id);
      return this.#invalidSession();
    }

    const previous = session.sink;
    if (previous instanceof GatewayConnection && previous !== this) previous.supersede();
    this.context.sessions.adopt(session);
    this.#session = session;
    for (const missed of replay.missed) this.sendDispatch(missed);
    // RESUMED takes no sequence number: discord.js counts replayed events as (last s - s at close),
    // which would be off by one if RESUMED consumed a number.
    this.#send({ op: GatewayOpcodes.Dispatch, d: null, s: null, t: GatewayDispatchEvents.Resumed });
    session.bind(this);
  }

  #invalidSession(): void {
    this.#send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
  }

  #requestMembers(session: GatewaySession, request: RequestGuildMembersData): void {
    const guild = this.context.source
      .guildsFor(session.identity.user.id)
      .find((candidate) => candidate.id === request.guild_id);
    const chunks = answerMemberRequest(request, guild, session.viewer);
    if (!chunks) return;
    for (const chunk of chunks) session.push({ t: GatewayDispatchEvents.GuildMembersChunk, d: chunk });
  }

  #overSendLimit(): boolean {
    const now = Date.now();
    if (now - this.#windowStart >= SEND_WINDOW_MS) {
      this.#windowStart = now;
      this.#sentInWindow = 0;
    }
    return ++this.#sentInWindow > SEND_LIMIT;
  }
}

function toBuffer(raw: RawData): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.from(raw);
}
