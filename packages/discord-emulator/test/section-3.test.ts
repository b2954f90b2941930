import { DiscordAPIError, REST } from '@discordjs/rest';
import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, InteractionResponseType, InteractionType, Routes, type APIChannel, type APIMessage } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../src/harness.js';
import type { EmulatorOptions } from '../src/emulator.js';
import type { ChannelRecord, GuildRecord, UserRecord } from '../src/world.js';

/**
 * What real Discord does that the emulator long didn't (issue 10, section 3): rules screening
 * skipped by a role, threads archiving by themselves, Discord's two other DM refusals, Message
 * Content on REST reads, announcement threads and managed roles.
 */

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('what real Discord does', () => {
  let harness: Harness;
  let rest: REST;
  let guild: GuildRecord;
  let general: ChannelRecord;
  let alice: UserRecord;

  async function start(options: EmulatorOptions = {}): Promise<void> {
    harness = await Harness.start({ rateLimits: { disabled: true }, interactionTimings: { responseDeadlineMs: 300 }, ...options });
    rest = new REST({ api: harness.emulator.apiUrl, retries: 0 }).setToken(harness.emulator.token);
    guild = harness.guild('Roots', { owner: 'morgan', rulesScreening: true });
    general = harness.channel(guild, 'general');
    alice = harness.member(guild, 'alice');
  }
  afterEach(() => harness.close());

  const dispatched = (event: GatewayDispatchEvents): unknown[] => {
    const seen: unknown[] = [];
    harness.world.connect({ dispatch: (e, data) => void (e === event && seen.push(data)) });
    return seen;
  };

  async function threadWithStep(): Promise<{ thread: APIChannel; step: APIMessage }> {
    const starter = (await rest.post(Routes.channelMessages(general.id), { body: { content: 'Five whys' } })) as APIMessage;
    const thread = (await rest.post(Routes.threads(general.id, starter.id), { body: { name: 'Five whys', auto_archive_duration: 1440 } })) as APIChannel;
    const step = (await rest.post(Routes.channelMessages(thread.id), { body: { content: 'Step 1' } })) as APIMessage;
    return { thread, step };
  }

  describe('rules screening', () => {
    beforeEach(() => start());

    it('lets a pending member skip screening when a role is granted to them', async () => {
      const dave = harness.join(guild, 'dave');
      expect(harness.world.member(guild.id, dave.id).pending).toBe(true);
      const updates = dispatched(GatewayDispatchEvents.GuildMemberUpdate);
      await rest.put(Routes.guildMemberRole(guild.id, dave.id, harness.role(guild, 'Member')));
      expect(harness.world.member(guild.id, dave.id).pending).toBe(false);
      expect(updates).toEqual([expect.objectContaining({ pending: false, roles: [expect.any(String)] })]);
    });

    it("refuses to grant or remove a managed role, such as another app's, even below the bot's own", async () => {
      const otherBot = harness.user('Poll Bot');
      const managed = harness.world.createRole(guild.id, { name: 'Poll Bot', managed: true }).id;
      harness.world.seatMember(guild.id, otherBot.id, [managed]);
      expect((await apiError(rest.put(Routes.guildMemberRole(guild.id, alice.id, managed)))).code).toBe(50013);
      expect((await apiError(rest.delete(Routes.guildMemberRole(guild.id, otherBot.id, managed)))).code).toBe(50013);
      expect(harness.world.member(guild.id, alice.id).roles).toEqual([]);
      expect(harness.world.member(guild.id, otherBot.id).roles).toEqual([managed]);
    });
  });

  describe('threads archive by themselves', () => {
    beforeEach(() => start());

    it('archives a thread after its auto-archive duration without activity, with THREAD_UPDATE', async () => {
      const { thread } = await threadWithStep();
      const updates = dispatched(GatewayDispatchEvents.ThreadUpdate);
      harness.advance(23 * HOUR);
      expect(harness.world.channel(thread.id).thread?.archived).toBe(false);
      // A message is activity: the day starts again from it.
      await rest.post(Routes.channelMessages(thread.id), { body: { content: 'Why?' } });
      harness.advance(23 * HOUR);
      expect(harness.world.channel(thread.id).thread?.archived).toBe(false);
      harness.advance(HOUR);
      expect(harness.world.channel(thread.id).thread?.archived).toBe(true);
      expect(updates).toEqual([expect.objectContaining({ id: thread.id, thread_metadata: expect.objectContaining({ archived: true }) })]);
    });

    it('archives a thread the moment anyone acts after real time ran past its duration', async () => {
      const { thread } = await threadWithStep();
      const record = harness.world.channel(thread.id).thread;
      if (record) record.lastActivityAt -= DAY;
      const refused = await apiError(rest.patch(Routes.channelMessage(thread.id, thread.id), { body: { content: 'x' } }));
      expect(refused.code).toBe(50083);
    });

    it('follows a clock moved by hand: a week on the clock is a week in Discord', async () => {
      const { thread } = await threadWithStep();
      let now = Date.now();
      const listeners = new Set<() => void>();
      const clock = { now: () => new Date(now), onJump: (l: () => void) => (listeners.add(l), () => listeners.delete(l)) };
      const stop = harness.followClock(clock);
      now += 7 * DAY;
      for (const listener of listeners) listener();
      expect(harness.world.channel(thread.id).thread?.archived).toBe(true);
      stop();
    });

    it('refuses an edit in an archived thread on every path: channel edit, message update, webhook edit, deferred reply', async () => {
      const { thread, step } = await threadWithStep();
      // A deferred reply and an ordinary reply, both before the thread goes quiet.
      const deferred = harness.emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: alice.id, channelId: thread.id, data: { id: '1', name: 'protocol', type: 1 } });
      await rest.post(Routes.interactionCallback(deferred.id, deferred.token), { body: { type: InteractionResponseType.DeferredChannelMessageWithSource }, auth: false });
      const replied = harness.emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: alice.id, channelId: thread.id, data: { id: '1', name: 'protocol', type: 1 } });
      await rest.post(Routes.interactionCallback(replied.id, replied.token), { body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'Started' } }, auth: false });
      harness.advance(DAY);

      const codes = async (request: Promise<unknown>) => {
        const error = await apiError(request);
        return [error.status, error.code];
      };
      expect(await codes(rest.patch(Routes.channelMessage(thread.id, step.id), { body: { content: 'Step 1 (closed)' } }))).toEqual([400, 50083]);
      expect(await codes(rest.patch(Routes.webhookMessage(harness.emulator.application.id, replied.token), { body: { content: 'Edited' }, auth: false }))).toEqual([400, 50083]);
      expect(await codes(rest.post(Routes.webhook(harness.emulator.application.id, deferred.token), { body: { content: 'Done thinking' }, auth: false }))).toEqual([400, 50083]);
      const stepView = harness.read(thread.id).find((m) => m.id === step.id);
      if (!stepView) throw new Error('the step is missing');
      const click = harness.emulator.interactions.create({
        type: InteractionType.MessageComponent,
        userId: alice.id,
        channelId: thread.id,
        data: { custom_id: 'next', component_type: 2 },
        sourceMessage: harness.world.findMessage(thread.id, step.id),
      });
      expect(await codes(rest.post(Routes.interactionCallback(click.id, click.token), { body: { type: InteractionResponseType.UpdateMessage, data: { content: 'Step 2' } }, auth: false }))).toEqual([
        400, 50083,
      ]);
      expect(harness.world.channel(thread.id).thread?.archived).toBe(true);
    });

    it('lets a new message wake an archived thread: a reply, a follow-up, a member writing', async () => {
      const { thread } = await threadWithStep();
      harness.advance(DAY);
      const command = harness.emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: alice.id, channelId: thread.id, data: { id: '1', name: 'protocol', type: 1 } });
      await rest.post(Routes.interactionCallback(command.id, command.token), { body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'Here is the export', flags: 64 } }, auth: false });
      expect(harness.world.channel(thread.id).thread?.archived).toBe(false);

      harness.advance(DAY);
      await rest.post(Routes.webhook(harness.emulator.application.id, command.token), { body: { content: 'And one more thing' }, auth: false });
      expect(harness.world.channel(thread.id).thread?.archived).toBe(false);

      harness.advance(DAY);
      harness.as(alice).say(thread.id, 'Still here');
      expect(harness.world.channel(thread.id).thread?.archived).toBe(false);
    });

    it('refuses a reply in an archived thread a moderator locked, and a member cannot write there', async () => {
      const { thread } = await threadWithStep();
      harness.world.updateThread(thread.id, { locked: true, archived: true });
      const command = harness.emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: alice.id, channelId: thread.id, data: { id: '1', name: 'protocol', type: 1 } });
      // The bot in this guild has Manage Threads; without it, the reply is refused (discord-api-docs#5517).
      const botRole = harness.world.member(guild.id, harness.emulator.bot.id).roles[0] ?? '';
      const role = harness.world.role(guild.id, botRole);
      role.permissions = (BigInt(role.permissions) & ~(1n << 34n)).toString();
      const refused = await apiError(rest.post(Routes.interactionCallback(command.id, command.token), { body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'Hi' } }, auth: false }));
      expect(refused.code).toBe(50083);
      expect(() => harness.as(alice).say(thread.id, 'Hello?')).toThrow(/archived and locked/);
    });
  });

  describe('DMs', () => {
    it('answers 40003 once the bot opens new DM channels too fast, and again once the window has passed', async () => {
      await start({ dmOpenings: { limit: 2, windowMs: 60_000 } });
      const [a, b, c] = ['amy', 'ben', 'cat'].map((name) => harness.member(guild, name));
      const open = (user: UserRecord | undefined) => rest.post(Routes.userChannels(), { body: { recipient_id: user?.id } }) as Promise<APIChannel>;
      const first = await open(a);
      await open(b);
      const tooFast = await apiError(open(c));
      expect([tooFast.status, tooFast.code]).toEqual([403, 40003]);
      // The channel the bot already has isn't a new opening.
      expect((await open(a)).id).toBe(first.id);
      harness.advance(60_000);
      expect((await open(c)).type).toBe(ChannelType.DM);
    });

    it('answers 50278 when the person left the only server they shared with the bot', async () => {
      await start();
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: alice.id } })) as APIChannel;
      await rest.post(Routes.channelMessages(dm.id), { body: { content: 'Hello' } });
      harness.leave(guild, alice);
      expect((await apiError(rest.post(Routes.channelMessages(dm.id), { body: { content: 'Still there?' } }))).code).toBe(50278);
    });
  });

  describe('Message Content on REST', () => {
    it('empties what others wrote unless it mentions the bot, as the gateway does, and keeps the bot its own posts', async () => {
      await start();
      harness.as(alice).say(general, 'A thought about roots');
      harness.as(alice).say(general, `<@${harness.emulator.bot.id}> can you help?`);
      await rest.post(Routes.channelMessages(general.id), { body: { content: 'The weekly poem', embeds: [{ title: 'Poem' }] } });
      const [own, mention, other] = (await rest.get(Routes.channelMessages(general.id))) as APIMessage[];
      expect(other?.content).toBe('');
      expect(mention?.content).toContain('can you help?');
      expect([own?.content, own?.embeds[0]?.title]).toEqual(['The weekly poem', 'Poem']);
      const single = (await rest.get(Routes.channelMessage(general.id, other?.id ?? ''))) as APIMessage;
      expect(single.content).toBe('');
    });

    it('returns everything when the portal enables Message Content, and always in DMs', async () => {
      await start({ privilegedIntents: GatewayIntentBits.GuildMembers | GatewayIntentBits.MessageContent });
      harness.as(alice).say(general, 'A thought about roots');
      expect(((await rest.get(Routes.channelMessages(general.id))) as APIMessage[])[0]?.content).toBe('A thought about roots');
    });
  });

  describe('thread types', () => {
    beforeEach(() => start());

    it('starts an announcement thread from a message in an announcement channel', async () => {
      const news = harness.channel(guild, 'news', { type: ChannelType.GuildAnnouncement });
      const post = (await rest.post(Routes.channelMessages(news.id), { body: { content: 'News' } })) as APIMessage;
      const thread = (await rest.post(Routes.threads(news.id, post.id), { body: { name: 'About the news' } })) as APIChannel;
      expect(thread.type).toBe(ChannelType.AnnouncementThread);
    });

    it('creates an announcement thread only where asked for one, never a private thread in its place', async () => {
      const news = harness.channel(guild, 'news', { type: ChannelType.GuildAnnouncement });
      const created = (await rest.post(Routes.threads(news.id), { body: { name: 'Talk', type: ChannelType.AnnouncementThread } })) as APIChannel;
      expect(created.type).toBe(ChannelType.AnnouncementThread);
      expect((await apiError(rest.post(Routes.threads(general.id), { body: { name: 'Talk', type: ChannelType.AnnouncementThread } }))).code).toBe(50024);
      expect((await apiError(rest.post(Routes.threads(news.id), { body: { name: 'Private', type: ChannelType.PrivateThread } }))).code).toBe(50024);
    });
  });
});
