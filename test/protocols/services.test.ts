import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { Db } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/database.js';
import { migrate } from '../../src/db/migrator.js';
import { addToStep, chooseContributions, type Addition } from '../../src/protocols/contributions.js';
import { finishRun, moveStep, recordRun, setPaused } from '../../src/protocols/facilitation.js';
import { protocolPrivacy } from '../../src/protocols/privacy.js';
import { loadProtocols, type Protocol } from '../../src/protocols/protocol-content.js';
import type { OpenRun } from '../../src/protocols/runs.js';
import { loadStepData } from '../../src/protocols/step-data.js';
import { summaryMarkdown } from '../../src/protocols/discord/export-view.js';
import { audienceOf } from '../../src/protocols/discord/audience.js';
import { ENGLISH } from '../../src/i18n/locales.js';
import { buildSummary } from '../../src/protocols/summary.js';

const loaded = await loadProtocols();
if (!loaded.ok) throw loaded.error;
const catalog = loaded.value;
const fiveWhys = catalog.get('five-whys') as Protocol;

/** The run's own thread, where its buttons are clicked. */
const THREAD = { guildId: 'g', channelId: 't' };
const FACILITATOR = { userId: 'alice', isModerator: false, where: THREAD };
const MEMBER = { userId: 'ben', isModerator: false, where: THREAD };
const MODERATOR = { userId: 'morgan', isModerator: true, where: THREAD };

describe('protocol services', () => {
  let db: Db;
  const clock = new ManualClock(new Date('2026-11-24T09:00:00Z'));
  let deps: { db: Db; clock: ManualClock };
  let run: OpenRun;

  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db);
    deps = { db, clock };
    run = await recordRun(deps, { guildId: 'g', channelId: 'c', threadId: 't', protocol: fiveWhys, topic: '  Monday absences ', facilitatorId: 'alice' });
  });
  afterEach(() => db.destroy());

  const add = (step: number, authorId: string, text: string, extra: Partial<Addition> = {}) =>
    addToStep(deps, catalog, { runId: run.id, step, authorId, where: THREAD, text, category: null, ownerId: null, due: '', ...extra });
  const move = (fromStep: number, actor = FACILITATOR, direction: 'next' | 'back' = 'next') => moveStep(deps, fiveWhys, { runId: run.id, fromStep, direction, actor });

  it('starts at the first step with the topic trimmed', () => {
    expect(run).toMatchObject({ state: 'running', step: 0, topic: 'Monday absences', facilitatorId: 'alice', stepMessageId: null });
  });

  it('lets the facilitator or a moderator move, nobody else, and only from the current step', async () => {
    expect(await move(0, MEMBER)).toMatchObject({ ok: false, problem: { kind: 'not-facilitator' } });
    expect(await move(0)).toMatchObject({ ok: true, value: { run: { step: 1 }, leftStep: 0 } });
    expect(await move(0)).toMatchObject({ ok: false, problem: { kind: 'moved-on', run: { step: 1 } } });
    expect(await move(1, MODERATOR, 'back')).toMatchObject({ ok: true, value: { run: { step: 0 } } });
    expect(await move(0, FACILITATOR, 'back')).toMatchObject({ ok: false, problem: { kind: 'first-step' } });
    // A moderator of another server, or anyone outside the run's thread, finds nothing to move.
    expect(await move(0, { ...MODERATOR, where: { guildId: 'other', channelId: 't' } })).toEqual({ ok: false, problem: { kind: 'elsewhere' } });
    expect(await move(0, { ...MODERATOR, where: { guildId: 'g', channelId: 'c' } })).toEqual({ ok: false, problem: { kind: 'elsewhere' } });
    expect(await add(0, 'ben', 'Planted', { where: { guildId: 'other', channelId: 't' } })).toEqual({ ok: false, problem: { kind: 'elsewhere' } });
  });

  it('holds everything while paused', async () => {
    expect((await setPaused(deps, { runId: run.id, step: 0, paused: true, actor: FACILITATOR })).ok).toBe(true);
    expect(await add(0, 'ben', 'hi')).toMatchObject({ problem: { kind: 'paused' } });
    expect(await move(0)).toMatchObject({ problem: { kind: 'paused' } });
    expect(await setPaused(deps, { runId: run.id, step: 0, paused: true, actor: FACILITATOR })).toMatchObject({ problem: { kind: 'paused' } });
    expect((await setPaused(deps, { runId: run.id, step: 0, paused: false, actor: FACILITATOR })).ok).toBe(true);
  });

  it('stores every contribution made at the same moment', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => add(0, `m${i % 5}`, `note ${i}`)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const data = await loadStepData(db, run, fiveWhys);
    expect(data.kind === 'answers' && data.contributions.map((c) => c.text).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `note ${i}`).sort());
  });

  it('refuses empty text', async () => {
    expect(await add(0, 'ben', ' \n ')).toMatchObject({ problem: { kind: 'empty' } });
  });

  it('chooses among the offered contributions, keeping own-words ones chosen', async () => {
    for (let step = 0; step < 6; step++) {
      await add(step, 'ben', `answer at ${step}`);
      await move(step);
    }
    await add(6, 'cara', 'in my words');
    const current = { ...run, step: 6 };
    const before = await loadStepData(db, current, fiveWhys);
    if (before.kind !== 'choices') throw new Error('expected a choices step');
    // The problem statement (step 1) is not a candidate; own words come first and are chosen.
    expect(before.candidates.map((c) => c.text)).toEqual(['in my words', 'answer at 5', 'answer at 4', 'answer at 3', 'answer at 2', 'answer at 1']);
    expect([...before.chosen]).toEqual([before.candidates[0]?.id]);

    const ids = before.candidates.map((c) => c.id);
    const offered = ids.filter((id) => id !== ids[0]);
    expect(await chooseContributions(deps, fiveWhys, { runId: run.id, step: 6, actor: MEMBER, offered, selected: [] })).toMatchObject({ problem: { kind: 'not-facilitator' } });
    expect(await chooseContributions(deps, fiveWhys, { runId: run.id, step: 6, actor: FACILITATOR, offered, selected: [ids[1] ?? 0, 999] })).toEqual({ ok: true, value: { chosen: 2 } });
    expect(await chooseContributions(deps, fiveWhys, { runId: run.id, step: 6, actor: FACILITATOR, offered, selected: [ids[2] ?? 0] })).toEqual({ ok: true, value: { chosen: 2 } });

    await move(6);
    expect(await add(7, 'ben', 'Call families', { ownerId: 'cara', due: '15 Dec' })).toEqual({ ok: true, value: { kind: 'actions' } });
    const finished = await finishRun(deps, { runId: run.id, step: 7, actor: FACILITATOR });
    if (!finished.ok) throw new Error('expected to finish');
    expect(await finishRun(deps, { runId: run.id, step: 7, actor: FACILITATOR })).toMatchObject({ problem: { kind: 'finished' } });

    const summary = await buildSummary(db, finished.value.run, fiveWhys);
    expect(summary.chosen).toEqual([{ heading: 'Root causes we chose', items: [expect.objectContaining({ text: 'answer at 4' }), expect.objectContaining({ text: 'in my words' })] }]);
    const english = audienceOf(ENGLISH);
    const markdown = summaryMarkdown({ ...summary, protocol: english.read(fiveWhys) }, (id) => id.toUpperCase(), english.t);
    expect(markdown).toContain('- Call families (owner: CARA; due Tue 15 Dec 2026)');
    expect(markdown).toContain('- Finished: 2026-11-24');
  });

  it("exports and forgets one member's part, leaving the group's record", async () => {
    await add(0, 'ben', 'from ben');
    await add(0, 'cara', 'from cara');
    const exported = (await protocolPrivacy.export(db, 'g', 'alice')) as { facilitated: unknown[]; contributions: unknown[] };
    expect(exported.facilitated).toHaveLength(1);
    expect(await protocolPrivacy.export(db, 'other-guild', 'ben')).toEqual({ facilitated: [], contributions: [], actions: [] });

    expect(await db.transaction().execute((trx) => protocolPrivacy.forget(trx, 'g', 'ben'))).toBe(1);
    expect(await db.transaction().execute((trx) => protocolPrivacy.forget(trx, 'g', 'alice'))).toBe(1);
    const rows = await db.selectFrom('protocol_contributions').select('text').execute();
    expect(rows).toEqual([{ text: 'from cara' }]);
    // Without a facilitator, moderators carry the run on.
    expect(await move(0, FACILITATOR)).toMatchObject({ problem: { kind: 'not-facilitator' } });
    expect((await move(0, MODERATOR)).ok).toBe(true);
  });
});
