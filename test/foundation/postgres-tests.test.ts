import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POSTGRES_TEST_FILES } from '../support/postgres-tests.js';

describe('the PostgreSQL half', () => {
  it('names only test files that exist, so a rename cannot drop a test from it unnoticed', () => {
    expect(POSTGRES_TEST_FILES.filter((file) => !existsSync(file))).toEqual([]);
  });
});
