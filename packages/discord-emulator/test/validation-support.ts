import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { ValidationResult } from '../src/validation/index.js';

/** The 50035 error tree of a refused body. */
export function refused(result: ValidationResult<unknown>): unknown {
  if (result.ok) throw new Error('expected the body to be refused');
  expect(result.error.toBody()).toMatchObject({ code: RESTJSONErrorCodes.InvalidFormBodyOrContentType, message: 'Invalid Form Body' });
  expect(result.error.status).toBe(400);
  return result.error.errors;
}

export function accepted<T>(result: ValidationResult<T>): T {
  if (!result.ok) throw new Error(`expected the body to pass, got ${JSON.stringify(result.error.toBody())}`);
  return result.value;
}

/** One error at a path; without `message`, any wording passes. */
export const leaf = (code: string, message?: string) => ({ _errors: [{ code, message: message ?? expect.any(String) }] });

export const chars = (n: number, c = 'a') => c.repeat(n);
