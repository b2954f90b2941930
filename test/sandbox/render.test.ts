import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMessage, Harness, viewMessage, type ChannelRecord, type MessageBody, type MessageView, type UserRecord } from '@roots-bot/discord-emulator';
import { renderMarkdown } from '../../src/sandbox/terminal/markdown.js';
import { formatSize, renderMessage, type RenderContext } from '../../src/sandbox/terminal/render.js';
import { colourStyle, plainStyle, styleFor } from '../../src/sandbox/terminal/style.js';
import { displayWidth, wrap } from '../../src/sandbox/terminal/text.js';
import { describePlace, namesIn } from '../../src/sandbox/terminal/world-names.js';

// Messages are built by the emulator itself, as the bot's REST calls would build them, so the
// renderer is tested on the views the terminal really gets.
let harness: Harness;
let general: ChannelRecord;
let poems: ChannelRecord;
let alice: UserRecord;
let context: RenderContext;

beforeAll(async () => {
  harness = await Harness.start({ rateLimits: { disabled: true } });
  const guild = harness.guild('Roots Community', { owner: 'morgan' });
  general = harness.channel(guild, 'general');
  poems = harness.channel(guild, 'poems');
  alice = harness.member(guild, 'alice');
  context = {
    style: plainStyle,
    names: namesIn(harness.world),
    place: (id) => describePlace(harness.world, harness.emulator.bot.id, id),
    width: 80,
    timeZone: 'UTC',
  };
});
afterAll(() => harness.close());

function post(body: MessageBody, options: { channel?: ChannelRecord; onlyFor?: UserRecord } = {}): MessageView {
  const { world, bot } = harness.emulator;
  const channelId = (options.channel ?? general).id;
  const { message, pings } = composeMessage(world, { channelId, authorId: bot.id, body, flags: body.flags ?? 0 });
  return viewMessage(harness.emulator, world.addMessage(channelId, message, { visibleTo: options.onlyFor?.id ?? null, pings }));
}

const render = (view: MessageView, extra: Partial<RenderContext> = {}) => renderMessage(view, { ...context, ...extra });

describe('renderMessage', () => {
  it('says who wrote it and where, then the content indented beneath', () => {
    const lines = render(post({ content: 'Good morning!' }, { channel: poems }));
    expect(lines).toEqual(['Roots Bot in #poems', '  Good morning!']);
  });

  it('marks an ephemeral reply as seen by you alone, and an edit as edited', () => {
    const view = post({ content: 'Just for you', flags: MessageFlags.Ephemeral }, { onlyFor: alice });
    expect(render(view)[0]).toBe('Roots Bot in #general (only you can see this)');
    expect(renderMessage(view, context, { edited: true })[0]).toBe('Roots Bot in #general (only you can see this, edited)');
  });

  it('labels DMs and threads by who and where', () => {
    const dm = harness.world.dmChannel(harness.emulator.bot.id, alice.id);
    expect(render(post({ content: 'Welcome!' }, { channel: dm }))[0]).toBe('Roots Bot in DM with alice');
    const thread = harness.world.createThread({ parentId: poems.id, name: 'Week 3: The Summer Day', ownerId: alice.id, type: 11 });
    expect(render(post({ content: 'Lovely.' }, { channel: thread }))[0]).toBe('Roots Bot in thread "Week 3: The Summer Day" in #poems');
  });

  it('wraps long content to the width', () => {
    const lines = render(post({ content: 'word '.repeat(60).trim() }), { width: 40 });
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it('draws an embed as a box: title, wrapped description, fields as Name: value, footer', () => {
    const description = `${'A sentence that goes on for a while. '.repeat(6)}\n\n**Our mission:** We help educators grow.`;
    const lines = render(
      post({
        embeds: [
          {
            title: 'Roots Bot · Roots',
            description,
            fields: [
              { name: 'Version', value: '0.1.0', inline: true },
              { name: 'Steps', value: 'One\nTwo' },
            ],
            footer: { text: 'Innovation for equity.' },
          },
        ],
      }),
    );
    const box = lines.slice(1);
    expect(box[0]).toMatch(/^ {2}┌─+┐$/);
    expect(box.at(-1)).toMatch(/^ {2}└─+┘$/);
    expect(new Set(box.map(displayWidth)).size).toBe(1);
    expect(displayWidth(box[0] ?? '')).toBeLessThanOrEqual(80);
    const inside = box.map((line) => line.replace(/^ {2}[│├┌└]─* ?/, '').replace(/ *[│┤┐┘]$/, '').trimEnd());
    expect(inside).toContain('Roots Bot · Roots');
    expect(inside).toContain('Our mission: We help educators grow.');
    expect(inside).toContain('Version: 0.1.0');
    expect(inside).toContain('Steps: One');
    expect(inside).toContain('  Two');
    expect(inside.at(-2)).toBe('Innovation for equity.');
    for (const line of inside) expect(displayWidth(line)).toBeLessThanOrEqual(72);
  });

  it('numbers buttons for click, marking disabled ones and showing where links go', () => {
    const lines = render(
      post({
        content: 'Do you commit?',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'I commit to this', custom_id: 'a' },
              { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Skip', custom_id: 'b' },
              { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Done', custom_id: 'c', disabled: true },
              { type: ComponentType.Button, style: ButtonStyle.Link, label: 'Read more', url: 'https://example.org/tenets' },
            ],
          },
        ],
      }),
    );
    expect(lines).toContain('  [1 I commit to this] [2 Skip] [3 Done (disabled)]');
    expect(lines).toContain('  [4 Read more ↗ https://example.org/tenets]');
  });

  it('lists a menu with numbered options for select', () => {
    const lines = render(
      post({
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.StringSelect,
                custom_id: 'week',
                placeholder: 'Pick a week',
                options: [
                  { label: 'Week 1', value: 'w1', description: 'Roots and reasons' },
                  { label: 'Week 2', value: 'w2' },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(lines.slice(1)).toEqual(['  Pick a week (type select and a number)', '    1.  Week 1 — Roots and reasons', '    2.  Week 2']);
  });

  it('shows attachments with their size', () => {
    const view = post({ content: 'Your data' });
    const withFile: MessageView = { ...view, attachments: [{ id: '1', filename: 'my-roots-data.json', size: 1234, url: '', proxy_url: '' }] };
    expect(render(withFile)).toContain('  📎 my-roots-data.json (1.2 KB)');
    expect([formatSize(512), formatSize(2048), formatSize(3 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '3.0 MB']);
  });

  it('says whom a message notified', () => {
    const lines = render(post({ content: `Welcome <@${alice.id}>!`, allowed_mentions: { users: [alice.id] } }));
    expect(lines).toEqual(['Roots Bot in #general', '  Welcome @alice!', '  🔔 notified @alice']);
  });

  it('shows a deferred reply as thinking', () => {
    const view = post({ flags: MessageFlags.Loading });
    expect(render(view)).toEqual(['Roots Bot in #general', '  thinking…']);
  });

  it('writes no colour codes in plain style, and some in colour', () => {
    const view = post({ content: '**Bold** move', embeds: [{ title: 'T', description: 'd' }] });
    expect(render(view).join('\n')).not.toContain('\u001b');
    expect(render(view, { style: colourStyle }).join('\n')).toContain('\u001b[1m');
    expect(styleFor({ isTTY: false }, {})).toBe(plainStyle);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(plainStyle);
    expect(styleFor({ isTTY: true }, {})).toBe(colourStyle);
  });
});

describe('renderMarkdown', () => {
  const options = () => ({ names: namesIn(harness.world), style: plainStyle, timeZone: 'UTC', now: () => new Date(Date.UTC(2025, 2, 3)) });

  it('turns mentions into names and timestamps into dates', () => {
    const text = `<@${alice.id}> see <#${poems.id}> on <t:1741593600:D> (<t:1741593600:R>)`;
    expect(renderMarkdown(text, options())).toBe('@alice see #poems on March 10, 2025 (in 7 days)');
  });

  it('draws timestamps in the language of whoever you are acting as', () => {
    const text = 'on <t:1741593600:D> (<t:1741593600:R>)';
    expect(renderMarkdown(text, { ...options(), locale: () => 'es-ES' })).toBe('on 10 de marzo de 2025 (dentro de 7 días)');
    expect(renderMarkdown(text, { ...options(), locale: () => 'pt-BR' })).toBe('on 10 de março de 2025 (em 7 dias)');
  });

  it('keeps a quote’s bar on every line it wraps onto, and quotes the rest after >>>', () => {
    const view = post({ content: '> ' + 'a quote that goes on and on '.repeat(4).trim() + '\nafter' });
    const lines = render(view, { width: 40 }).slice(1);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(0, -1).every((line) => line.startsWith('  │ '))).toBe(true);
    expect(lines.at(-1)).toBe('  after');
    expect(renderMarkdown('before\n>>> one\ntwo', options())).toBe('before\n│ one\n│ two');
  });

  it('lines box borders up on lines with emoji', () => {
    const view = post({ embeds: [{ title: '⚠️ Check-in', description: '✅ done\n⏩ next week\n👩‍👩‍👧 family\nplain', footer: { text: '🌱 Roots' } }] });
    // Written out by hand: each emoji fills two columns, whatever displayWidth thinks.
    expect(render(view).slice(1)).toEqual([
      '  ┌──────────────┐',
      '  │ ⚠️ Check-in  │',
      '  ├──────────────┤',
      '  │ ✅ done      │',
      '  │ ⏩ next week │',
      '  │ 👩‍👩‍👧 family    │',
      '  │ plain        │',
      '  ├──────────────┤',
      '  │ 🌱 Roots     │',
      '  └──────────────┘',
    ]);
  });

  it('drops emphasis marks, keeps code spans, and reads links, headings, quotes and subtext', () => {
    expect(renderMarkdown('**Only** *moderators* can use `/ritual`. [Guide](https://example.org)', options())).toBe('Only moderators can use `/ritual`. Guide (https://example.org)');
    expect(renderMarkdown('## This week\n> a quote\n-# small print', options())).toBe('This week\n│ a quote\nsmall print');
    expect(renderMarkdown('2 * 3 * 4 and snake_case_name', options())).toBe('2 * 3 * 4 and snake_case_name');
  });
});

describe('text', () => {
  it('measures emoji as two columns and colour codes as none', () => {
    expect(displayWidth('🌱 Roots')).toBe(8);
    // Emoji made of several code points, and text symbols made emoji, fill two columns like the rest.
    expect(displayWidth('⚠️ Heads up')).toBe(11);
    expect(displayWidth('✅ ⏩ 👩‍👩‍👧 🇬🇧 1️⃣ 👍🏽')).toBe(17);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('↗ ─')).toBe(3);
    expect(displayWidth('\u001b[1mhi\u001b[22m')).toBe(2);
  });

  it('wraps at word boundaries, keeps blank lines, and splits a word too long for a line', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('a\n\nb', 10)).toEqual(['a', '', 'b']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
