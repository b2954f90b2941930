import { describe, expect, it } from 'vitest';
import { readTable, renderTable, routedKeys, routeFiles } from '../support/custom-id-table.js';

describe('custom_id → handler, one hop', () => {
  it('finds every route the bot answers in exactly one src/<area>/discord/*-routes.ts file', async () => {
    const declared = (await routeFiles()).flatMap(({ routes }) => routes.map((route) => route.spec.key)).sort();
    expect(declared).toEqual(await routedKeys());
  });

  it('keeps docs/custom-ids.md up to date (npm run docs:custom-ids rewrites it)', async () => {
    expect(await readTable()).toBe(await renderTable());
  });
});
