import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { arg, customId, parseCustomId } from '../../src/interactions/custom-id.js';

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

  it('reads a version or a number only as encode writes it: no exponent, sign, leading zero or space', () => {
    for (const version of ['1e0', '01', '+1', ' 1', '1.0', '0x1', '']) expect(parseCustomId(`a:b:${version}`)).toBeUndefined();
    expect(parseCustomId('a:b:12')?.version).toBe(12);
    const run = customId('protocol', 'next', 1, [arg.id, arg.index]);
    expect(run.decodeArgs(['42', '0'])).toEqual([42, 0]);
    for (const bad of [['042', '0'], ['4e1', '0'], ['0', '0'], ['42', '01'], ['9007199254740993', '0'], ['-1', '0']]) expect(run.decodeArgs(bad)).toBeUndefined();
    expect(arg.snowflake.safeParse('123456789012345678').success).toBe(true);
    expect(arg.snowflake.safeParse('0123456789012345678').success).toBe(false);
  });
});
