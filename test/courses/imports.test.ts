import { describe, expect, it } from 'vitest';
import { decodeCourseFile, nestsDeeperThan } from '../../src/courses/imports.js';

describe('reading a course file before parsing it', () => {
  it('counts nesting outside strings only, escaped quotes included', () => {
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan(`{"text":"${'[{'.repeat(50)} \\" ${'['.repeat(50)}"}`, 3)).toBe(false);
  });

  it('takes UTF-8 (with or without a byte-order mark) and refuses anything else', () => {
    expect(decodeCourseFile('c.json', Buffer.from('\uFEFF{"title":"Círculos"}', 'utf8'))).toEqual({ ok: true, value: '{"title":"Círculos"}' });
    expect(decodeCourseFile('c.json', Buffer.from('{"title":"Círculos"}', 'latin1'))).toEqual({ ok: false, problem: { kind: 'not-utf8', filename: 'c.json' } });
  });
});
