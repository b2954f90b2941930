import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadCommunity } from '../../src/content/community.js';
import { parseContent } from '../../src/content/load.js';

const Schema = z.object({ items: z.array(z.object({ title: z.string().max(5), year: z.number() })) });

describe('content files', () => {
  it('ships valid community content', async () => {
    const result = await loadCommunity();
    expect(result.ok).toBe(true);
  });

  it('points each problem at its file, line and place in the document', () => {
    const text = ['{', '  "items": [', '    { "title": "ok", "year": 1 },', '    { "title": "too long" }', '  ]', '}'].join('\n');
    const result = parseContent('data/x.json', text, Schema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map((p) => `${p.file}:${p.line} ${p.at}`)).toEqual(['data/x.json:4 items[1].title', 'data/x.json:4 items[1].year']);
    expect(result.error.message).toContain('data/x.json:4:');
  });

  it('reports JSON syntax errors with their line', () => {
    const result = parseContent('data/y.json', '{\n  "items": [\n    1,\n  ]\n}', Schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems[0]?.line).toBe(4);
  });
});
