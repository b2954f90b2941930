import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { fail, succeed } from '../../outcome.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { LibraryEntry, Schedule } from '../model.js';
import { nonceFor } from '../nonce.js';
import type { RitualOutcome } from '../problems.js';
import { listenButtonRow } from './listen-view.js';
import type { RitualsT } from './messages.js';

/**
 * What a ritual posts, as Discord message bodies: pure, so the tick, `/ritual preview` and the
 * tests all see the same post. Every post carries a marker (its footer and timestamp) that lets a
 * restarted bot recognise a post an earlier attempt already made. Posts are public: they are
 * written in the server's language (`t`), whoever asked for them.
 */

const COLOURS = { poem: 0x5b8c5a, podcast: 0x3f7cac, prompt: 0xc07f3a } as const;
const THREAD_NAME_MAX = 100;
/** A week: the conversation stays open until the next weekly post. */
const THREAD_ARCHIVE_MINUTES = 10_080;

const defaultPoemQuestions = (t: RitualsT) => [t('post.poem.question.line'), t('post.poem.question.work')];

export interface PostMarker {
  readonly scheduleId: number;
  readonly occurrenceAt: Date;
}

export interface ComposedPost {
  readonly channelId: string;
  readonly marker: PostMarker;
  readonly message: RESTPostAPIChannelMessageJSONBody;
  /** Present when the schedule opens a discussion thread on each post. */
  readonly thread: { readonly name: string; readonly autoArchiveMinutes: number; readonly opening: RESTPostAPIChannelMessageJSONBody | null } | null;
}

/**
 * The footer's last words are the marker `#<id>` in every language; members read it as "which
 * ritual is this". Only the marker is matched, so a post survives a change of the server's language.
 */
const footerFor = (t: RitualsT, schedule: Schedule) => t(`post.footer.${schedule.kind}`, { id: String(schedule.id) });
const MARKER = /#(\d+)$/;

const numbered = (questions: readonly string[]) => questions.map((q, i) => `${i + 1}. ${q}`).join('\n');

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function poemEmbed(t: RitualsT, entry: LibraryEntry & { kind: 'poem' }, questions: readonly string[] | null): APIEmbed {
  // Titles, names and sources are moderators' words inside the bot's Markdown; the poem is the poem.
  const byline = `— **${inlineText(entry.author)}**${entry.year === null ? '' : `, ${entry.year}`}`;
  return {
    title: inlineText(entry.title),
    description: `${entry.text}\n\n${byline}`,
    fields: [
      ...(entry.source === null ? [] : [{ name: t('post.poem.source'), value: inlineText(entry.source) }]),
      ...(questions === null ? [] : [{ name: t('post.poem.reflect'), value: numbered(questions) }]),
    ],
  };
}

function podcastEmbed(t: RitualsT, entry: LibraryEntry & { kind: 'podcast' }, questions: readonly string[] | null, inThread: boolean): APIEmbed {
  const description = [
    entry.show === null ? null : `*${inlineText(entry.show)}*`,
    entry.about,
    entry.link === null ? null : t('post.podcast.listen-link', { link: entry.link }),
    inThread ? t('post.podcast.call-thread') : t('post.podcast.call'),
  ].filter((part): part is string => part !== null);
  return {
    title: `🎧 ${inlineText(entry.title)}`,
    ...(entry.link === null ? {} : { url: entry.link }),
    description: description.join('\n\n'),
    fields: questions === null ? [] : [{ name: t('post.podcast.questions'), value: numbered(questions) }],
  };
}

function openingFor(t: RitualsT, questions: readonly string[]): string {
  return t('post.opening', { questions: numbered(questions) });
}

/**
 * Builds the post for an occurrence. `occurrenceId` is null for a preview (its button can't be
 * pressed); `entry` is what rotation chose, undefined when the library was empty.
 */
export function composePost(t: RitualsT, schedule: Schedule, occurrence: { readonly id: number | null; readonly at: Date }, entry: LibraryEntry | undefined): RitualOutcome<ComposedPost> {
  const inThread = schedule.openThread;
  let embed: APIEmbed;
  let questions: readonly string[] | null = null;
  let title: string;
  if (schedule.kind === 'prompt') {
    embed = { title: t('post.prompt.title'), description: schedule.promptText };
    title = truncate(schedule.promptText.split('\n')[0] ?? '', 60);
  } else if (entry?.kind === 'poem') {
    questions = entry.questions.length > 0 ? entry.questions : defaultPoemQuestions(t);
    embed = poemEmbed(t, entry, inThread ? null : questions);
    title = entry.title;
  } else if (entry?.kind === 'podcast') {
    questions = entry.questions;
    embed = podcastEmbed(t, entry, inThread ? null : questions, inThread);
    title = entry.title;
  } else {
    return fail({ kind: 'empty-library', library: schedule.kind });
  }
  const marker = { scheduleId: schedule.id, occurrenceAt: occurrence.at };
  const message: RESTPostAPIChannelMessageJSONBody = {
    embeds: [{ ...embed, color: COLOURS[schedule.kind], footer: { text: footerFor(t, schedule) }, timestamp: occurrence.at.toISOString() }],
    ...(schedule.kind === 'podcast' ? { components: [listenButtonRow(t, occurrence.id, 0)] } : {}),
    // Raw REST bypasses the client's allowedMentions default: words from a library never ping.
    allowed_mentions: { parse: [] },
    nonce: nonceFor(schedule.id, occurrence.at, 'post'),
    enforce_nonce: true,
  };
  const thread = inThread
    ? {
        name: truncate(t(`post.thread.${schedule.kind}`, { title }), THREAD_NAME_MAX),
        autoArchiveMinutes: THREAD_ARCHIVE_MINUTES,
        opening:
          questions === null
            ? null
            : { content: openingFor(t, questions), allowed_mentions: { parse: [] }, nonce: nonceFor(schedule.id, occurrence.at, 'opening'), enforce_nonce: true },
      }
    : null;
  return succeed({ channelId: schedule.channelId, marker, message, thread });
}

/** A message as the recovery check sees it. */
export interface SeenMessage {
  readonly id: string;
  readonly authorId: string;
  readonly embeds: readonly Pick<APIEmbed, 'footer' | 'timestamp'>[];
}

/** Whether `message` is the post for `marker`, sent by the bot (`botId`) in an earlier attempt. */
export function isPostOf(message: SeenMessage, marker: PostMarker, botId: string): boolean {
  if (message.authorId !== botId) return false;
  const [embed] = message.embeds;
  const scheduleId = MARKER.exec(embed?.footer?.text ?? '')?.[1];
  // Discord may write the timestamp back as +00:00 rather than Z: compare instants, not text.
  return scheduleId === String(marker.scheduleId) && embed?.timestamp !== undefined && Date.parse(embed.timestamp) === marker.occurrenceAt.getTime();
}
