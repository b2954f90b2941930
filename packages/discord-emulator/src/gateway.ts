import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayVersion, type GatewayDispatchEvents } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { GatewayConnection, type ConnectionParams } from './gateway/connection.js';
import { SessionStore } from './gateway/session.js';
import { SessionStarts } from './gateway/sharding.js';
import type {
  ClientMessageRecord,
  DispatchData,
  DispatchOptions,
  GatewayIdentitySource,
  GatewayServerOptions,
} from './gateway/types.js';
import { viewDispatch, type DispatchEnvelope } from './gateway/visibility.js';

export type {
  ClientMessageRecord,
  DispatchData,
  DispatchOptions,
  GatewayIdentity,
  GatewayIdentitySource,
  GatewayServerOptions,
} from './gateway/types.js';

const DEFAULTS = {
  heartbeatIntervalMs: 41_250,
  sessionTtlMs: 60_000,
  replayBufferSize: 1_000,
};

/** Close code for dropConnections: "unknown error", which discord.js answers with a RESUME. */
const DROP_CLOSE_CODE = 4000;

/** Bounded so a test that never reads the log can't grow memory without limit. */
const MESSAGE_LOG_LIMIT = 10_000;

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Discord Gateway v10 on the emulator's HTTP port. Real discord.js clients connect, identify or
 * resume, and receive whatever the emulator dispatches, filtered per session by intents.
 */
export class GatewayServer {
  readonly #source: GatewayIdentitySource;
  readonly #heartbeatIntervalMs: number;
  readonly #replayBufferSize: number;
  readonly #sessions: SessionStore;
  readonly #sessionStarts: SessionStarts;
  readonly #connections = new Set<GatewayConnection>();
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  readonly #attachments: { server: Server; listener: UpgradeListener }[] = [];
  readonly #log: ClientMessageRecord[] = [];
  readonly #listeners = new Set<(message: ClientMessageRecord) => void>();

  constructor(options: GatewayServerOptions) {
    this.#source = options.source;
    this.#heartbeatIntervalMs = options.heartbeatIntervalMs ?? DEFAULTS.heartbeatIntervalMs;
    this.#replayBufferSize = options.replayBufferSize ?? DEFAULTS.replayBufferSize;
    this.#sessions = new SessionStore(options.sessionTtlMs ?? DEFAULTS.sessionTtlMs);
    this.#sessionStarts = options.sessionStarts ?? new SessionStarts();
  }

  /**
   * Serves WebSocket upgrades for `path` on `server`. Upgrades for other paths are left to other
   * listeners, or refused with 404 when nobody else handles upgrades.
   */
  attach(server: Server, path = '/gateway'): void {
    const wanted = normalizePath(path);
    const listener: UpgradeListener = (request, socket, head) => {
      const url = new URL(request.url ?? '/', 'http://emulator.invalid');
      if (normalizePath(url.pathname) !== wanted) {
        if (server.listenerCount('upgrade') === 1) {
          socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        }
        return;
      }
      this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, request, url, wanted));
    };
    server.on('upgrade', listener);
    this.#attachments.push({ server, listener });
  }

  /**
   * Sends a dispatch to every session entitled to it (intents, shard, `options.userIds`), each with
   * its own sequence number; sessions without a socket buffer it for RESUME. Returns how many
   * sessions it was queued for.
   */
  dispatch<E extends GatewayDispatchEvents>(event: E, data: DispatchData<E>, options: DispatchOptions = {}): number {
    // DispatchData<E> is exactly the `d` paired with `E` in the envelope union; TS can't correlate a
    // generic key with a union member, so the pairing is asserted here, once.
    const envelope = { t: event, d: data } as DispatchEnvelope;
    let delivered = 0;
    for (const session of this.#sessions.all()) {
      if (options.userIds && !options.userIds.includes(session.identity.user.id)) continue;
      const view = viewDispatch(envelope, session.viewer);
      if (!view) continue;
      session.push(view);
      delivered++;
    }
    return delivered;
  }

  /** Server-sent op 1 to every open socket; clients must heartbeat immediately. */
  requestHeartbeats(): void {
    for (const connection of this.#connections) connection.requestHeartbeat();
  }

  /** Server-sent op 7 to every open socket; clients reconnect and resume. */
  requestReconnect(): void {
    for (const connection of this.#connections) connection.requestReconnect();
  }

  /** Closes every socket with a resumable code, keeping sessions so clients RESUME. */
  dropConnections(code: number = DROP_CLOSE_CODE): void {
    for (const connection of this.#connections) connection.drop(code);
  }

  /** Sessions that exist, bound to a socket or waiting to be resumed. */
  get sessionCount(): number {
    return this.#sessions.size;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Every payload clients sent, oldest first, tokens redacted. */
  get clientMessages(): readonly ClientMessageRecord[] {
    return this.#log;
  }

  onClientMessage(listener: (message: ClientMessageRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves with the next client payload matching `predicate` received after this call. */
  nextClientMessage(
    predicate: (message: ClientMessageRecord) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<ClientMessageRecord> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`No matching gateway client message within ${timeoutMs}ms`));
      }, timeoutMs);
      timer.unref();
      const unsubscribe = this.onClientMessage((message) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(message);
      });
    });
  }

  /** Stops accepting upgrades, cuts every socket and forgets every session. */
  async close(): Promise<void> {
    for (const { server, listener } of this.#attachments.splice(0)) server.off('upgrade', listener);
    for (const connection of this.#connections) connection.terminate();
    this.#connections.clear();
    this.#sessions.clear();
    this.#listeners.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #accept(ws: WebSocket, request: IncomingMessage, url: URL, path: string): void {
    const params = connectionParams(url, request, path);
    if ('refusal' in params) {
      ws.close(params.refusal.code, params.refusal.reason);
      return;
    }
    const connection = new GatewayConnection(
      ws,
      {
        source: this.#source,
        sessions: this.#sessions,
        sessionStarts: this.#sessionStarts,
        heartbeatIntervalMs: this.#heartbeatIntervalMs,
        replayBufferSize: this.#replayBufferSize,
        record: (message) => this.#record(message),
      },
      params,
    );
    this.#connections.add(connection);
    ws.on('close', () => this.#connections.delete(connection));
    connection.start();
  }

  #record(message: ClientMessageRecord): void {
    this.#log.push(message);
    if (this.#log.length > MESSAGE_LOG_LIMIT) this.#log.shift();
    for (const listener of [...this.#listeners]) listener(message);
  }
}

type Refusal = { refusal: { code: number; reason: string } };

/** Reads `?v=&encoding=&compress=`; only what discord.js can ask for is emulated. */
function connectionParams(url: URL, request: IncomingMessage, path: string): ConnectionParams | Refusal {
  const version = url.searchParams.get('v');
  if (version !== null && version !== GatewayVersion) {
    return { refusal: { code: 4012, reason: 'Invalid API version.' } };
  }
  const encoding = url.searchParams.get('encoding');
  if (encoding !== null && encoding !== 'json') {
    // 1003 "unsupported data": the emulator speaks no ETF, and no Discord close code says so.
    return { refusal: { code: 1003, reason: 'Only encoding=json is emulated.' } };
  }
  const compress = url.searchParams.get('compress');
  if (compress !== null && compress !== 'zlib-stream') {
    return { refusal: { code: 1003, reason: 'Only compress=zlib-stream is emulated.' } };
  }
  const host = request.headers.host ?? '127.0.0.1';
  return {
    resumeUrl: `ws://${host}${path}`,
    compression: compress === null ? 'none' : 'zlib-stream',
  };
}

function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
