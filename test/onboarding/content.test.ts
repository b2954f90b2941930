import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadOnboardingContent } from '../../src/onboarding/content.js';
import { DATA_DIR } from '../../src/content/community.js';
import { introProblems, introSchema } from '../../src/onboarding/intros.js';

describe('onboarding content', () => {
  it('ships the five Roots tenets, the reasons to join and our values', async () => {
    const result = await loadOnboardingContent();
    if (!result.ok) throw result.error;
    expect(result.value.tenets.map((t) => t.name)).toEqual(['Share Generously', 'Be Kind', 'Hold Hope', 'Think and Rethink', 'Listen and Learn']);
    // Quoted exactly, typographic apostrophes and quotes included.
    expect(result.value.tenets[2]?.text).toBe(
      'This process isn’t easy. Seriously, education is one of the hardest systems to implement positive change in. We are all in this together. Stay hopeful.',
    );
    expect(result.value.joinReasons).toHaveLength(7);
    expect(result.value.values.length).toBeGreaterThan(0);
  });

  it('points every problem at its file and line', async () => {
    const dir = `${mkdtempSync(`${tmpdir()}/roots-onboarding-`)}/`;
    writeFileSync(`${dir}tenets.json`, ['{', '  "tenets": [', '    { "name": "Be Kind", "text": "x" },', '    { "name": "be kind", "text": "" }', '  ]', '}'].join('\n'));
    writeFileSync(`${dir}join-reasons.json`, '{ "reasons": [ { "id": "Bad Id", "text": "t", "short": "s" } ] }');
    writeFileSync(`${dir}values.json`, '{ "why": "w", "values": [] ');
    const result = await loadOnboardingContent(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.error.problems.map((p) => `${p.file.slice(dir.length)}:${p.line} ${p.at} ${p.message}`);
    expect(lines).toEqual([
      'tenets.json:4 tenets[1].text must not be empty',
      'tenets.json:4 tenets[1].name "be kind" is already the name of another tenet',
      'join-reasons.json:1 reasons[0].id must be a short id in lowercase letters, digits and dashes',
      expect.stringMatching(/^values\.json:1 {2}this isn't valid JSON here/),
    ]);
  });

  it('refuses values or reasons too long for the one embed field that shows them', async () => {
    const dir = `${mkdtempSync(`${tmpdir()}/roots-onboarding-`)}/`;
    writeFileSync(`${dir}tenets.json`, JSON.stringify({ tenets: [{ name: 'Be Kind', text: 'Always.' }] }, null, 2));
    // Each within its own limits, but together longer than Discord's 1024 for one field.
    const reasons = Array.from({ length: 14 }, (_, i) => ({ id: `reason-${i}`, text: `Reason ${i}`, short: `${'r'.repeat(70)} ${i}` }));
    writeFileSync(`${dir}join-reasons.json`, JSON.stringify({ reasons }, null, 2));
    const values = Array.from({ length: 4 }, (_, i) => ({ name: `Value ${i}`, text: 'v'.repeat(250) }));
    writeFileSync(`${dir}values.json`, JSON.stringify({ why: 'Why.', values }, null, 2));
    const result = await loadOnboardingContent(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map((p) => `${p.file.slice(dir.length)} ${p.at} ${p.message}`)).toEqual([
      'join-reasons.json reasons together the reasons\' "short" texts make "Here because" in an introduction post 1053 characters when a member picks them all; Discord allows 1024: shorten some, or offer fewer reasons',
      'values.json values together the values make "What we value" on `/tenets show` 1055 characters; Discord allows 1024: shorten some, or keep fewer',
    ]);

    // Within the limit, both load.
    writeFileSync(`${dir}join-reasons.json`, JSON.stringify({ reasons: reasons.slice(0, 13) }, null, 2));
    writeFileSync(`${dir}values.json`, JSON.stringify({ why: 'Why.', values: values.slice(0, 3) }, null, 2));
    expect((await loadOnboardingContent(dir)).ok).toBe(true);
  });

  it('checks an introduction the way the form should have', async () => {
    const loaded = await loadOnboardingContent(`${DATA_DIR}onboarding/`);
    if (!loaded.ok) throw loaded.error;
    const schema = introSchema(loaded.value.joinReasons);
    const ok = schema.parse({ name: ' Dave ', role: ['coach'], schoolRegion: '', reasons: ['new-ideas', 'innovate'], note: '  ' });
    expect(ok).toEqual({ name: 'Dave', role: 'coach', schoolRegion: null, reasons: ['innovate', 'new-ideas'], note: null });
    const bad = schema.safeParse({ name: '', role: [], schoolRegion: '', reasons: ['made-up'], note: '' });
    expect(bad.success ? [] : introProblems(bad.error)).toEqual([{ kind: 'no-name' }, { kind: 'no-role' }, { kind: 'unknown-reason' }]);
  });
});
