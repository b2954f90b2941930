import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/content/load.js';
import { loadRitualContent, StarterPoemSchema, type StarterPoem } from '../../src/rituals/content.js';

async function shippedPoems(): Promise<readonly StarterPoem[]> {
  const result = await loadRitualContent();
  if (!result.ok) throw result.error;
  return result.value.poems;
}

function poem(poems: readonly StarterPoem[], key: string): StarterPoem {
  const found = poems.find((p) => p.key === key);
  if (!found) throw new Error(`no shipped poem ${key}`);
  return found;
}

describe('the starter poems in data/rituals/poems.json', () => {
  it('say for every poem which edition its text follows', async () => {
    for (const p of await shippedPoems()) expect(p.edition, p.key).toMatch(/\b1[6-9]\d\d\b/);
  });

  it('give "We Wear the Mask" as Lyrics of Lowly Life (1896) prints it', async () => {
    const mask = poem(await shippedPoems(), 'dunbar-we-wear-the-mask');
    expect(mask.text).toContain('We smile, but, O great Christ, our cries\nTo thee from tortured souls arise.');
    expect(mask.text).not.toContain('we cry');
    expect(mask.edition).toContain('Lyrics of Lowly Life (1896)');
  });

  it('give "Hope" as the 1891 Second Series prints it, without the modern quotation marks', async () => {
    const hope = poem(await shippedPoems(), 'dickinson-hope');
    expect(hope.source).toContain('Second Series');
    expect(hope.text.split('\n')[0]).toBe('Hope is the thing with feathers');
    expect(`${hope.title}\n${hope.text}`).not.toMatch(/["“”]/);
  });

  it('date "O Me! O Life!" to its first printing, Sequel to Drum-Taps (1865–66), with year and source agreeing', async () => {
    const poems = await shippedPoems();
    const life = poem(poems, 'whitman-o-me-o-life');
    expect(life.year).toBe(1865);
    expect(life.source).toMatch(/^Sequel to Drum-Taps \(Washington, 1865–66\)/);
    expect(life.edition).toContain('Leaves of Grass (Philadelphia, 1891–92)');
    for (const p of poems) expect(p.source, p.key).toContain(String(p.year));
  });

  it('refuse a poem that does not say which edition it follows, pointing at the poem', () => {
    const entry = { key: 'fog', title: 'Fog', author: 'Carl Sandburg', year: 1916, source: 'Chicago Poems (1916)', text: 'The fog comes\non little cat feet.', questions: ['One?', 'Two?'] };
    const missing = parseContent('data/rituals/poems.json', JSON.stringify([entry], null, 2), StarterPoemSchema.array());
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.problems.map((p) => p.at)).toEqual(['[0].edition']);
      expect(missing.error.problems[0]?.message).toMatch(/^must say which edition the text follows/);
    }
    const blank = StarterPoemSchema.safeParse({ ...entry, edition: '  ' });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.message).toMatch(/^must say which edition the text follows/);
  });
});

describe('the starter podcast-club prompts', () => {
  it('speak to members only: no moderator instructions in what the club reads', async () => {
    const content = await loadRitualContent();
    if (!content.ok) throw content.error;
    for (const prompt of content.value.podcasts) expect(`${prompt.title} ${prompt.about ?? ''}`, prompt.key).not.toMatch(/\/podcast add|moderators can/i);
  });
});
