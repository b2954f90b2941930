import { randomBytes } from 'node:crypto';
import type { GatewayIdentity, SessionViewer } from './types.js';
import type { DispatchEnvelope } from './visibility.js';

export type SequencedDispatch = DispatchEnvelope & { s: number };

/** Where a live session's dispatches go: the socket currently bound to it. */
export interface DispatchSink {
  sendDispatch(dispatch: SequencedDispatch): void;
}

export type ReplayResult =
  | { kind: 'ok'; missed: SequencedDispatch[] }
  /** The client claims a sequence the session never reached. */
  | { kind: 'invalid-seq' }
  /** Some missed dispatches already fell out of the buffer. */
  | { kind: 'too-old' };

/**
 * One IDENTIFY's worth of state. It outlives sockets: dispatches keep numbering and buffering while
 * no socket is bound, which is what lets a RESUME replay them.
 */
export class GatewaySession {
  readonly id = randomBytes(16).toString('hex');
  #sequence = 0;
  #buffer: SequencedDispatch[] = [];
  /** Highest sequence evicted from the buffer; a resume from below it can't be served. */
  #evictedThrough = 0;
  #sink: DispatchSink | null = null;

  constructor(
    readonly identity: GatewayIdentity,
    readonly viewer: SessionViewer,
    private readonly bufferSize: number,
  ) {}

  get sequence(): number {
    return this.#sequence;
  }

  get sink(): DispatchSink | null {
    return this.#sink;
  }

  push(dispatch: DispatchEnvelope): SequencedDispatch {
    const sequenced: SequencedDispatch = { ...dispatch, s: ++this.#sequence };
    this.#buffer.push(sequenced);
    while (this.#buffer.length > this.bufferSize) {
      const evicted = this.#buffer.shift();
      if (evicted) this.#evictedThrough = evicted.s;
    }
    this.#sink?.sendDispatch(sequenced);
    return sequenced;
  }

  replayAfter(seq: number): ReplayResult {
    if (seq > this.#sequence) return { kind: 'invalid-seq' };
    if (seq < this.#evictedThrough) return { kind: 'too-old' };
    return { kind: 'ok', missed: this.#buffer.filter((dispatch) => dispatch.s > seq) };
  }

  bind(sink: DispatchSink): void {
    this.#sink = sink;
  }

  /** Only the sink that is bound may unbind, so a stale socket closing late can't orphan a resume. */
  unbind(sink: DispatchSink): void {
    if (this.#sink === sink) this.#sink = null;
  }
}

/** Sessions by id, each forgotten `ttlMs` after losing its socket unless resumed in time. */
export class SessionStore {
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #expiries = new Map<string, NodeJS.Timeout>();

  constructor(private readonly ttlMs: number) {}

  get size(): number {
    return this.#sessions.size;
  }

  add(session: GatewaySession): void {
    this.#sessions.set(session.id, session);
  }

  get(id: string): GatewaySession | undefined {
    return this.#sessions.get(id);
  }

  all(): IterableIterator<GatewaySession> {
    return this.#sessions.values();
  }

  /** Starts the resume window for a session whose socket just went away. */
  orphan(session: GatewaySession): void {
    this.#clearExpiry(session.id);
    const timer = setTimeout(() => this.delete(session.id), this.ttlMs);
    timer.unref();
    this.#expiries.set(session.id, timer);
  }

  adopt(session: GatewaySession): void {
    this.#clearExpiry(session.id);
  }

  delete(id: string): void {
    this.#clearExpiry(id);
    this.#sessions.delete(id);
  }

  clear(): void {
    for (const id of [...this.#sessions.keys()]) this.delete(id);
  }

  #clearExpiry(id: string): void {
    const timer = this.#expiries.get(id);
    if (timer) clearTimeout(timer);
    this.#expiries.delete(id);
  }
}
