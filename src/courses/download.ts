import { fail } from '../outcome.js';
import { decodeCourseFile, IMPORT_MAX_BYTES } from './imports.js';
import type { CourseOutcome } from './problems.js';

const DOWNLOAD_TIMEOUT_MS = 10_000;

/** The body's bytes, or undefined as soon as there are more than `limit`: the rest is never fetched. */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > limit) {
      // Cancelling closes the connection, so a huge file stops arriving.
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

/**
 * Fetches an attached course file as text. The attachment's declared size was checked already,
 * but a client can declare any size: the download itself stops past the limit.
 */
export async function downloadCourseFile(url: string, filename: string): Promise<CourseOutcome<string>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok || response.body === null) return fail({ kind: 'unreadable', filename });
    const bytes = await readAtMost(response.body, IMPORT_MAX_BYTES);
    if (bytes === undefined) return fail({ kind: 'too-large', size: undefined, limit: IMPORT_MAX_BYTES });
    return decodeCourseFile(filename, bytes);
  } catch {
    return fail({ kind: 'unreadable', filename });
  }
}
