import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { deliverPost } from '../../src/rituals/discord/delivery.js';
import { triage } from '../../src/rituals/ledger.js';
import type { LibraryEntry, Schedule } from '../../src/rituals/model.js';
import { NONCE_MAX_LENGTH, nonceFor } from '../../src/rituals/nonce.js';
import { ENGLISH_RITUALS } from '../../src/rituals/discord/messages.js';
import { composePost, isPostOf, type ComposedPost, type SeenMessage } from '../../src/rituals/discord/post-view.js';
import { chooseNext } from '../../src/rituals/rotation.js';
import type { RitualTransport } from '../../src/rituals/discord/transport.js';

const minutes = (n: number) => n * 60_000;
const t = (iso: string) => new Date(iso);

describe('triage after downtime (startingDeadlineSeconds)', () => {
  const startedAt = t('2026-03-02T15:00:00Z');

  it('posts only the most recent missed occurrence, if it is within the catch-up window', () => {
    const due = [t('2026-03-02T10:00:00Z'), t('2026-03-02T11:00:00Z'), t('2026-03-02T12:00:00Z')];
    expect(triage(due, startedAt, startedAt, 6 * 60)).toEqual({ claim: [due[2]], miss: [due[0], due[1]] });
  });

  it('records everything as missed when even the latest is too old', () => {
    const due = [t('2026-03-01T09:00:00Z')];
    expect(triage(due, startedAt, startedAt, 6 * 60)).toEqual({ claim: [], miss: due });
  });

  it('claims what fell due while this process was running, however late (clock jumps, slow ticks)', () => {
    const running = [t('2026-03-03T09:00:00Z')];
    expect(triage(running, t('2026-03-09T09:00:00Z'), startedAt, 6 * 60)).toEqual({ claim: running, miss: [] });
  });

  it('posts only the latest of several that fell due while the process slept, never a burst', () => {
    const slept = [t('2026-03-03T09:00:00Z'), t('2026-03-04T09:00:00Z'), t('2026-03-05T09:00:00Z')];
    expect(triage(slept, t('2026-03-05T10:00:00Z'), startedAt, 6 * 60)).toEqual({ claim: [slept[2]], miss: [slept[0], slept[1]] });
  });
});

function entry(id: number): LibraryEntry {
  return { id, guildId: 'g', starterKey: null, title: `Poem ${id}`, questions: [], removed: false, revision: 1, kind: 'poem', author: 'A. Poet', year: 1900, source: null, text: 'Words' };
}

describe('rotation', () => {
  it('posts every entry once before any repeats, and never opens a cycle with the last one posted', () => {
    const entries = [1, 2, 3, 4, 5].map(entry);
    const history: { cycle: number; entryId: number; sequence: number }[] = [];
    for (let pick = 1; pick <= 15; pick += 1) {
      const choice = chooseNext('g:poem', entries, history);
      if (!choice) throw new Error('expected a choice');
      history.push({ cycle: choice.cycle, entryId: choice.entry.id, sequence: pick });
    }
    for (const cycle of [1, 2, 3]) {
      expect(new Set(history.filter((pick) => pick.cycle === cycle).map((pick) => pick.entryId)).size).toBe(5);
    }
    for (let i = 1; i < history.length; i += 1) expect(history[i]?.entryId).not.toBe(history[i - 1]?.entryId);
  });

  it('is the same for the same history, and has nothing to offer from an empty library', () => {
    const entries = [1, 2, 3].map(entry);
    expect(chooseNext('g:poem', entries, [])?.entry.id).toBe(chooseNext('g:poem', entries, [])?.entry.id);
    expect(chooseNext('g:poem', [], [])).toBeUndefined();
  });
});

describe('nonce', () => {
  it('is deterministic per occurrence and part, and fits in 25 characters', () => {
    const at = t('2026-03-02T14:00:00Z');
    expect(nonceFor(3, at, 'post')).toBe(nonceFor(3, at, 'post'));
    expect(nonceFor(3, at, 'post')).not.toBe(nonceFor(3, at, 'opening'));
    expect(nonceFor(3, at, 'post')).not.toBe(nonceFor(4, at, 'post'));
    expect(nonceFor(3, at, 'post')).not.toBe(nonceFor(3, new Date(at.getTime() + minutes(1)), 'post'));
    expect(nonceFor(3, at, 'post').length).toBe(NONCE_MAX_LENGTH);
  });
});

const schedule: Schedule = {
  id: 3,
  guildId: 'g',
  channelId: 'c',
  kind: 'poem',
  cron: '0 9 * * 1',
  timeZone: 'UTC',
  openThread: true,
  catchUpMinutes: 360,
  status: { state: 'active', nextDueAt: null },
  createdAt: t('2026-01-01T00:00:00Z'),
  revision: 1,
};
const occurrence = { id: 11, at: t('2026-03-02T09:00:00Z') };

function composed(): ComposedPost {
  const result = composePost(ENGLISH_RITUALS, schedule, occurrence, { ...entry(1), questions: ['Q1?', 'Q2?'] });
  if (!result.ok) throw new Error('expected a post');
  return result.value;
}

describe('the post', () => {
  it('carries its nonce, no pings, and a thread with the questions', () => {
    const post = composed();
    expect(post.message).toMatchObject({ nonce: nonceFor(3, occurrence.at, 'post'), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(post.message.embeds?.[0]).toMatchObject({ title: 'Poem 1', footer: { text: 'Poetry ritual · ritual #3' }, timestamp: occurrence.at.toISOString() });
    expect(post.thread?.name).toBe('Poetry ritual: Poem 1');
    expect(post.thread?.opening?.content).toContain('1. Q1?\n2. Q2?');
  });

  it('is recognised by its marker, whoever formats the timestamp, and only when the bot wrote it', () => {
    const seen: SeenMessage = { id: 'm', authorId: 'bot', embeds: [{ footer: { text: 'Poetry ritual · ritual #3' }, timestamp: '2026-03-02T09:00:00+00:00' }] };
    expect(isPostOf(seen, composed().marker, 'bot')).toBe(true);
    expect(isPostOf({ ...seen, authorId: 'someone' }, composed().marker, 'bot')).toBe(false);
    expect(isPostOf(seen, { scheduleId: 33, occurrenceAt: occurrence.at }, 'bot')).toBe(false);
    expect(isPostOf(seen, { scheduleId: 3, occurrenceAt: t('2026-03-09T09:00:00Z') }, 'bot')).toBe(false);
  });
});

/** A Discord that forgets nonces at once: as real Discord is, minutes after a post. */
function forgetfulDiscord() {
  const channels = new Map<string, { id: string; authorId: string; body: RESTPostAPIChannelMessageJSONBody }[]>();
  const threads = new Set<string>();
  let next = 100;
  const transport: RitualTransport = {
    botId: 'bot',
    async send(channelId, body) {
      const message = { id: String(next++), authorId: 'bot', body };
      channels.set(channelId, [...(channels.get(channelId) ?? []), message]);
      return message;
    },
    async startThread(_channelId, messageId) {
      const created = !threads.has(messageId);
      threads.add(messageId);
      return { id: messageId, created };
    },
    async recentMessages(channelId) {
      return (channels.get(channelId) ?? []).map((m) => ({ id: m.id, authorId: m.authorId, embeds: (m.body.embeds ?? []).map((e) => ({ footer: e.footer, timestamp: e.timestamp })) })).reverse();
    },
  };
  return { transport, channels };
}

describe('delivery after a crash, beyond the nonce window', () => {
  const signal = new AbortController().signal;

  it('finds the earlier post and opening instead of sending them again', async () => {
    const { transport, channels } = forgetfulDiscord();
    const post = composed();
    const first = await deliverPost(transport, post, false, signal);
    const again = await deliverPost(transport, post, true, signal);
    expect(again).toEqual({ messageId: first.messageId, threadId: first.threadId, recovered: true });
    expect(channels.get('c')).toHaveLength(1);
    expect(channels.get(first.messageId)).toHaveLength(1);
  });

  it('finishes a post whose thread never opened', async () => {
    const { transport, channels } = forgetfulDiscord();
    const post = composed();
    await transport.send('c', post.message, signal); // the crash came right after the message
    const finished = await deliverPost(transport, post, true, signal);
    expect(finished.recovered).toBe(true);
    expect(channels.get('c')).toHaveLength(1);
    expect(channels.get(finished.messageId)?.map((m) => m.body.content)).toEqual([post.thread?.opening?.content]);
  });

  it('sends normally the first time without looking back', async () => {
    const { transport } = forgetfulDiscord();
    let looked = false;
    const watching = { ...transport, recentMessages: async (id: string) => ((looked = true), transport.recentMessages(id, signal)) };
    await deliverPost(watching, composed(), false, signal);
    expect(looked).toBe(false);
  });
});

describe("moderators' names in the bot's Markdown", () => {
  it('show a poem title, poet and source as typed, never as formatting or a disguised link; the poem itself stays Markdown', () => {
    const tricky = { ...entry(1), title: '**Free** [grant](https://evil.example)', author: '_Anon_', source: '# Big', text: '*so much depends*' };
    const result = composePost(ENGLISH_RITUALS, schedule, occurrence, tricky);
    if (!result.ok) throw new Error('expected a post');
    const [embed] = result.value.message.embeds ?? [];
    expect(embed?.title).toBe('\\*\\*Free\\*\\* \\[grant](https://evil.example)');
    expect(embed?.description).toBe('*so much depends*\n\n— **\\_Anon\\_**, 1900');
    expect(embed?.fields?.[0]).toEqual({ name: 'Source', value: '\\# Big' });
    // A thread name shows no Markdown: it keeps the title as typed.
    expect(result.value.thread?.name).toBe('Poetry ritual: **Free** [grant](https://evil.example)');
  });
});
