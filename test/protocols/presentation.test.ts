import { describe, expect, it } from 'vitest';
import { readDueDate, formatDueDate } from '../../src/protocols/due-date.js';
import { EMBED_LIMITS, embedLength, fitFirst, fitLatest, truncate } from '../../src/presentation/embed-fit.js';
import { loadProtocols, type Protocol } from '../../src/protocols/protocol-content.js';
import type { Run } from '../../src/protocols/runs.js';
import type { Contribution, StepData } from '../../src/protocols/step-data.js';
import { stepMessage } from '../../src/protocols/discord/step-view.js';
import { summaryEmbed } from '../../src/protocols/discord/summary-view.js';
import { threadName } from '../../src/protocols/discord/thread-name.js';
import { audienceOf } from '../../src/protocols/discord/audience.js';
import { ENGLISH, readerOf } from '../../src/i18n/locales.js';
import { contributionForm } from '../../src/protocols/discord/forms.js';

const loaded = await loadProtocols();
if (!loaded.ok) throw loaded.error;
const protocol = (id: string): Protocol => {
  const found = loaded.value.get(id);
  if (found === undefined) throw new Error(`no protocol ${id}`);
  return found;
};

const run = (step: number, state: 'running' | 'paused' = 'running'): Run => ({
  id: 7,
  guildId: '1',
  channelId: '2',
  threadId: '3',
  protocolId: 'five-whys',
  topic: 'T'.repeat(300),
  facilitatorId: '100000000000000001',
  step,
  stepMessageId: '9',
  startedAt: new Date('2026-11-24T09:00:00.000Z'),
  state,
});

const long = (n: number): Contribution => ({ id: n, step: 1, authorId: '100000000000000002', text: `${n} ${'word '.repeat(79)}`.trim(), category: null });

function withinLimits(embed: { title?: string; description?: string; fields?: { name: string; value: string }[] }): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
  expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
}

describe('fitting text into Discord', () => {
  it('cuts without splitting a character and marks the cut', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('keeps the newest lines and says how many earlier ones are left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const fitted = fitLatest(lines, 60, (n) => `…and ${n} earlier`);
    expect(fitted.text.length).toBeLessThanOrEqual(60);
    expect(fitted.text.split('\n')[0]).toBe(`…and ${fitted.hidden} earlier`);
    expect(fitted.text.endsWith('line 49')).toBe(true);
    expect(fitFirst(lines, 60, (n) => `…and ${n} more`).text.startsWith('line 0\n')).toBe(true);
  });

  it('names a thread after its topic, within 100 characters', () => {
    expect(threadName('  Monday\n absences  ')).toBe('Monday absences');
    const name = threadName('word '.repeat(40));
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith('word…')).toBe(true);
    expect(threadName('x'.repeat(150))).toBe(`${'x'.repeat(99)}…`);
  });
});

describe('a step message with a lot in it', () => {
  it('lists 200 long answers within the limits, newest last, with how many are left out', () => {
    const data: StepData = { kind: 'answers', contributions: Array.from({ length: 200 }, (_, i) => long(i)) };
    const message = stepMessage(run(1), protocol('five-whys'), 1, data, 'current', ENGLISH);
    const embed = message.embeds[0] ?? {};
    withinLimits(embed);
    expect(embed.description).toContain('**Added so far (200)**');
    expect(embed.description).toMatch(/…and \d+ earlier \(all of them are in `\/protocol export`\)/);
    expect(embed.description).toContain('199 word word');
  });

  it('sorts many causes onto their bones within the limits', () => {
    const bones = protocol('fishbone');
    const categories = ['Policies', 'Practices', 'People', 'Place', 'Student experience', 'Community', null];
    const data: StepData = { kind: 'causes', contributions: Array.from({ length: 140 }, (_, i) => ({ ...long(i), category: categories[i % 7] ?? null })) };
    const embed = stepMessage(run(1), bones, 1, data, 'current', ENGLISH).embeds[0] ?? {};
    withinLimits(embed);
    expect(embed.fields?.map((f) => f.name)).toEqual(['Policies (20)', 'Practices (20)', 'People (20)', 'Place (20)', 'Student experience (20)', 'Community (20)', 'Not sorted yet (20)']);
  });

  it('shows the bones in the reader’s words, and offers them in the form with the stored category as the value', () => {
    const spanish = readerOf('es-ES');
    const data: StepData = { kind: 'causes', contributions: [{ ...long(1), category: 'Student experience' }, { ...long(2), category: null }] };
    const embed = stepMessage(run(1), protocol('fishbone'), 1, data, 'current', spanish).embeds[0] ?? {};
    expect(embed.title).toBe('Paso 2 de 5 · Completa las espinas');
    expect(embed.fields?.map((f) => f.name)).toEqual(['Normas (0)', 'Prácticas (0)', 'Personas (0)', 'Lugar (0)', 'Experiencia estudiantil (1)', 'Comunidad (0)', 'Sin clasificar todavía (1)']);
    const { t, read } = audienceOf(spanish);
    const form = contributionForm(read(protocol('fishbone')), 7, 1, t);
    const bone = form.components[0];
    if (bone?.type !== 18 || bone.component.type !== 3) throw new Error('expected the bone menu first');
    expect(bone.label).toBe('¿En qué espina va?');
    expect(bone.component.options.find((o) => o.value === 'Student experience')?.label).toBe('Experiencia estudiantil');
  });

  it('offers at most 25 choices, the chosen ones first and selected', () => {
    const candidates = Array.from({ length: 40 }, (_, i) => long(i));
    const data: StepData = { kind: 'choices', candidates, chosen: new Set([39, 38]) };
    const message = stepMessage(run(6), protocol('five-whys'), 6, data, 'current', ENGLISH);
    const menu = message.components[0]?.components[0];
    if (menu?.type !== 3) throw new Error('expected the menu first');
    expect(menu.options).toHaveLength(25);
    expect(menu.options.slice(0, 2).map((o) => [o.value, o.default])).toEqual([['38', true], ['39', true]]);
    expect(menu.options.every((o) => o.label.length <= 100 && (o.description?.length ?? 0) <= 100)).toBe(true);
    expect(menu.max_values).toBe(25);
  });

  it('shows Resume and Finish only while paused, and no buttons once closed', () => {
    const data: StepData = { kind: 'answers', contributions: [] };
    const paused = stepMessage(run(2, 'paused'), protocol('five-whys'), 2, data, 'current', ENGLISH);
    expect(paused.components[0]?.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['Resume', 'Finish early']);
    expect(stepMessage(run(3), protocol('five-whys'), 2, data, 'current', ENGLISH).components).toEqual([]);
    expect(stepMessage(run(2), protocol('five-whys'), 2, data, 'closed', ENGLISH).components).toEqual([]);
  });

  it('keeps a summary with many root causes and actions within the limits', () => {
    const items = Array.from({ length: 60 }, (_, i) => long(i));
    const actions = Array.from({ length: 60 }, (_, i) => ({ id: i, text: long(i).text, ownerId: '100000000000000003', dueDate: '2026-12-15', addedBy: '100000000000000004' }));
    const english = audienceOf(ENGLISH);
    const embed = summaryEmbed({ run: run(7), protocol: english.read(protocol('five-whys')), chosen: [{ heading: 'Root causes we chose', items }], actions, steps: [], participants: ['1', '2'] }, english.t);
    withinLimits(embed);
    expect(embed.description).toContain('**Root causes we chose**');
    expect(embed.description).toContain('**Actions**');
    expect(embed.description).toMatch(/…and \d+ more/);
  });
});

describe('due dates', () => {
  const today = new Date('2026-11-24T09:00:00Z');
  it.each([
    ['2026-12-15', '2026-12-15'],
    ['15 Dec', '2026-12-15'],
    ['Dec 15th', '2026-12-15'],
    ['December 15, 2026', '2026-12-15'],
    ['5 Jan', '2027-01-05'],
    ['24 Nov', '2026-11-24'],
    ['15 dic', '2026-12-15'],
    ['15 dic.', '2026-12-15'],
    ['15 de diciembre', '2026-12-15'],
    ['5 de enero de 2027', '2027-01-05'],
  ])('reads %s', (typed, iso) => {
    expect(readDueDate(typed, today)).toEqual({ kind: 'date', isoDate: iso });
  });
  it('refuses dates it cannot read, ambiguous numbers and dates gone by', () => {
    expect(readDueDate('', today)).toEqual({ kind: 'none' });
    expect(readDueDate('12/01', today)).toEqual({ kind: 'unreadable' });
    expect(readDueDate('2026-02-30', today)).toEqual({ kind: 'unreadable' });
    expect(readDueDate('2026-11-23', today)).toEqual({ kind: 'past' });
    expect(formatDueDate('2026-12-15', 'en')).toBe('Tue 15 Dec 2026');
    expect(formatDueDate('2026-12-15', 'es')).toBe('mar 15 dic 2026');
  });
});
