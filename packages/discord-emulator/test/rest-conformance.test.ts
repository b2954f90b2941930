import { DiscordAPIError, REST } from '@discordjs/rest';
import {
  ChannelType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  OverwriteType,
  PermissionFlagsBits,
  Routes,
  type APIChannel,
  type APIMessage,
} from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../src/harness.js';
import type { ChannelRecord, GuildRecord, UserRecord } from '../src/world.js';

/** A raw REST client with the bot's token: what discord.js sends, without discord.js deciding. */
function restFor(harness: Harness): REST {
  return new REST({ api: harness.emulator.apiUrl, retries: 0 }).setToken(harness.emulator.token);
}

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('emulator REST conformance', () => {
  let harness: Harness;
  let rest: REST;
  let guild: GuildRecord;
  let general: ChannelRecord;
  let alice: UserRecord;

  beforeEach(async () => {
    harness = await Harness.start({ rateLimits: { disabled: true }, interactionTimings: { responseDeadlineMs: 300 } });
    rest = restFor(harness);
    guild = harness.guild('Roots', { owner: 'morgan' });
    general = harness.channel(guild, 'general');
    alice = harness.member(guild, 'alice');
  });
  afterEach(() => harness.close());

  const interaction = (type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete | InteractionType.MessageComponent = InteractionType.ApplicationCommand) =>
    harness.emulator.interactions.create({ type, userId: alice.id, channelId: general.id, data: { id: '1', name: 'about', type: 1 } });
  const callback = (id: string, token: string, body: unknown) => rest.post(Routes.interactionCallback(id, token), { body, auth: false });

  describe('authentication and routing', () => {
    it('answers 401 without the bot token and 404 with code 0 for unknown routes', async () => {
      const anonymous = new REST({ api: harness.emulator.apiUrl, retries: 0 }).setToken('wrong.token.value');
      expect((await apiError(anonymous.get(Routes.user('@me')))).status).toBe(401);
      const missing = await apiError(rest.get('/nothing/here' as `/${string}`));
      expect([missing.status, missing.code]).toEqual([404, 0]);
    });

    it('gets a server the bot is in, with its roles and no members or channels, approximate counts on request; 10004 otherwise', async () => {
      const role = harness.role(guild, 'Member');
      const plain = (await rest.get(Routes.guild(guild.id))) as Record<string, unknown>;
      expect(plain).toMatchObject({ id: guild.id, name: 'Roots', owner_id: guild.ownerId });
      expect((plain.roles as { id: string }[]).map((r) => r.id)).toContain(role);
      expect(plain).not.toHaveProperty('members');
      expect(plain).not.toHaveProperty('channels');
      expect(plain).not.toHaveProperty('approximate_member_count');
      const counted = (await rest.get(Routes.guild(guild.id), { query: new URLSearchParams({ with_counts: 'true' }) })) as Record<string, unknown>;
      expect(counted.approximate_member_count).toBe(guild.members.size);
      const elsewhere = harness.world.createGuild({ name: 'Not ours', ownerId: alice.id });
      expect((await apiError(rest.get(Routes.guild(elsewhere.id)))).code).toBe(10004);
      expect((await apiError(rest.get(Routes.guild('123456789012345678')))).code).toBe(10004);
    });

    it('answers unknown channel, role and member with 10003, 10011 and 10007', async () => {
      expect((await apiError(rest.post(Routes.channelMessages('123456789012345678'), { body: { content: 'hi' } }))).code).toBe(10003);
      expect((await apiError(rest.put(Routes.guildMemberRole(guild.id, alice.id, '123456789012345678')))).code).toBe(10011);
      const role = harness.role(guild, 'Member');
      expect((await apiError(rest.put(Routes.guildMemberRole(guild.id, '123456789012345678', role)))).code).toBe(10007);
    });
  });

  describe('interaction responses', () => {
    it('accepts one initial response and refuses a second with 40060', async () => {
      const record = interaction();
      await callback(record.id, record.token, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hello' } });
      const second = await apiError(callback(record.id, record.token, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'again' } }));
      expect([second.status, second.code]).toEqual([400, 40060]);
    });

    it('refuses a response after the deadline with 10062 Unknown interaction', async () => {
      const record = interaction();
      await new Promise((resolve) => setTimeout(resolve, 400));
      const late = await apiError(callback(record.id, record.token, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'late' } }));
      expect([late.status, late.code]).toEqual([404, 10062]);
      await expect(record.outcome).rejects.toThrow(/did not answer/);
    });

    it('takes autocomplete answers only as type 8, and modals only as a first response', async () => {
      const auto = interaction(InteractionType.ApplicationCommandAutocomplete);
      expect((await apiError(callback(auto.id, auto.token, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'x' } }))).code).toBe(50035);
      await callback(auto.id, auto.token, { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [{ name: 'a', value: 'a' }] } });

      const command = interaction();
      await callback(command.id, command.token, { type: InteractionResponseType.DeferredChannelMessageWithSource });
      const modal = { type: InteractionResponseType.Modal, data: { custom_id: 'm', title: 'Form', components: [{ type: 1, components: [{ type: 4, custom_id: 'f', label: 'F', style: 1 }] }] } };
      expect((await apiError(callback(command.id, command.token, modal))).code).toBe(40060);
    });

    it('fills a public "thinking…" with the first follow-up, which keeps the public visibility', async () => {
      const record = interaction();
      await callback(record.id, record.token, { type: InteractionResponseType.DeferredChannelMessageWithSource });
      const appId = harness.emulator.application.id;
      await rest.post(Routes.webhook(appId, record.token), { body: { content: 'here you go', flags: MessageFlags.Ephemeral }, auth: false });
      const shown = harness.read(general);
      expect(shown.map((m) => [m.content, m.loading, m.ephemeral])).toEqual([['here you go', false, false]]);
    });

    it('edits the deferred reply through the webhook and keeps ephemeral replies to one person', async () => {
      const record = interaction();
      await callback(record.id, record.token, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      const appId = harness.emulator.application.id;
      await rest.patch(Routes.webhookMessage(appId, record.token, '@original'), { body: { content: 'done' }, auth: false });
      expect(harness.read(general)).toEqual([]);
      const [reply] = harness.read(general, alice);
      expect(reply?.content).toBe('done');
      expect(reply?.loading).toBe(false);
      const followUp = (await rest.post(Routes.webhook(appId, record.token), { body: { content: 'and more' }, auth: false })) as APIMessage;
      expect(followUp.content).toBe('and more');
    });
  });

  describe('messages', () => {
    it('records pings only where allowed_mentions permits them', async () => {
      const text = `Welcome <@${alice.id}>!`;
      await rest.post(Routes.channelMessages(general.id), { body: { content: text, allowed_mentions: { parse: [] } } });
      await rest.post(Routes.channelMessages(general.id), { body: { content: text } });
      const [quiet, loud] = harness.read(general);
      expect(quiet?.pinged.users).toEqual([]);
      expect(loud?.pinged.users).toEqual([alice.id]);
    });

    it('dedupes a repeated nonce when enforce_nonce is set', async () => {
      const body = { content: 'weekly poem', nonce: 'ritual-42-20261124', enforce_nonce: true };
      const first = (await rest.post(Routes.channelMessages(general.id), { body })) as APIMessage;
      const second = (await rest.post(Routes.channelMessages(general.id), { body })) as APIMessage;
      expect(second.id).toBe(first.id);
      expect(harness.read(general)).toHaveLength(1);

      // Discord remembers nonces for a few minutes only: an old one no longer dedupes.
      const [stored] = harness.world.messagesIn(general.id);
      if (stored) stored.message = { ...stored.message, timestamp: new Date(Date.now() - 6 * 60_000).toISOString() };
      const third = (await rest.post(Routes.channelMessages(general.id), { body })) as APIMessage;
      expect(third.id).not.toBe(first.id);
      expect(harness.read(general)).toHaveLength(2);
    });

    it('answers 50278 to a DM for someone who shares no server with the bot, even with DMs open', async () => {
      const stranger = harness.user('stranger');
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: stranger.id } })) as APIChannel;
      const refused = await apiError(rest.post(Routes.channelMessages(dm.id), { body: { content: 'hello' } }));
      expect([refused.status, refused.code]).toEqual([403, 50278]);
    });

    it('checks a reply names a message in the channel, and TTS needs its permission', async () => {
      expect((await apiError(rest.post(Routes.channelMessages(general.id), { body: { content: 'x', message_reference: { message_id: '123456789012345678' } } }))).code).toBe(10008);
      expect((await apiError(rest.post(Routes.channelMessages(general.id), { body: { content: 'x', tts: true } }))).code).toBe(50013);
    });

    it('answers 50007 when a member has closed their DMs', async () => {
      const closed = harness.member(guild, 'dana', { dmsOpen: false });
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: closed.id } })) as APIChannel;
      expect((await apiError(rest.post(Routes.channelMessages(dm.id), { body: { content: 'welcome!' } }))).code).toBe(50007);
    });

    it('answers 50013 where the bot may see but not send, and 50001 where it may not see', async () => {
      const readOnly = harness.channel(guild, 'announcements', {
        overwrites: [{ id: guild.id, type: OverwriteType.Role, allow: '0', deny: PermissionFlagsBits.SendMessages.toString() }],
      });
      const hidden = harness.channel(guild, 'staff', {
        overwrites: [{ id: guild.id, type: OverwriteType.Role, allow: '0', deny: PermissionFlagsBits.ViewChannel.toString() }],
      });
      expect((await apiError(rest.post(Routes.channelMessages(readOnly.id), { body: { content: 'x' } }))).code).toBe(50013);
      expect((await apiError(rest.post(Routes.channelMessages(hidden.id), { body: { content: 'x' } }))).code).toBe(50001);
    });
  });

  describe('archived threads', () => {
    it('refuses edits with 50083, while a new message unarchives an unlocked thread', async () => {
      const starter = (await rest.post(Routes.channelMessages(general.id), { body: { content: 'Poem' } })) as APIMessage;
      const thread = (await rest.post(Routes.threads(general.id, starter.id), { body: { name: 'Talk' } })) as APIChannel;
      const inThread = (await rest.post(Routes.channelMessages(thread.id), { body: { content: 'Step 1' } })) as APIMessage;
      harness.world.updateThread(thread.id, { archived: true });
      const refused = await apiError(rest.patch(Routes.channelMessage(thread.id, inThread.id), { body: { content: 'Step 1, edited' } }));
      expect([refused.status, refused.code]).toEqual([400, 50083]);
      await rest.post(Routes.channelMessages(thread.id), { body: { content: 'Back again' } });
      expect(harness.world.channel(thread.id).thread?.archived).toBe(false);
    });
  });

  describe('roles and threads', () => {
    it('grants a role below the bot and refuses one above it with 50013', async () => {
      const member = harness.role(guild, 'Member');
      const above = harness.world.createRole(guild.id, { name: 'Admins', position: 99 }).id;
      await rest.put(Routes.guildMemberRole(guild.id, alice.id, member));
      expect(harness.world.member(guild.id, alice.id).roles).toEqual([member]);
      expect((await apiError(rest.put(Routes.guildMemberRole(guild.id, alice.id, above)))).code).toBe(50013);
    });

    it('opens a thread on a message once, and private threads only with the permission', async () => {
      const message = (await rest.post(Routes.channelMessages(general.id), { body: { content: 'Poem of the week' } })) as APIMessage;
      const thread = (await rest.post(Routes.threads(general.id, message.id), { body: { name: 'Talk about it' } })) as APIChannel;
      expect(thread.id).toBe(message.id);
      expect((await apiError(rest.post(Routes.threads(general.id, message.id), { body: { name: 'Again' } }))).code).toBe(160004);

      const noPrivate = harness.channel(guild, 'welcome', {
        overwrites: [{ id: guild.id, type: OverwriteType.Role, allow: '0', deny: PermissionFlagsBits.CreatePrivateThreads.toString() }],
      });
      const botRole = harness.world.member(guild.id, harness.emulator.bot.id).roles[0] ?? '';
      // The bot's own role doesn't re-allow it, so the @everyone deny holds.
      expect(botRole).not.toBe('');
      const refused = await apiError(rest.post(Routes.threads(noPrivate.id), { body: { name: 'Welcome, alice', type: ChannelType.PrivateThread } }));
      expect(refused.code).toBe(50013);
    });
  });
});
