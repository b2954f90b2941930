import type { z } from 'zod';
import { zodIssuesToErrorTree } from './error-tree.js';
import { fail, ok, RequestErrors, type ValidationResult } from './errors.js';

/** Runs `schema` over a request body and answers the way Discord does: the value, or a 50035 tree. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): ValidationResult<T> {
  const result = schema.safeParse(body, { reportInput: true });
  return result.success ? ok(result.data) : fail(RequestErrors.invalidFormBody(zodIssuesToErrorTree(result.error.issues)));
}

/**
 * The `payload_json` part of a multipart upload, decoded. The REST layer splits the multipart body;
 * what comes out of here goes to the same validator as a JSON body would.
 */
export function parsePayloadJson(raw: string): ValidationResult<unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return ok(parsed);
  } catch {
    return fail(RequestErrors.invalidJson());
  }
}
