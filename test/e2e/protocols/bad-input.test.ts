import { ButtonStyle, ComponentType, OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, MessageView, UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import { routerSays } from '../../support/i18n.js';
import { practiseProtocol } from '../../../src/protocols/discord/custom-ids.js';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { currentStep, description, message, modal, next, privateNote, seen, startProtocol } from './steps.js';

describe('protocols and input that needs a kind answer', () => {
  let bed: TestBed;
  let guild: GuildRecord;
  let general: ChannelRecord;
  let closed: ChannelRecord;
  let alice: UserRecord;
  let ben: UserRecord;
  const clock = new ManualClock(new Date('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    bed = await startTestBed(
      (h) => {
        guild = h.guild('Roots', { owner: 'owner' });
        general = h.channel(guild, 'general');
        alice = h.member(guild, 'alice');
        ben = h.member(guild, 'ben');
        const botRole = [...guild.roles.values()].find((r) => r.managed)?.id ?? '';
        closed = h.channel(guild, 'announcements', {
          overwrites: [{ id: botRole, type: OverwriteType.Role, allow: '0', deny: PermissionFlagsBits.CreatePublicThreads.toString() }],
        });
      },
      { clock },
    );
  });
  afterAll(() => bed.close());

  /** A bot message with a course lesson's "practise" button, as `/course lesson` shows it. */
  function lessonWithPractice(channelId: string): MessageView {
    const { harness } = bed;
    return harness.post(harness.emulator.bot.id, channelId, {
      content: 'Lesson 2 · Change the Discourse',
      components: [
        { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, custom_id: practiseProtocol.encode('change-the-discourse'), label: 'Practise Change the Discourse', style: ButtonStyle.Secondary }] },
      ],
    });
  }

  it('tells the starter when the bot may not open threads, and writes nothing', async () => {
    const h = bed.harness;
    const note = privateNote(await h.as(alice).run(closed, 'protocol start', { protocol: 'five-whys', topic: 'Anything' }));
    expect(note).toContain("I can't open a protocol thread in this channel: I'm missing **Create Public Threads** here.");
    expect(h.threadsOf(closed)).toEqual([]);
    expect(h.read(closed)).toEqual([]);
    expect(await bed.bot.db.selectFrom('protocol_runs').selectAll().where('channel_id', '=', closed.id).execute()).toEqual([]);
  });

  it('shortens a long topic to fit a thread name, keeping all of it in the protocol', async () => {
    const topic =
      'Students who arrive mid-year are not finding friends or a trusted adult in their first month, and their attendance drops sharply by the second month';
    const { thread, step } = await startProtocol(bed.harness, alice, general, 'fishbone', topic);
    expect(thread.name?.length).toBeLessThanOrEqual(100);
    expect(thread.name).toBe('Students who arrive mid-year are not finding friends or a trusted adult in their first month, and…');
    expect(description(step)).toContain(`**Topic:** ${topic}`);
  });

  it('refuses an empty contribution, and an action with a date it cannot read or that has passed', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'change-the-discourse', 'Homework talk');
    const form = modal(await h.as(ben).click(currentStep(h, thread), 'Add'));
    expect(privateNote(await h.as(ben).submit(form, { text: '   ' }))).toBe("Your note was empty, so I didn't add anything. Write a few words and press **Add** again.");

    for (let i = 0; i < 4; i++) await next(h, alice, thread);
    const actionForm = () => h.as(ben).click(currentStep(h, thread), 'Add').then(modal);
    const unreadable = privateNote(await h.as(ben).submit(await actionForm(), { text: 'Homework club\non Tuesdays', owner: [ben.id], due: 'next-ish week' }));
    expect(unreadable).toContain('I couldn\'t read “next-ish week” as a date');
    expect(unreadable).toContain('> Homework club\n> on Tuesdays');
    expect(privateNote(await h.as(ben).submit(await actionForm(), { text: 'Homework club', owner: [ben.id], due: '2026-01-05' }))).toContain('“2026-01-05” has already passed');
    expect(await bed.bot.db.selectFrom('protocol_actions').selectAll().execute()).toEqual([]);

    // A date without a year is the next one to come.
    const shown = h.nextPost({ channelId: thread.id, where: (m) => description(m).includes('Homework club') });
    await h.as(ben).submit(await actionForm(), { text: 'Homework club', owner: [alice.id], due: '5 Jan' });
    expect(description(await shown)).toContain(`• Homework club: <@${alice.id}>, by Tue 5 Jan 2027`);
  });

  it('says the real limit and length of a note too long for the form, and counts invisible characters as empty', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'five-whys', 'Quiet Fridays');
    const form = modal(await h.as(ben).click(currentStep(h, thread), 'Add'));
    // A client that ignores the form's max length sends it all.
    const unlimited = { ...form, fields: form.fields.map((field) => ({ ...field, maxLength: null })) };
    const long = privateNote(await h.as(ben).submit(unlimited, { text: 'word '.repeat(90).trim() }));
    expect(long).toBe("Your note is 449 characters long, and a note here can be at most 400, so I didn't add it. Please shorten it and press **Add** again.");
    const invisible = privateNote(await h.as(ben).submit(form, { text: '\u200B\u200D\u2800\u3164' }));
    expect(invisible).toBe("Your note was empty, so I didn't add anything. Write a few words and press **Add** again.");
    const run = await bed.bot.db.selectFrom('protocol_runs').select('id').where('thread_id', '=', thread.id).executeTakeFirstOrThrow();
    expect(await bed.bot.db.selectFrom('protocol_contributions').selectAll().where('run_id', '=', run.id).execute()).toEqual([]);
  });

  it('words an optional field and a short topic plainly, one sentence each', async () => {
    const h = bed.harness;
    // The sandbox terminal follows this with "Usage: …", so it must end as a sentence.
    await expect(h.as(alice).run(general, 'protocol start', { protocol: 'five-whys', topic: 'ab' })).rejects.toThrow(/^topic: must be at least 3 characters\.$/);

    const { thread } = await startProtocol(h, alice, general, 'change-the-discourse', 'Group work');
    for (let i = 0; i < 4; i++) await next(h, alice, thread);
    const form = modal(await h.as(ben).click(currentStep(h, thread), 'Add'));
    // Discord marks required fields itself; the label needn't say "optional" on top of that.
    expect(form.fields.find((field) => field.customId === 'due')).toMatchObject({ label: 'By when?', required: false });
  });

  it('starts a protocol from a course lesson in a channel, asking for the topic first', async () => {
    const h = bed.harness;
    const lesson = lessonWithPractice(general.id);
    const form = modal(await h.as(ben).click(lesson, 'Practise Change the Discourse'));
    expect(form.title).toBe('Start Change the Discourse');
    const before = h.threadsOf(general).length;
    const reply = message(await h.as(ben).submit(form, { topic: 'How we talk about late work' }));
    expect(reply.content).toContain('opened **Change the Discourse** on “How we talk about late work”');
    const thread = h.threadsOf(general).at(-1);
    expect(h.threadsOf(general)).toHaveLength(before + 1);
    const step = await seen(h, thread?.id ?? '', (m) => m.buttons.length > 0);
    expect(description(step)).toContain(`Facilitated by <@${ben.id}>`);
  });

  it('answers a practise button clicked in a DM kindly', async () => {
    const h = bed.harness;
    const dm = h.world.dmChannel(h.emulator.bot.id, ben.id);
    const lesson = lessonWithPractice(dm.id);
    const response = await h.as(ben).click(lesson, 'Practise Change the Discourse');
    expect(privateNote(response)).toBe(routerSays('server-only'));
  });
});
