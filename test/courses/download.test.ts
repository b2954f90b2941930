import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadCourseFile } from '../../src/courses/download.js';
import { IMPORT_MAX_BYTES } from '../../src/courses/imports.js';

describe('downloading a course file', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server === undefined ? done() : server.close(() => done()))));

  it('stops reading past the limit instead of downloading the whole file, however long it is', async () => {
    let sent = 0;
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      // An endless file: a download that reads to the end never returns.
      const chunk = Buffer.alloc(16_384, 0x20);
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) sent += chunk.length;
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((listening) => server?.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;

    const started = Date.now();
    const outcome = await downloadCourseFile(`http://127.0.0.1:${port}/course.json`, 'course.json');
    expect(outcome).toEqual({ ok: false, problem: { kind: 'too-large', size: undefined, limit: IMPORT_MAX_BYTES } });
    expect(Date.now() - started).toBeLessThan(3_000);
    server.closeAllConnections();
    expect(sent).toBeLessThan(20 * IMPORT_MAX_BYTES);
  });
});
