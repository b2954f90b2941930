import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeMessage, Harness, type ChannelRecord, type MessageBody, type UserRecord } from '@roots-bot/discord-emulator';
import type { RunningBot } from '../../src/bot.js';
import { ManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { buildDemoGuild, type DemoGuild } from '../../src/sandbox/demo-guild.js';
import { startBotOnEmulator } from '../../src/sandbox/sandbox-bot.js';
import { memoryIo } from '../../src/sandbox/terminal/io.js';
import { Session } from '../../src/sandbox/terminal/session.js';
import { plainStyle } from '../../src/sandbox/terminal/style.js';

describe('the sandbox session', () => {
  let harness: Harness;
  let demo: DemoGuild;
  let bot: RunningBot;
  let io: ReturnType<typeof memoryIo>;
  let session: Session;
  let dataDir: string;

  beforeEach(async () => {
    harness = await Harness.start({ rateLimits: { disabled: true } });
    demo = buildDemoGuild(harness);
    const clock = new ManualClock();
    dataDir = mkdtempSync(`${tmpdir()}/roots-sandbox-`);
    const databasePath = `${dataDir}/sandbox.sqlite`;
    bot = await startBotOnEmulator(harness.emulator, { database: { kind: 'sqlite', path: databasePath }, logger: createLogger({ level: 'silent' }), clock });
    io = memoryIo([]);
    session = new Session({ harness, guild: demo.guild, start: { person: demo.moderator, channel: demo.channels.general }, clock, io, style: plainStyle, settle: { idleMs: 50 }, filesDir: `${dataDir}/sandbox-files` });
  });
  afterEach(async () => {
    session.stop();
    await bot.stop();
    await harness.close();
  });

  /** Types a line and returns what the terminal printed for it. */
  async function type(line: string): Promise<string[]> {
    const before = io.output.length;
    await session.handle(line);
    return io.output.slice(before);
  }

  /** The bot writing on its own, as a ritual or a welcome would. */
  function botPosts(channel: ChannelRecord, body: MessageBody, onlyFor?: UserRecord): void {
    const { world, bot: botUser } = harness.emulator;
    const { message, pings } = composeMessage(world, { channelId: channel.id, authorId: botUser.id, body, flags: body.flags ?? 0 });
    world.addMessage(channel.id, message, { visibleTo: onlyFor?.id ?? null, pings });
  }

  it('lets you act as a member, look at a channel, and explains kindly when there is nothing to click', async () => {
    expect(session.prompt).toBe('morgan in #general> ');
    expect(await type('as alice')).toEqual(['', 'You are now alice, in #general.']);
    expect(session.prompt).toBe('alice in #general> ');
    expect(await type('show #general')).toEqual(['', '── #general ── Anything and everything', '  No messages yet.']);
    expect(await type('click 1')).toEqual(['', "There's nothing to click right now: no message you've seen has buttons."]);
    expect(await type('show #mod-log')).toEqual(['', "alice can't see #mod-log."]);
    expect(await type('as zoe')).toEqual(['', "There's nobody called zoe. People here: morgan, alice, ben. To bring someone new, type join zoe."]);
    expect(io.output.join('\n')).not.toMatch(/Error|    at /);
  });

  it('lets you give a member a Discord language, which the bot answers in', async () => {
    expect(await type('as alice --locale es')).toEqual(['', 'You are now alice, in #general. Their Discord is in es-ES.']);
    const shown = (await type('/tenets show')).join('\n');
    expect(shown).toContain('Nuestros principios · Roots Community');
    expect(shown).toContain('Comparte con generosidad');
    expect(await type('as alice --locale fr')).toEqual(['', 'I don\'t know the language "fr". Try es (Español), pt (Português do Brasil) or en (English), like as alice --locale es.']);
  });

  it("prints the bot's answer to a slash command once", async () => {
    const printed = await type('/about');
    expect(printed[1]).toBe('Roots Bot in #general (only you can see this)');
    expect(printed.filter((line) => line.includes('Roots Bot · Roots'))).toHaveLength(1);
    expect(printed.join('\n')).toContain('Our mission: We help educators grow');
  });

  it('says how to type a command the way Discord would have refused it', async () => {
    expect(await type('/abuot')).toEqual(['', 'There is no /abuot command here. Did you mean /about?']);
    expect(await type('/about extra:1')).toEqual(['', '/about has no option "extra". Usage: /about']);
  });

  it('shows what the bot posts by itself to the person you are, and nothing meant for others', async () => {
    botPosts(demo.channels.poems, { content: 'This week’s poem is up.' });
    botPosts(demo.channels.general, { content: 'Just for ben', flags: MessageFlags.Ephemeral }, demo.members.ben);
    botPosts(demo.channels['mod-log'], { content: 'alice finished onboarding' });
    expect(io.output).toEqual(['', 'Roots Bot in #poems', '  This week’s poem is up.', '', 'Roots Bot in #mod-log', '  alice finished onboarding']);
  });

  it('clicks a button on the last message you saw with buttons', async () => {
    const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Join in', custom_id: 'old:join:1' },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Skip', custom_id: 'old:skip:1' },
      ],
    };
    botPosts(demo.channels.general, { content: 'Podcast club starts now.', components: [row] });
    expect(io.output).toContain('  [1 Join in] [2 Skip]');
    const printed = await type('click skip');
    expect(printed[1]).toBe('Roots Bot in #general (only you can see this)');
    expect(printed.join(' ')).toContain("This button is from an older message and doesn't work anymore.");
  });

  it('picks from the last menu you saw by number, label or value', async () => {
    botPosts(demo.channels.general, {
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: 'old:week:1',
              placeholder: 'Pick a week',
              options: [
                { label: 'Week 1', value: 'w1' },
                { label: 'Week 2', value: 'w2' },
              ],
            },
          ],
        },
      ],
    });
    expect(await type('click 1')).toEqual(['', 'The last message you saw has a menu, not buttons: use select.']);
    expect(await type('select 3')).toEqual(['', '"3" isn\'t one of the options; pick a number from 1 to 2.']);
    expect((await type('select 2')).join(' ')).toContain("This button is from an older message and doesn't work anymore.");
  });

  it('explains itself with help, from the commands the bot published', async () => {
    const help = (await type('help')).join('\n');
    expect(help).toContain('You are morgan, in #general. You can type:');
    expect(help).toMatch(/\/about +What Roots Bot is/);
    expect(help).toContain('act as someone else: morgan, alice, ben');
    expect(help).toMatch(/cancel +close a form without sending it \(Ctrl-C works too\)/);
    expect(await type('help /about')).toEqual(['', '/about', '    What Roots Bot is, what it does here, and our mission']);
  });

  it("shows a form's text as Discord draws it, without Markdown's asterisks", async () => {
    await type('/course enroll course:root-causes-to-grassroots-action');
    const form = await type('/course complete');
    const text = form.filter((line) => line.includes('Which of the three conditions'));
    expect(text).toHaveLength(1);
    expect(text[0]).toMatch(/^ {2}Which of the three conditions/);
    expect(form.join('\n')).not.toContain('**');
    // What Discord writes under the field's label is there too.
    expect(form.some((line) => /^ {4}Up to [\d,]+ characters\. It stays private unless you share it\.$/.test(line))).toBe(true);
  });

  it('saves the files the bot sends, says where, and opens a text one in the terminal', async () => {
    await type('as alice');
    const printed = await type('/privacy export');
    const saved = printed.find((line) => line.includes('saved as'));
    expect(printed.join('\n')).toMatch(/📎 \S+\.json \(\d+(\.\d)? (B|KB)\)/);
    expect(saved).toMatch(/^ {5}saved as \S+ \(type open 1 to read it here\)$/);
    const path = /saved as (\S+)/.exec(saved ?? '')?.[1] ?? '';
    expect(path.startsWith(dataDir) || existsSync(path)).toBe(true);
    const onDisk = readFileSync(path.startsWith('/') ? path : `${process.cwd()}/${path}`, 'utf8');
    const opened = await type('open 1');
    expect(opened[1]).toMatch(/^── \S+\.json ── /);
    expect(opened.slice(2).map((line) => line.slice(2)).join('\n')).toBe(onDisk.replace(/\n$/, ''));
    expect(await type('show file 1')).toEqual(opened);
    expect(await type('open 7')).toEqual(['', "There's no file 7; the files so far are numbered 1 to 1."]);
  });

  it('brings people in and out, writes messages, and moves the bot’s clock', async () => {
    expect(await type('join dave')).toEqual(['', 'dave joined Roots Community. You are now dave, in #general.']);
    expect(await type('say Hello, everyone!')).toEqual(['', 'dave in #general', '  Hello, everyone!']);
    expect(await type('leave dave')).toEqual(['', 'dave left Roots Community. You are now morgan, in #general.']);
    expect(await type('leave morgan')).toEqual(['', "morgan owns Roots Community, so they can't leave it."]);
    expect((await type('time +2d'))[1]).toMatch(/^⏩ 2 days later: it's now /);
    expect((await type('/about')).join('\n')).toContain('Awake for: 2 days');
    expect(await session.handle('quit')).toBe('quit');
  });
});
