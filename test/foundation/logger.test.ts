import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes a secret, whichever field or message carries it', () => {
    const { lines, stream } = capture();
    const token = 'MTIz.secret.token';
    const logger = createLogger({ level: 'info', secrets: [token], destination: stream });
    logger.info({ token }, 'by field');
    logger.info({ headers: { authorization: `Bot ${token}` } }, 'by header');
    logger.error({ err: new Error(`request failed with ${token}`) }, `in the message: ${token}`);
    const output = lines.join('');
    expect(lines).toHaveLength(3);
    expect(output).not.toContain(token);
    expect(output).toContain('[redacted]');
  });

  it('honours the level', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'warn', destination: stream });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['loud']);
  });
});
