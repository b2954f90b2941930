import { fail, succeed } from '../outcome.js';
import { IMPORT_MAX_BYTES } from './imports.js';
import type { CourseOutcome } from './problems.js';

const DOWNLOAD_TIMEOUT_MS = 10_000;

/** Fetches an attached course file as text. */
export async function downloadCourseFile(url: string, filename: string): Promise<CourseOutcome<string>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return fail({ kind: 'unreadable', filename });
    const bytes = await response.arrayBuffer();
    // The attachment's declared size was checked already; this guards against it being wrong.
    if (bytes.byteLength > IMPORT_MAX_BYTES) return fail({ kind: 'too-large', size: bytes.byteLength, limit: IMPORT_MAX_BYTES });
    return succeed(new TextDecoder().decode(bytes));
  } catch {
    return fail({ kind: 'unreadable', filename });
  }
}
