import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { add, currentStep, embedText, expectNoPings, message, next, seen, startProtocol } from './steps.js';

describe('several protocols at once', () => {
  let bed: TestBed;
  let general: ChannelRecord;
  let people: UserRecord[];

  beforeAll(async () => {
    bed = await startTestBed((h) => {
      const guild: GuildRecord = h.guild('Roots', { owner: 'owner' });
      general = h.channel(guild, 'general');
      people = ['alice', 'ben', 'cara', 'dev'].map((name) => h.member(guild, name));
    });
  });
  afterAll(() => bed.close());

  it('runs two protocols in one channel, each in its own thread, with everyone adding at the same moment', async () => {
    const h = bed.harness;
    const [alice, ben, cara, dev] = people as [UserRecord, UserRecord, UserRecord, UserRecord];
    const [whys, bones] = await Promise.all([
      startProtocol(h, alice, general, 'five-whys', 'Monday absences'),
      startProtocol(h, ben, general, 'fishbone', 'Missing homework'),
    ]);
    expect(whys.thread.id).not.toBe(bones.thread.id);
    expect(h.threadsOf(general).map((t) => t.name).sort()).toEqual(['Missing homework', 'Monday absences']);
    await next(h, ben, bones.thread);

    // Four people, two threads, all at once: every contribution is stored and shown.
    const whyTexts = people.map((p) => `Why from ${p.username}`);
    const causeTexts = people.map((p) => `Cause from ${p.username}`);
    await Promise.all([
      ...people.map((p, i) => add(h, p, whys.thread, { text: whyTexts[i] ?? '' })),
      ...people.map((p, i) => add(h, p, bones.thread, { text: causeTexts[i] ?? '', category: [i % 2 === 0 ? 'Practices' : 'Community'] })),
    ]);
    const whyStep = await seen(h, whys.thread.id, (m) => m.id === currentStep(h, whys.thread).id && whyTexts.every((t) => embedText(m).includes(t)));
    const boneStep = await seen(h, bones.thread.id, (m) => m.id === currentStep(h, bones.thread).id && causeTexts.every((t) => embedText(m).includes(t)));
    expect(embedText(whyStep)).not.toContain('Cause from');
    // Added at the same moment, they are listed in the order the database took them: either.
    expect(boneStep.embeds[0]?.fields?.find((f) => f.name === 'Practices (2)')?.value.split('\n').sort()).toEqual([
      `• Cause from alice (<@${alice.id}>)`,
      `• Cause from cara (<@${cara.id}>)`,
    ]);
    expect(boneStep.embeds[0]?.fields?.find((f) => f.name === 'Community (2)')?.value).toContain(`Cause from dev (<@${dev.id}>)`);
    const rows = await bed.bot.db.selectFrom('protocol_contributions').select(['run_id', 'text']).execute();
    expect(rows).toHaveLength(8);

    // The list shows both, with links into their threads: in the order they were started, and
    // they were started at the same moment, so either may come first.
    const list = message(await h.as(cara).run(general, 'protocol list'));
    expect(list.ephemeral).toBe(true);
    const lines = list.embeds[0]?.description?.split('\n') ?? [];
    expect([...lines].sort()).toEqual([
      `• **5 Whys**: Monday absences · step 1 of 8 · <@${alice.id}> · <#${whys.thread.id}>`,
      `• **Fishbone**: Missing homework · step 2 of 5 · <@${ben.id}> · <#${bones.thread.id}>`,
    ]);
    expectNoPings(h);
  });
});
