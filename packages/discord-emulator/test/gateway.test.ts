import { once } from 'node:events';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  PresenceUpdateStatus,
} from 'discord-api-types/v10';
import { Events, type Client, type Message } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requiredIntent } from '../src/gateway/intents.js';
import type { SessionViewer } from '../src/gateway/types.js';
import { guildForViewer, isInShard, viewDispatch } from '../src/gateway/visibility.js';
import {
  IDS,
  TOKENS,
  USERS,
  guildFixture,
  member,
  messageFixture,
  rawClient,
  startHarness,
  type Harness,
  type RawGatewayClient,
} from './gateway-harness.js';

const { Guilds, GuildMembers, GuildMessages, GuildPresences, MessageContent, DirectMessages } = GatewayIntentBits;

let harness: Harness | undefined;
const raws: RawGatewayClient[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.close();
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  harness = await startHarness(options);
  return harness;
}

async function loggedIn(h: Harness, intents: number[]): Promise<Client<true>> {
  const client = h.client(intents);
  const ready = once(client, Events.ClientReady);
  await client.login(TOKENS.good);
  await ready;
  if (!client.isReady()) throw new Error('client not ready');
  return client;
}

function nextMessage(client: Client): Promise<Message> {
  return new Promise((resolve) => client.once(Events.MessageCreate, resolve));
}

describe('GatewayServer with a real discord.js Client', () => {
  it('logs in, emits clientReady and caches the guild, its channels, roles and own member', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds, GuildMessages]);

    expect(client.user.id).toBe(IDS.bot);
    expect(client.application.id).toBe(IDS.bot);
    const guild = client.guilds.cache.get(IDS.guild);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe('Roots Educators');
    expect(guild?.channels.cache.get(IDS.general)?.name).toBe('general');
    expect(guild?.channels.cache.get(IDS.voice)?.name).toBe('Podcast Club');
    expect(guild?.roles.cache.map((role) => role.name).sort()).toEqual(['@everyone', 'Educator']);
    expect(guild?.members.me?.id).toBe(IDS.bot);
    // Without GUILD_PRESENCES Discord sends only the bot (and voice members) in GUILD_CREATE.
    expect(guild?.members.cache.size).toBe(1);
    expect(guild?.memberCount).toBe(3);
    expect(h.gateway.sessionCount).toBe(1);
  });

  it('sends the whole member list of a small guild to sessions with GUILD_PRESENCES', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds, GuildPresences]);
    const members = client.guilds.cache.get(IDS.guild)?.members.cache;
    expect(members?.map((m) => m.user.username).sort()).toEqual(['alice', 'bob', 'roots-bot']);
  });

  it('delivers a dispatched MESSAGE_CREATE to messageCreate', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds, GuildMessages, MessageContent]);

    const received = nextMessage(client);
    expect(h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('Welcome, educators!'))).toBe(1);
    const message = await received;
    expect(message.content).toBe('Welcome, educators!');
    expect(message.author.id).toBe(IDS.alice);
    expect(message.channelId).toBe(IDS.general);
    expect(message.embeds).toHaveLength(1);
  });

  it('sends GUILD_MEMBER_ADD only to sessions that asked for GuildMembers', async () => {
    const h = await start();
    const withMembers = await loggedIn(h, [Guilds, GuildMessages, GuildMembers]);
    const without = await loggedIn(h, [Guilds, GuildMessages]);
    const withoutSaw: string[] = [];
    without.on(Events.Raw, (packet: { t: string | null }) => {
      if (packet.t) withoutSaw.push(packet.t);
    });
    const unexpectedJoin = vi.fn();
    without.on(Events.GuildMemberAdd, unexpectedJoin);

    const joined = once(withMembers, Events.GuildMemberAdd);
    const delivered = h.gateway.dispatch(GatewayDispatchEvents.GuildMemberAdd, {
      ...member(USERS.carol),
      guild_id: IDS.guild,
    });
    expect(delivered).toBe(1);
    const [added] = await joined;
    expect(added.id).toBe(IDS.carol);
    expect(withMembers.guilds.cache.get(IDS.guild)?.memberCount).toBe(4);

    // Dispatches keep their order per session, so once this sentinel arrives the member add would
    // have arrived before it.
    const sentinel = nextMessage(without);
    h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('sentinel'));
    await sentinel;
    expect(withoutSaw).not.toContain(GatewayDispatchEvents.GuildMemberAdd);
    expect(unexpectedJoin).not.toHaveBeenCalled();
  });

  it('empties message content without MESSAGE_CONTENT unless the bot is mentioned or wrote it', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds, GuildMessages]);

    let received = nextMessage(client);
    h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('secret plans'));
    const hidden = await received;
    expect(hidden.content).toBe('');
    expect(hidden.embeds).toHaveLength(0);

    received = nextMessage(client);
    h.gateway.dispatch(
      GatewayDispatchEvents.MessageCreate,
      messageFixture(`<@${IDS.bot}> what is the tenet today?`, { mentions: [USERS.bot] }),
    );
    expect((await received).content).toBe(`<@${IDS.bot}> what is the tenet today?`);

    received = nextMessage(client);
    h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('my own words', { author: USERS.bot }));
    expect((await received).content).toBe('my own words');
  });

  it('RESUMEs after dropConnections and replays the missed dispatches once, in order', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds, GuildMessages, MessageContent]);
    const contents: string[] = [];
    client.on(Events.MessageCreate, (message) => contents.push(message.content));

    const resumeSent = h.gateway.nextClientMessage((m) => m.op === GatewayOpcodes.Resume);
    const resumed = once(client, Events.ShardResume);
    h.gateway.dropConnections();
    expect(h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('missed one'))).toBe(1);
    expect(h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('missed two'))).toBe(1);

    const resume = await resumeSent;
    expect(resume.d).toMatchObject({ token: '[redacted]', seq: expect.any(Number) });
    const [, replayed] = await resumed;
    expect(replayed).toBe(2);
    expect(contents).toEqual(['missed one', 'missed two']);

    // A live dispatch after the resume proves nothing was queued twice.
    const live = nextMessage(client);
    h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('live again'));
    await live;
    expect(contents).toEqual(['missed one', 'missed two', 'live again']);
    expect(h.gateway.sessionCount).toBe(1);
    expect(h.gateway.clientMessages.filter((m) => m.op === GatewayOpcodes.Identify)).toHaveLength(1);
  });

  it('rejects login with an unknown token (close 4004 "Authentication failed")', async () => {
    const h = await start();
    const client = h.client([Guilds]);
    await expect(client.login('not-a-real-token')).rejects.toThrow(/Authentication failed/);
    expect(h.gateway.sessionCount).toBe(0);
  });

  it('rejects privileged intents the application has not enabled (close 4014)', async () => {
    const h = await start();
    const client = h.client([Guilds, GuildMembers]);
    const disconnected = once(client, Events.ShardDisconnect);
    await expect(client.login(TOKENS.limited)).rejects.toThrow(/disallowed intents/i);
    const [event] = await disconnected;
    expect(event.code).toBe(GatewayCloseCodes.DisallowedIntents);
    expect(h.gateway.sessionCount).toBe(0);
  });

  it('acknowledges heartbeats and answers a server heartbeat request at once', async () => {
    const h = await start({ heartbeatIntervalMs: 100 });
    const client = await loggedIn(h, [Guilds]);

    await h.gateway.nextClientMessage((m) => m.op === GatewayOpcodes.Heartbeat, 1_000);
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: 1_000 });

    const answered = h.gateway.nextClientMessage((m) => m.op === GatewayOpcodes.Heartbeat, 1_000);
    h.gateway.requestHeartbeats();
    const beat = await answered;
    expect(typeof beat.d).toBe('number');
  });

  it('RESUMEs when the server sends op 7 RECONNECT', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds]);
    const resumeSent = h.gateway.nextClientMessage(
      (m) => m.op === GatewayOpcodes.Resume || m.op === GatewayOpcodes.Identify,
    );
    const resumed = once(client, Events.ShardResume);
    h.gateway.requestReconnect();
    expect((await resumeSent).op).toBe(GatewayOpcodes.Resume);
    await resumed;
    expect(h.gateway.sessionCount).toBe(1);
  });

  it('becomes ready without GUILDS, with the READY guilds left unavailable', async () => {
    const h = await start();
    const client = await loggedIn(h, [GuildMessages]);
    expect(client.guilds.cache.size).toBe(1);
    expect(client.guilds.cache.get(IDS.guild)?.available).toBe(false);
  });

  it('answers guild.members.fetch() with GUILD_MEMBERS_CHUNK (op 8)', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds, GuildMembers]);
    const members = await client.guilds.cache.get(IDS.guild)?.members.fetch();
    expect(members?.map((m) => m.user.username).sort()).toEqual(['alice', 'bob', 'roots-bot']);
    const request = h.gateway.clientMessages.find((m) => m.op === GatewayOpcodes.RequestGuildMembers);
    expect(request?.d).toMatchObject({ guild_id: IDS.guild, query: '', limit: 0 });
  });

  it('forgets the session when the client closes cleanly', async () => {
    const h = await start();
    const client = await loggedIn(h, [Guilds]);
    expect(h.gateway.sessionCount).toBe(1);
    await client.destroy();
    await vi.waitFor(() => expect(h.gateway.sessionCount).toBe(0), { timeout: 1_000 });
  });
});

describe('Gateway protocol edge cases (raw socket)', () => {
  const identify = (d: Record<string, unknown> = {}): unknown => ({
    op: GatewayOpcodes.Identify,
    d: {
      token: TOKENS.good,
      intents: Guilds,
      properties: { os: 'linux', browser: 'test', device: 'test' },
      ...d,
    },
  });

  async function connect(h: Harness, query?: string): Promise<RawGatewayClient> {
    const raw = await rawClient(h.port, query);
    raws.push(raw);
    return raw;
  }

  it('greets with HELLO carrying the configured heartbeat interval', async () => {
    const h = await start({ heartbeatIntervalMs: 12_345 });
    const raw = await connect(h);
    const hello = await raw.next();
    expect(hello).toEqual({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: 12_345 },
      s: null,
      t: null,
      binary: false,
    });
  });

  it.each([
    ['undecodable JSON', 'not json', GatewayCloseCodes.DecodeError],
    ['an unknown opcode', JSON.stringify({ op: 99, d: null }), GatewayCloseCodes.UnknownOpcode],
    ['a malformed identify', JSON.stringify({ op: 2, d: { token: 5 } }), GatewayCloseCodes.UnknownOpcode],
    [
      'a request before identifying',
      JSON.stringify({ op: 8, d: { guild_id: IDS.guild, query: '', limit: 0 } }),
      GatewayCloseCodes.NotAuthenticated,
    ],
  ])('closes on %s', async (_label, text, code) => {
    const h = await start();
    const raw = await connect(h);
    await raw.next((p) => p.op === GatewayOpcodes.Hello);
    raw.sendText(text);
    expect((await raw.closed).code).toBe(code);
  });

  it.each([
    ['missing intents', { intents: undefined }, GatewayCloseCodes.InvalidIntents],
    ['undocumented intent bits', { intents: 1 << 30 }, GatewayCloseCodes.InvalidIntents],
    ['an invalid shard', { shard: [1, 1] }, GatewayCloseCodes.InvalidShard],
  ])('closes an identify with %s', async (_label, d, code) => {
    const h = await start();
    const raw = await connect(h);
    raw.send(identify(d));
    expect((await raw.closed).code).toBe(code);
  });

  it('closes with 4005 when a session identifies twice', async () => {
    const h = await start();
    const raw = await connect(h);
    raw.send(identify());
    await raw.next((p) => p.t === GatewayDispatchEvents.Ready);
    raw.send(identify());
    expect((await raw.closed).code).toBe(GatewayCloseCodes.AlreadyAuthenticated);
  });

  it('numbers READY and GUILD_CREATE per session and points resume_gateway_url at itself', async () => {
    const h = await start();
    const raw = await connect(h);
    raw.send(identify());
    const ready = await raw.next((p) => p.t === GatewayDispatchEvents.Ready);
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: IDS.bot },
      guilds: [{ id: IDS.guild, unavailable: true }],
      resume_gateway_url: `ws://127.0.0.1:${h.port}/gateway`,
      shard: [0, 1],
      application: { id: IDS.bot, flags: 0 },
    });
    const guildCreate = await raw.next((p) => p.t === GatewayDispatchEvents.GuildCreate);
    expect(guildCreate.s).toBe(2);
    expect(guildCreate.d).toMatchObject({ id: IDS.guild, large: false, member_count: 3 });
  });

  it('answers RESUME of an unknown session with INVALID_SESSION (d: false)', async () => {
    const h = await start();
    const raw = await connect(h);
    raw.send({ op: GatewayOpcodes.Resume, d: { token: TOKENS.good, session_id: 'nope', seq: 3 } });
    expect(await raw.next((p) => p.op === GatewayOpcodes.InvalidSession)).toMatchObject({ d: false });
  });

  it('refuses a RESUME whose missed events fell out of the replay buffer', async () => {
    const h = await start({ replayBufferSize: 2 });
    const first = await connect(h);
    first.send(identify({ intents: Guilds | GuildMessages }));
    const ready = await first.next((p) => p.t === GatewayDispatchEvents.Ready);
    const sessionId = (ready.d as { session_id: string }).session_id;
    h.gateway.dropConnections();
    await first.closed;
    for (const text of ['a', 'b', 'c']) h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture(text));

    const second = await connect(h);
    second.send({ op: GatewayOpcodes.Resume, d: { token: TOKENS.good, session_id: sessionId, seq: 2 } });
    expect(await second.next((p) => p.op === GatewayOpcodes.InvalidSession)).toMatchObject({ d: false });
    expect(h.gateway.sessionCount).toBe(0);
  });

  it('replays with RESUMED last and closes 4007 for a sequence from the future', async () => {
    const h = await start();
    const first = await connect(h);
    first.send(identify({ intents: Guilds | GuildMessages | MessageContent }));
    const ready = await first.next((p) => p.t === GatewayDispatchEvents.Ready);
    const sessionId = (ready.d as { session_id: string }).session_id;
    await first.next((p) => p.t === GatewayDispatchEvents.GuildCreate);
    h.gateway.dropConnections();
    h.gateway.dispatch(GatewayDispatchEvents.MessageCreate, messageFixture('while away'));

    const second = await connect(h);
    second.send({ op: GatewayOpcodes.Resume, d: { token: TOKENS.good, session_id: sessionId, seq: 2 } });
    const replayed = await second.next((p) => p.op === GatewayOpcodes.Dispatch);
    expect(replayed).toMatchObject({ t: GatewayDispatchEvents.MessageCreate, s: 3, d: { content: 'while away' } });
    expect(await second.next()).toMatchObject({ t: GatewayDispatchEvents.Resumed, s: null });

    h.gateway.dropConnections();
    const third = await connect(h);
    third.send({ op: GatewayOpcodes.Resume, d: { token: TOKENS.good, session_id: sessionId, seq: 99 } });
    expect((await third.closed).code).toBe(GatewayCloseCodes.InvalidSeq);
  });

  it('forgets a dropped session once its resume window has passed', async () => {
    const h = await start({ sessionTtlMs: 30 });
    const raw = await connect(h);
    raw.send(identify());
    await raw.next((p) => p.t === GatewayDispatchEvents.Ready);
    h.gateway.dropConnections();
    expect(h.gateway.sessionCount).toBe(1);
    await vi.waitFor(() => expect(h.gateway.sessionCount).toBe(0), { timeout: 500 });
  });

  it('compresses each payload on its own after IDENTIFY with compress: true', async () => {
    const h = await start();
    const raw = await connect(h);
    expect(await raw.next()).toMatchObject({ op: GatewayOpcodes.Hello, binary: false });
    raw.send(identify({ compress: true }));
    expect(await raw.next()).toMatchObject({ t: GatewayDispatchEvents.Ready, binary: true });
    expect(await raw.next()).toMatchObject({ t: GatewayDispatchEvents.GuildCreate, binary: true });
  });

  it('speaks compress=zlib-stream with one shared deflate context', async () => {
    const h = await start({ heartbeatIntervalMs: 5_000 });
    const raw = await connect(h, 'v=10&encoding=json&compress=zlib-stream');
    expect(await raw.next()).toMatchObject({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 5_000 } });
    raw.send(identify());
    expect(await raw.next()).toMatchObject({ t: GatewayDispatchEvents.Ready, s: 1 });
    expect(await raw.next()).toMatchObject({ t: GatewayDispatchEvents.GuildCreate, s: 2 });
    raw.send({ op: GatewayOpcodes.Heartbeat, d: 2 });
    expect(await raw.next()).toMatchObject({ op: GatewayOpcodes.HeartbeatAck });
  });

  it('refuses gateway versions other than 10 with 4012', async () => {
    const h = await start();
    const raw = await connect(h, 'v=6&encoding=json');
    expect((await raw.closed).code).toBe(GatewayCloseCodes.InvalidAPIVersion);
  });
});

describe('dispatch visibility rules', () => {
  const viewer = (intents: number, overrides: Partial<SessionViewer> = {}): SessionViewer => ({
    userId: IDS.bot,
    intents,
    largeThreshold: 50,
    shard: [0, 1],
    ...overrides,
  });

  it('gates message events by GUILD_MESSAGES in guilds and DIRECT_MESSAGES in DMs', () => {
    expect(requiredIntent(GatewayDispatchEvents.MessageCreate, messageFixture('x'))).toBe(GuildMessages);
    expect(requiredIntent(GatewayDispatchEvents.MessageCreate, messageFixture('x', { guildId: null }))).toBe(
      DirectMessages,
    );
    expect(requiredIntent(GatewayDispatchEvents.InteractionCreate, {})).toBeNull();
    expect(requiredIntent(GatewayDispatchEvents.ThreadCreate, {})).toBe(Guilds);
  });

  it('keeps DM content without MESSAGE_CONTENT', () => {
    const dm = messageFixture('private note', { guildId: null });
    const view = viewDispatch({ t: GatewayDispatchEvents.MessageCreate, d: dm }, viewer(DirectMessages));
    expect(view?.d).toMatchObject({ content: 'private note' });
  });

  it('trims THREAD_MEMBERS_UPDATE to the bot itself without GUILD_MEMBERS', () => {
    const update = {
      id: '1400000000000000001',
      guild_id: IDS.guild,
      member_count: 2,
      added_members: [
        { user_id: IDS.alice, join_timestamp: '2024-01-01T00:00:00.000Z', flags: 0 },
        { user_id: IDS.bot, join_timestamp: '2024-01-01T00:00:00.000Z', flags: 0 },
      ],
    };
    const onlyGuilds = viewDispatch({ t: GatewayDispatchEvents.ThreadMembersUpdate, d: update }, viewer(Guilds));
    expect(onlyGuilds?.d).toMatchObject({ added_members: [{ user_id: IDS.bot }] });
    const withMembers = viewDispatch(
      { t: GatewayDispatchEvents.ThreadMembersUpdate, d: update },
      viewer(Guilds | GuildMembers),
    );
    expect(withMembers?.d).toBe(update);
    const aboutOthers = { ...update, added_members: update.added_members.slice(0, 1) };
    expect(viewDispatch({ t: GatewayDispatchEvents.ThreadMembersUpdate, d: aboutOthers }, viewer(Guilds))).toBeNull();
  });

  it('sends only online, role-holding, nicknamed or voice members of large guilds', () => {
    const guild = guildFixture();
    guild.member_count = 500;
    guild.members = [
      member(USERS.bot),
      member(USERS.alice, [IDS.educatorRole]),
      member(USERS.bob),
      { ...member(USERS.carol), nick: 'Caz' },
    ];
    guild.presences = [
      { guild_id: IDS.guild, user: { id: IDS.bob }, status: PresenceUpdateStatus.Online, activities: [] },
    ];
    const view = guildForViewer(guild, viewer(Guilds | GuildPresences));
    expect(view.large).toBe(true);
    expect(view.members?.map((m) => m.user.username)).toEqual(['roots-bot', 'alice', 'bob', 'carol']);

    const offline = { ...guild, presences: [] };
    expect(guildForViewer(offline, viewer(Guilds | GuildPresences)).members).toHaveLength(3);
    expect(guildForViewer(guild, viewer(Guilds)).members?.map((m) => m.user.id)).toEqual([IDS.bot]);
  });

  it('routes guild events by Discord\'s shard formula and DMs to shard 0', () => {
    const guildId = String((5n << 22n) | 123n); // (id >> 22) % 2 === 1
    expect(isInShard(guildId, [1, 2])).toBe(true);
    expect(isInShard(guildId, [0, 2])).toBe(false);
    expect(isInShard(null, [0, 2])).toBe(true);
    expect(isInShard(null, [1, 2])).toBe(false);
  });
});
