import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readerOf } from '../../src/i18n/locales.js';
import { candidateSteps, loadProtocols, localizeProtocol } from '../../src/protocols/protocol-content.js';

function folderWith(files: Readonly<Record<string, unknown>>): string {
  const dir = `${mkdtempSync(`${tmpdir()}/protocols-`)}/`;
  for (const [name, content] of Object.entries(files)) writeFileSync(`${dir}${name}`, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

const step = (collects: unknown, title = 'A step') => ({ title, prompt: 'Say something.', guidance: 'Listen first.', collects });

describe('protocol files', () => {
  it('ship the protocols the course seed teaches, each ending in a choice and actions', async () => {
    const loaded = await loadProtocols();
    if (!loaded.ok) throw loaded.error;
    const catalog = loaded.value;
    expect([...catalog.keys()].sort()).toEqual(['center-student-perspectives', 'change-the-discourse', 'fishbone', 'five-whys', 'prepare-your-soil']);
    for (const protocol of catalog.values()) {
      const kinds = protocol.steps.map((s) => s.collects.kind);
      expect(kinds.at(-1), protocol.id).toBe('actions');
      expect(kinds, protocol.id).toContain('choices');
    }
    const bones = catalog.get('fishbone')?.steps.find((s) => s.collects.kind === 'causes')?.collects;
    expect(bones?.kind === 'causes' && bones.categories).toEqual(['Policies', 'Practices', 'People', 'Place', 'Student experience', 'Community']);
    const fiveWhys = catalog.get('five-whys');
    if (fiveWhys === undefined) throw new Error('five-whys is missing');
    // Root causes are chosen from the whys, not from the problem statement.
    expect(candidateSteps(fiveWhys, 6)).toEqual([1, 2, 3, 4, 5]);
  });

  it('points every problem at its file and place, and checks the file name is an id', async () => {
    const dir = folderWith({
      'good.json': { title: 'Good', summary: 'Fine.', steps: [step({ kind: 'answers', label: 'A' }), step({ kind: 'actions' })] },
      'Bad Name.json': { title: 'Bad', summary: 'Fine.', steps: [step({ kind: 'answers', label: 'A' }), step({ kind: 'actions' })] },
      'broken.json': {
        title: 'Broken',
        summary: 'Not fine.',
        steps: [
          step({ kind: 'causes', label: 'A cause', categories: ['Place', 'place'] }),
          step({ kind: 'choices', label: 'Pick', heading: 'Chosen', from: [3] }),
          step({ kind: 'actions' }),
        ],
      },
    });
    const loaded = await loadProtocols(dir);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const problems = loaded.error.problems.map((p) => `${p.file.slice(dir.length)}:${p.line} ${p.at} ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^Bad Name\.json:1 {2}the file name must be a short id/),
      'broken.json:12 steps[0].collects.categories categories must be different from each other',
      'broken.json:27 steps[1].collects.from[0] step 3 is not before this step',
    ]);
  });

  it('refuses an empty folder', async () => {
    const loaded = await loadProtocols(folderWith({}));
    expect(loaded.ok).toBe(false);
  });

  it('refuses a translation of a word the step lacks, and fishbone categories that do not line up', async () => {
    const dir = folderWith({
      'mixed.json': {
        title: 'Mixed',
        summary: 'Half translated.',
        translations: { es: { title: 'Mezcla' } },
        steps: [
          { ...step({ kind: 'causes', label: 'A cause', categories: ['Place', 'People'] }), translations: { es: { categories: ['Lugar'] } } },
          { ...step({ kind: 'answers', label: 'A' }), translations: { es: { heading: 'Elegido' } } },
          { ...step({ kind: 'actions' }), translations: { fr: { title: 'Une étape' } } },
        ],
      },
    });
    const loaded = await loadProtocols(dir);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.problems.map((p) => `${p.at} ${p.message}`)).toEqual([
      'steps[0].translations.es.categories translate all 2 categories, in the same order',
      'steps[1].translations.es.heading this step has no heading to translate',
      expect.stringMatching(/^steps\[2\]\.translations/),
    ]);
  });

  it('reads each protocol in Spanish, with its fishbone categories still stored in English', async () => {
    const loaded = await loadProtocols();
    if (!loaded.ok) throw loaded.error;
    const spanish = readerOf('es-ES');
    for (const protocol of loaded.value.values()) {
      // Every word a member reads is translated: a Spanish reader never meets an English step.
      const read = localizeProtocol(protocol, spanish);
      expect(read.title, protocol.id).not.toBe(protocol.title);
      read.steps.forEach((readStep, index) => {
        const english = protocol.steps[index];
        expect([readStep.title, readStep.prompt, readStep.guidance], `${protocol.id} step ${index + 1}`).not.toContain(english?.title);
        expect(readStep.prompt).not.toBe(english?.prompt);
        expect(readStep.guidance).not.toBe(english?.guidance);
        if (readStep.collects.kind !== 'actions' && english?.collects.kind !== 'actions') expect(readStep.collects.label).not.toBe(english?.collects.label);
        if (readStep.collects.kind === 'choices' && english?.collects.kind === 'choices') expect(readStep.collects.heading).not.toBe(english.collects.heading);
      });
    }
    const fishbone = loaded.value.get('fishbone');
    if (fishbone === undefined) throw new Error('fishbone is missing');
    const read = localizeProtocol(fishbone, spanish);
    const bones = read.steps[1]?.collects;
    expect(bones?.kind === 'causes' && bones.categories).toEqual(['Policies', 'Practices', 'People', 'Place', 'Student experience', 'Community']);
    expect(['Policies', 'Student experience', 'Gone'].map((c) => read.categoryName(c))).toEqual(['Normas', 'Experiencia estudiantil', 'Gone']);
    // A language with no translation reads the English it was written in.
    expect(localizeProtocol(fishbone, readerOf('fr')).steps[1]?.title).toBe('Fill in the bones');
  });
});
