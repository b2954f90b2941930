import { ButtonStyle, ComponentType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addButton, backButton, chooseSelect, contributeModal, finishButton, finishNowButton, nextButton, pauseButton, resumeButton } from '../../../src/protocols/discord/custom-ids.js';
import type { ChannelRecord, GuildRecord, MessageView, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { add, currentStep, modal, privateNote, startProtocol } from './steps.js';

const ELSEWHERE = "This button belongs to a protocol in another thread, so I didn't change anything. Please use the buttons in the protocol's own thread.";

/**
 * Run ids count up from 1, so anyone can write a custom_id for another server's run. A click
 * acts on a run only from that run's own thread; a moderator anywhere else changes nothing.
 */
describe("a protocol can't be moved from another server or channel", () => {
  let bed: TestBed;
  let roots: GuildRecord;
  let general: ChannelRecord;
  let lounge: ChannelRecord;
  let alice: UserRecord;
  let ben: UserRecord;
  let morgan: UserRecord;
  let mallory: UserRecord;

  beforeAll(async () => {
    bed = await startTestBed((h) => {
      roots = h.guild('Roots', { owner: 'owner' });
      general = h.channel(roots, 'general');
      alice = h.member(roots, 'alice');
      ben = h.member(roots, 'ben');
      morgan = h.member(roots, 'morgan', { roles: [h.role(roots, 'Moderators', PermissionFlagsBits.ManageGuild)] });
      const other: GuildRecord = h.guild('Elsewhere', { owner: 'someone' });
      lounge = h.channel(other, 'lounge');
      mallory = h.member(other, 'mallory', { roles: [h.role(other, 'Mods', PermissionFlagsBits.ManageGuild)] });
    });
  });
  afterAll(() => bed.close());

  /** A bot message carrying buttons and a menu written for someone else's run, as a modified client could send. */
  function forged(channel: ChannelRecord, runId: number, step: number): MessageView {
    const button = (customId: string, label: string) => ({ type: ComponentType.Button as const, custom_id: customId, label, style: ButtonStyle.Secondary as const });
    return bed.harness.post(bed.harness.emulator.bot.id, channel.id, {
      content: 'Totally a step message',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            button(nextButton.encode(runId, step), 'Next'),
            button(backButton.encode(runId, step), 'Back'),
            button(pauseButton.encode(runId, step), 'Pause'),
            button(resumeButton.encode(runId, step), 'Resume'),
            button(addButton.encode(runId, step), 'Add'),
          ],
        },
        { type: ComponentType.ActionRow, components: [button(finishButton.encode(runId, step), 'Finish'), button(finishNowButton.encode(runId, step), 'Finish now')] },
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.StringSelect, custom_id: chooseSelect.encode(runId, step), min_values: 0, max_values: 1, options: [{ label: 'Anything', value: '1' }] }],
        },
      ],
    });
  }

  async function snapshot(runId: number) {
    const { db } = bed.bot;
    return {
      run: await db.selectFrom('protocol_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow(),
      contributions: await db.selectFrom('protocol_contributions').selectAll().where('run_id', '=', runId).execute(),
      choices: await db.selectFrom('protocol_choices').selectAll().where('run_id', '=', runId).execute(),
    };
  }

  it('refuses every control forged in another server or another channel, and changes nothing', async () => {
    const h = bed.harness;
    const { thread } = await startProtocol(h, alice, general, 'five-whys', 'Monday absences');
    await add(h, ben, thread, { text: 'Evidence from September' }, 'Evidence from September');
    const { id: runId } = await bed.bot.db.selectFrom('protocol_runs').select('id').where('thread_id', '=', thread.id).executeTakeFirstOrThrow();
    const step = currentStep(h, thread);
    const before = await snapshot(runId);

    // A moderator of another server, and a moderator of this one outside the run's thread.
    for (const [who, where] of [
      [mallory, lounge],
      [morgan, general],
    ] as const) {
      const fake = forged(where, runId, 0);
      for (const label of ['Next', 'Back', 'Pause', 'Resume', 'Add', 'Finish', 'Finish now']) {
        expect(privateNote(await h.as(who).click(fake, label)), `${who.username} pressing ${label}`).toBe(ELSEWHERE);
      }
      expect(privateNote(await h.as(who).select(fake, ['1']))).toBe(ELSEWHERE);
    }

    // A form of the moderator's own protocol, sent back with the other run's custom_id.
    const own = await startProtocol(h, mallory, lounge, 'five-whys', 'Our own problem');
    const form = modal(await h.as(mallory).click(currentStep(h, own.thread), 'Add'));
    const note = privateNote(await h.as(mallory).submit({ ...form, customId: contributeModal.encode(runId, 0) }, { text: 'Planted from elsewhere' }));
    expect(note).toBe(ELSEWHERE);

    expect(await snapshot(runId)).toEqual(before);
    expect(currentStep(h, thread)).toEqual(step);
  });
});
