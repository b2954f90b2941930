import { Events } from 'discord.js';
import { expect } from 'vitest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChannelRecord, GuildRecord, Harness, MessageView, ModalView, Response, UserRecord } from '@roots-bot/discord-emulator';
import { protocolMessages } from '../../../src/protocols/discord/messages.js';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { said } from '../../support/i18n.js';

/** Shared moves for the protocol end-to-end tests: what a teacher does, and what they then see. */

/** Roots with #general, members alice and ben, and morgan, a moderator (Manage Server). */
export interface ProtocolScene {
  readonly bed: TestBed;
  readonly h: Harness;
  readonly general: ChannelRecord;
  readonly alice: UserRecord;
  readonly ben: UserRecord;
  readonly morgan: UserRecord;
}

export async function startProtocolScene(): Promise<ProtocolScene> {
  let people: Omit<ProtocolScene, 'bed' | 'h'> | undefined;
  const bed = await startTestBed((h) => {
    const guild: GuildRecord = h.guild('Roots', { owner: 'owner' });
    people = {
      general: h.channel(guild, 'general'),
      alice: h.member(guild, 'alice'),
      ben: h.member(guild, 'ben'),
      morgan: h.member(guild, 'morgan', { roles: [h.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild)] }),
    };
  });
  if (!people) throw new Error('the scene was not set up');
  return { bed, h: bed.harness, ...people };
}

export function message(response: Response): MessageView {
  if (response.kind !== 'message') throw new Error(`expected a message, got ${response.kind}`);
  return response.message;
}

export function modal(response: Response): ModalView {
  if (response.kind !== 'modal') throw new Error(`expected a form, got ${response.kind}${response.kind === 'message' ? `: ${response.message.content}` : ''}`);
  return response.modal;
}

export function description(view: MessageView): string {
  return view.embeds[0]?.description ?? '';
}

/** Everything an embed says, fields included. */
export function embedText(view: MessageView): string {
  const embed = view.embeds[0];
  return [embed?.title ?? '', embed?.description ?? '', ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n');
}

/** The step message the group is on: the newest in the thread that still has buttons. */
export function currentStep(harness: Harness, thread: ChannelRecord): MessageView {
  const live = harness.read(thread).filter((m) => m.buttons.length > 0);
  const last = live.at(-1);
  if (last === undefined) throw new Error('no live step message in the thread');
  return last;
}

/** Resolves once the bot has edited or posted a message in `channelId` that satisfies `where`; checks what is already there first. */
export function seen(harness: Harness, channelId: string, where: (view: MessageView) => boolean): Promise<MessageView> {
  const already = harness.read(channelId).find(where);
  return already ? Promise.resolve(already) : harness.nextPost({ channelId, where });
}

export async function startProtocol(harness: Harness, user: UserRecord, channel: ChannelRecord, protocol: string, topic: string): Promise<{ thread: ChannelRecord; reply: MessageView; step: MessageView }> {
  const reply = message(await harness.as(user).run(channel, 'protocol start', { protocol, topic }));
  const threadId = /<#(\d+)>/.exec(reply.content)?.[1];
  const thread = harness.threadsOf(channel).find((t) => t.id === threadId);
  if (thread === undefined) throw new Error(`no thread was opened: ${reply.content}`);
  const step = await seen(harness, thread.id, (m) => m.buttons.length > 0);
  return { thread, reply, step };
}

/** A step's button as the thread shows it: in the server's language (`serverLocale`; English unless given). */
const stepButton = (key: 'step.button.add' | 'step.button.next', serverLocale?: string) => said(protocolMessages, key, undefined, serverLocale);

/** Presses Add on the current step, fills the form, and waits until the step message shows `expectText`. */
export async function add(
  harness: Harness,
  user: UserRecord,
  thread: ChannelRecord,
  values: Readonly<Record<string, string | readonly string[]>>,
  expectText?: string,
  serverLocale?: string,
): Promise<MessageView> {
  const step = currentStep(harness, thread);
  const form = modal(await harness.as(user).click(step, stepButton('step.button.add', serverLocale)));
  const shown = expectText === undefined ? undefined : harness.nextPost({ channelId: thread.id, where: (m) => m.id === step.id && embedText(m).includes(expectText) });
  const response = await harness.as(user).submit(form, values);
  expect(response.kind).toBe('update');
  return shown ? await shown : step;
}

/** The facilitator (or whoever) presses a control and waits for the step it leads to. */
export async function press(harness: Harness, user: UserRecord, thread: ChannelRecord, label: string): Promise<Response> {
  return harness.as(user).click(currentStep(harness, thread), label);
}

/** Next, then the new step's message. */
export async function next(harness: Harness, user: UserRecord, thread: ChannelRecord, serverLocale?: string): Promise<MessageView> {
  const from = currentStep(harness, thread);
  const posted = harness.nextPost({ channelId: thread.id, where: (m) => m.id !== from.id && m.buttons.length > 0 });
  const response = await harness.as(user).click(from, stepButton('step.button.next', serverLocale));
  expect(response.kind).toBe('update');
  return posted;
}

/** What the member privately saw after an action that didn't go through. */
export function privateNote(response: Response): string {
  const view = message(response);
  expect(view.ephemeral).toBe(true);
  return view.content;
}

/** Asserts nothing the bot wrote anywhere notified anyone. */
export function expectNoPings(harness: Harness): void {
  for (const records of harness.world.messages.values()) {
    for (const record of records) {
      if (record.message.author.id !== harness.emulator.bot.id) continue;
      expect(record.pings, record.message.content).toEqual({ users: [], roles: [], everyone: false });
    }
  }
}

/** Resolves when the bot hears that the thread was archived (register before the action that archives it). */
export function threadArchived(bed: TestBed, threadId: string): Promise<void> {
  const { client } = bed.bot;
  return new Promise((resolve) => {
    const listener = (_: unknown, thread: { id: string; archived: boolean | null }) => {
      if (thread.id !== threadId || thread.archived !== true) return;
      client.off(Events.ThreadUpdate, listener);
      resolve();
    };
    client.on(Events.ThreadUpdate, listener);
  });
}
