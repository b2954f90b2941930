import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customId, parseCustomId } from '../../src/interactions/custom-id.js';

const snowflake = z.string().regex(/^\d+$/);
const commit = customId('onboarding', 'commit', 2, [snowflake, z.coerce.number().int().min(0)]);

describe('custom_id scheme', () => {
  it('encodes domain:action:version:args and decodes them back with their types', () => {
    const id = commit.encode('123456789012345678', 3);
    expect(id).toBe('onboarding:commit:2:123456789012345678:3');
    const parsed = parseCustomId(id);
    expect(parsed).toEqual({ key: 'onboarding:commit', version: 2, args: ['123456789012345678', '3'] });
    expect(commit.decodeArgs(parsed?.args ?? [])).toEqual(['123456789012345678', 3]);
  });

  it('refuses arguments that do not fit, so an old or forged id is never misread', () => {
    expect(commit.decodeArgs(['abc', '3'])).toBeUndefined();
    expect(commit.decodeArgs(['123'])).toBeUndefined();
    expect(parseCustomId('not ours')).toBeUndefined();
  });

  it("fails loudly at encode time when an id would break Discord's 100-character limit", () => {
    const long = customId('x', 'y', 1, [z.string()]);
    expect(() => long.encode('a'.repeat(100))).toThrow(/100/);
    expect(() => long.encode('a:b')).toThrow(/contains/);
  });
});
