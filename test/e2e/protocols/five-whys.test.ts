import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { add, currentStep, description, expectNoPings, message, next, seen, startProtocol, threadArchived } from './steps.js';

/** A team of three runs a whole 5 Whys: from the problem to its summary, export and archived thread. */
describe('a full 5 Whys with three members', () => {
  let bed: TestBed;
  let guild: GuildRecord;
  let general: ChannelRecord;
  let alice: UserRecord;
  let ben: UserRecord;
  let cara: UserRecord;
  const clock = new ManualClock(new Date('2026-11-24T09:00:00Z'));
  const topic = 'Ninth graders miss more school on Mondays';

  beforeAll(async () => {
    bed = await startTestBed(
      (h) => {
        guild = h.guild('Roots', { owner: 'owner' });
        general = h.channel(guild, 'general');
        alice = h.member(guild, 'alice');
        ben = h.member(guild, 'ben');
        cara = h.member(guild, 'cara');
      },
      { clock },
    );
  });
  afterAll(() => bed.close());

  it('runs from the first step to the summary, export and archive', async () => {
    const h = bed.harness;
    const { thread, reply, step } = await startProtocol(h, alice, general, 'five-whys', topic);

    // The thread is named after the topic, the channel is told, and the facilitator is named.
    expect(thread.name).toBe(topic);
    expect(reply.ephemeral).toBe(false);
    expect(reply.content).toContain(`<#${thread.id}>`);
    expect(reply.content).toContain(`<@${alice.id}> facilitates`);
    expect(step.embeds[0]?.title).toBe('Step 1 of 8 · Name the problem');
    expect(description(step)).toContain(`Facilitated by <@${alice.id}>`);
    expect(step.buttons.map((b) => [b.label, b.disabled])).toEqual([
      ['Add', false],
      ['Back', true],
      ['Next', false],
      ['Pause', false],
      ['Finish early', false],
    ]);
    expect(thread.thread?.members.has(alice.id)).toBe(true);

    // Step 1: the evidence.
    const evidence = 'Attendance Sept to Nov: 18% absent on Mondays, 9% on other days';
    const updated = await add(h, ben, thread, { text: evidence }, evidence);
    expect(description(updated)).toContain(`• ${evidence} (<@${ben.id}>)`);

    // Steps 2 to 6: everyone adds a why, at the same time.
    const whys = [
      ['Many ninth graders care for siblings on Monday mornings', 'Our first period on Mondays is a test slot', 'Families get no call until Wednesday'],
      ['Caring for siblings falls to the oldest child when childcare closes', 'Tests were moved to Monday to free Fridays', 'Attendance calls are batched weekly'],
      ['The district daycare closes on Mondays', 'Nobody owns the test calendar', 'The attendance clerk works part time'],
      ['Budget cuts hit early care first', 'The calendar was never reviewed with students', 'Calls are not anyone’s priority'],
      ['We never asked families what Mondays look like', 'Students had no say in the calendar', 'Our system reacts rather than reaches out'],
    ];
    for (const [index, answers] of whys.entries()) {
      const stepView = await next(h, alice, thread);
      expect(stepView.embeds[0]?.title).toBe(`Step ${index + 2} of 8 · Why? (${index + 1} of 5)`);
      const [a, b, c] = answers as [string, string, string];
      await Promise.all([add(h, alice, thread, { text: a }), add(h, ben, thread, { text: b }), add(h, cara, thread, { text: c })]);
      const all = await seen(h, thread.id, (m) => m.id === stepView.id && [a, b, c].every((t) => description(m).includes(t)));
      expect(description(all)).toContain('**Added so far (3)**');
    }

    // The steps the group left are closed: no buttons, the contributions still there.
    const closed = h.read(thread).filter((m) => m.embeds[0]?.title?.startsWith('Step 1 of 8'));
    expect(closed).toHaveLength(1);
    expect(closed[0]?.buttons).toEqual([]);
    expect(closed.map(description).join()).toContain(evidence);

    // Step 7: the facilitator picks root causes from what was said; cara adds one in her own words.
    const choose = await next(h, alice, thread);
    expect(choose.embeds[0]?.title).toBe('Step 7 of 8 · Choose the root causes');
    const menu = choose.selects[0];
    expect(menu?.options).toHaveLength(15);
    const pick = (text: string) => menu?.options.find((o) => o.label === text)?.value ?? '';
    const chosenUpdate = h.nextPost({ channelId: thread.id, where: (m) => m.id === choose.id && description(m).includes('Chosen so far (2)') });
    expect((await h.as(alice).select(choose, [pick('We never asked families what Mondays look like'), pick('Students had no say in the calendar')])).kind).toBe('update');
    await chosenUpdate;
    const ownWords = 'Our attendance system waits for absences instead of preventing them';
    const chosen = await add(h, cara, thread, { text: ownWords }, ownWords);
    expect(description(chosen)).toContain('Chosen so far (3)');
    expect(currentStep(h, thread).selects[0]?.options).toHaveLength(16);

    // Step 8: actions with owners (picked from the members) and dates.
    await next(h, alice, thread);
    const form = await h.as(ben).click(currentStep(h, thread), 'Add');
    expect(form.kind === 'modal' && form.modal.selects.map((s) => s.label)).toEqual(['Who owns it?']);
    await add(h, ben, thread, { text: 'Call three families a week before Monday', owner: [cara.id], due: '2026-12-15' }, 'Call three families');
    const last = await add(h, alice, thread, { text: 'Ask students to review the test calendar', owner: [ben.id] }, 'review the test calendar');
    expect(description(last)).toContain(`• Call three families a week before Monday: <@${cara.id}>, by Tue 15 Dec 2026`);
    expect(description(last)).toContain(`• Ask students to review the test calendar: <@${ben.id}>, no date yet`);
    expect(last.buttons.map((b) => [b.label, b.disabled])).toContainEqual(['Next', true]);

    // Finish: the summary in the thread, a linked notice in the channel, the thread archived.
    const summaryPosted = h.nextPost({ channelId: thread.id, where: (m) => m.embeds[0]?.title === 'Summary · 5 Whys' });
    const notice = h.nextPost({ channelId: general.id, where: (m) => m.content.includes('has finished') });
    const archived = threadArchived(bed, thread.id);
    expect((await h.as(alice).click(currentStep(h, thread), 'Finish')).kind).toBe('update');
    const summary = await summaryPosted;
    const text = description(summary);
    expect(text).toContain(`**Problem:** ${topic}`);
    expect(text).toContain('3 people took part');
    // The first two were added at the same moment by different members, so either may come first.
    const causes = text.split('**Root causes we chose**\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect([...causes.slice(0, 2)].sort()).toEqual(['• Students had no say in the calendar', '• We never asked families what Mondays look like']);
    expect(causes.slice(2)).toEqual([`• ${ownWords}`]);
    expect(text).toContain(`• Call three families a week before Monday: <@${cara.id}>, by Tue 15 Dec 2026`);
    const posted = await notice;
    expect(posted.content).toContain(`https://discord.com/channels/${guild.id}/${thread.id}/${summary.id}`);
    expect(posted.embeds[0]?.title).toBe('Summary · 5 Whys');
    await archived;
    expect(thread.thread?.archived).toBe(true);
    expect(h.read(thread).every((m) => m.buttons.length === 0)).toBe(true);

    // Mentions are shown, never pinged.
    expectNoPings(h);

    // The export: the summary first, then every step, with names rather than ids.
    const exported = message(await h.as(ben).run(thread, 'protocol export'));
    expect(exported.ephemeral).toBe(true);
    const [file] = exported.attachments;
    expect(file?.filename).toBe('five-whys-ninth-graders-miss-more-school-on-mondays.md');
    const markdown = h.world.files.get(file?.id ?? '')?.data.toString('utf8') ?? '';
    expect(markdown).toContain(`# 5 Whys: ${topic}`);
    expect(markdown).toContain('- Facilitator: alice');
    expect(markdown).toContain('- Took part: ben, alice, cara');
    // The two causes said at the same moment come in the order the summary gave them.
    const [firstSaid, secondSaid] = causes.map((line) => line.slice('• '.length));
    expect(markdown).toContain(`## Root causes we chose\n\n- ${firstSaid}\n- ${secondSaid}\n- ${ownWords}`);
    const saidBy = (cause: string | undefined) => (cause === 'We never asked families what Mondays look like' ? 'alice' : 'ben');
    expect(markdown).toContain('- Call three families a week before Monday (owner: cara; due Tue 15 Dec 2026)');
    expect(markdown).toContain(`### 1. Name the problem\n\n- ${evidence} (ben)`);
    expect(markdown).toContain('### 6. Why? (5 of 5)');
    // The step where root causes were chosen lists them, wherever they were first said.
    expect(markdown).toContain(
      `### 7. Choose the root causes\n\n- ${firstSaid} (${saidBy(firstSaid)}, from step 6)\n- ${secondSaid} (${saidBy(secondSaid)}, from step 6)\n- ${ownWords} (cara)\n`,
    );
  });
});
