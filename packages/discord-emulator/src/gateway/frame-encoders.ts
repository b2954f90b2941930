import { constants, createDeflate, deflateSync, type Deflate } from 'node:zlib';

export type FrameSender = (data: string | Buffer) => void;

/** Turns serialized payloads into WebSocket frames; the three variants are Discord's transports. */
export interface FrameEncoder {
  send(json: string): void;
  dispose(): void;
}

/** `encoding=json` without compression: one text frame per payload (discord.js's default). */
export class PlainEncoder implements FrameEncoder {
  constructor(private readonly sender: FrameSender) {}

  send(json: string): void {
    this.sender(json);
  }

  dispose(): void {}
}

/** IDENTIFY `compress: true`: each payload is its own zlib stream in a binary frame. */
export class PayloadZlibEncoder implements FrameEncoder {
  constructor(private readonly sender: FrameSender) {}

  send(json: string): void {
    this.sender(deflateSync(json));
  }

  dispose(): void {}
}

const SYNC_FLUSH_SUFFIX = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/**
 * `compress=zlib-stream`: one deflate context for the whole connection, each payload flushed with
 * Z_SYNC_FLUSH so the client knows a message ends where the output ends in 00 00 FF FF. Payloads go
 * through a queue so one message's output never interleaves with the next.
 */
export class ZlibStreamEncoder implements FrameEncoder {
  readonly #deflate: Deflate = createDeflate({ chunkSize: 65535 });
  #pending: Buffer[] = [];
  #queue: Promise<void> = Promise.resolve();
  #frameDone: (() => void) | null = null;
  #disposed = false;

  constructor(private readonly sender: FrameSender) {
    this.#deflate.on('data', (chunk: Buffer) => this.#collect(chunk));
    // A write after dispose is the only way to get here; nothing is listening for the output then.
    this.#deflate.on('error', () => this.dispose());
  }

  send(json: string): void {
    this.#queue = this.#queue.then(
      () =>
        new Promise<void>((resolve) => {
          if (this.#disposed) return resolve();
          this.#frameDone = resolve;
          this.#deflate.write(json);
          this.#deflate.flush(constants.Z_SYNC_FLUSH);
        }),
    );
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#deflate.destroy();
    this.#frameDone?.();
    this.#frameDone = null;
  }

  #collect(chunk: Buffer): void {
    this.#pending.push(chunk);
    const output = Buffer.concat(this.#pending);
    if (output.length < 4 || !output.subarray(-4).equals(SYNC_FLUSH_SUFFIX)) return;
    this.#pending = [];
    if (!this.#disposed) this.sender(output);
    const done = this.#frameDone;
    this.#frameDone = null;
    done?.();
  }
}
