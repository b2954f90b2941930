import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { RitualEntryTable, RitualOccurrenceTable, RitualScheduleTable } from './tables.js';

/**
 * The rituals domain as the code uses it. Rows are parsed into these types where they leave the
 * database, so a state a row can't be in (a posted occurrence without its message, a paused
 * schedule with a next run) can't be expressed past this point.
 */

export const RITUAL_KINDS = ['poem', 'podcast', 'prompt'] as const;
export type RitualKind = (typeof RITUAL_KINDS)[number];

/** The kinds that post from a server's library (a prompt posts its own words). */
export const LIBRARY_KINDS = ['poem', 'podcast'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export const PAUSE_REASONS = ['moderator', 'channel_missing', 'no_access', 'no_permission'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
/** The pauses the bot imposes itself when a channel stops working. */
export type BrokenTarget = Exclude<PauseReason, 'moderator'>;

export type ScheduleStatus =
  | { readonly state: 'active'; readonly nextDueAt: Date | null }
  | { readonly state: 'paused'; readonly reason: PauseReason };

export type ScheduleContent = { readonly kind: LibraryKind } | { readonly kind: 'prompt'; readonly promptText: string };

export type Schedule = ScheduleContent & {
  readonly id: number;
  readonly guildId: string;
  readonly channelId: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly openThread: boolean;
  readonly catchUpMinutes: number;
  readonly status: ScheduleStatus;
  readonly createdAt: Date;
  /** Raised by every edit: what an edit form was based on. */
  readonly revision: number;
};

export const OCCURRENCE_STATES = ['claimed', 'posted', 'failed', 'missed', 'skipped'] as const;
export type OccurrenceStateName = (typeof OCCURRENCE_STATES)[number];

/** Why a missed occurrence wasn't posted: the bot was offline, or running but held up (asleep, a clock jump). */
export const MISS_CAUSES = ['offline', 'behind'] as const;
export type MissCause = (typeof MISS_CAUSES)[number];
/** Who skipped a skipped occurrence: a moderator's skip-next, or a pause. */
export const SKIP_CAUSES = ['moderator', 'paused'] as const;
export type SkipCause = (typeof SKIP_CAUSES)[number];

export type OccurrenceState =
  | { readonly state: 'claimed'; readonly attempts: number; readonly nextAttemptAt: Date; readonly lastError: string | null }
  | { readonly state: 'posted'; readonly messageId: string; readonly threadId: string | null }
  | { readonly state: 'failed'; readonly attempts: number; readonly error: string }
  | { readonly state: 'missed'; readonly cause: MissCause }
  | { readonly state: 'skipped'; readonly cause: SkipCause };

export type Occurrence = OccurrenceState & {
  readonly id: number;
  readonly scheduleId: number;
  readonly guildId: string;
  readonly at: Date;
  readonly origin: 'schedule' | 'manual';
  readonly entryId: number | null;
  /** When the ledger wrote it: a long gap is recorded at once, long after its first occurrence fell due. */
  readonly recordedAt: Date;
};

export type LibraryEntry = {
  readonly id: number;
  readonly guildId: string;
  readonly starterKey: string | null;
  readonly title: string;
  readonly questions: readonly string[];
  readonly removed: boolean;
  /** Raised by every edit: what an edit form was based on. */
  readonly revision: number;
} & (
  | { readonly kind: 'poem'; readonly author: string; readonly year: number | null; readonly source: string | null; readonly text: string }
  | { readonly kind: 'podcast'; readonly show: string | null; readonly link: string | null; readonly about: string | null }
);

// ---- rows → domain ------------------------------------------------------------------------------

const iso = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const isoOrNull = iso.nullable();

const ScheduleRow = z
  .object({
    id: z.number().int(),
    guild_id: z.string(),
    kind: z.enum(RITUAL_KINDS),
    channel_id: z.string(),
    cron: z.string(),
    time_zone: z.string(),
    open_thread: z.union([z.literal(0), z.literal(1)]),
    prompt_text: z.string().nullable(),
    catch_up_minutes: z.number().int().nonnegative(),
    status: z.enum(['active', 'paused']),
    pause_reason: z.enum(PAUSE_REASONS).nullable(),
    next_due_at: isoOrNull,
    created_at: iso,
    revision: z.number().int(),
  })
  .transform((row, ctx): Schedule | typeof z.NEVER => {
    let content: ScheduleContent;
    if (row.kind === 'prompt') {
      if (row.prompt_text === null) {
        ctx.addIssue({ code: 'custom', message: 'a prompt ritual has no text' });
        return z.NEVER;
      }
      content = { kind: 'prompt', promptText: row.prompt_text };
    } else {
      content = { kind: row.kind };
    }
    const status: ScheduleStatus =
      row.status === 'active' ? { state: 'active', nextDueAt: row.next_due_at } : { state: 'paused', reason: row.pause_reason ?? 'moderator' };
    return {
      ...content,
      id: row.id,
      guildId: row.guild_id,
      channelId: row.channel_id,
      cron: row.cron,
      timeZone: row.time_zone,
      openThread: row.open_thread === 1,
      catchUpMinutes: row.catch_up_minutes,
      status,
      createdAt: row.created_at,
      revision: row.revision,
    };
  });

export function toSchedule(row: Selectable<RitualScheduleTable>): Schedule {
  return ScheduleRow.parse(row);
}

const OccurrenceRow = z
  .object({
    id: z.number().int(),
    schedule_id: z.number().int(),
    guild_id: z.string(),
    occurrence_at: iso,
    origin: z.enum(['schedule', 'manual']),
    state: z.enum(OCCURRENCE_STATES),
    entry_id: z.number().int().nullable(),
    attempts: z.number().int().nonnegative(),
    next_attempt_at: isoOrNull,
    last_error: z.string().nullable(),
    miss_cause: z.string().nullable().optional(),
    message_id: z.string().nullable(),
    created_at: iso,
    thread_id: z.string().nullable(),
  })
  .transform((row, ctx): Occurrence | typeof z.NEVER => {
    const base = { id: row.id, scheduleId: row.schedule_id, guildId: row.guild_id, at: row.occurrence_at, origin: row.origin, entryId: row.entry_id, recordedAt: row.created_at };
    switch (row.state) {
      case 'claimed':
        return { ...base, state: 'claimed', attempts: row.attempts, nextAttemptAt: row.next_attempt_at ?? row.occurrence_at, lastError: row.last_error };
      case 'posted':
        if (row.message_id === null) {
          ctx.addIssue({ code: 'custom', message: 'a posted occurrence has no message id' });
          return z.NEVER;
        }
        return { ...base, state: 'posted', messageId: row.message_id, threadId: row.thread_id };
      case 'failed':
        return { ...base, state: 'failed', attempts: row.attempts, error: row.last_error ?? 'unknown' };
      case 'missed':
        return { ...base, state: 'missed', cause: row.miss_cause === 'behind' ? 'behind' : 'offline' };
      case 'skipped':
        return { ...base, state: 'skipped', cause: row.miss_cause === 'paused' ? 'paused' : 'moderator' };
    }
  });

export function toOccurrence(row: Selectable<RitualOccurrenceTable>): Occurrence {
  return OccurrenceRow.parse(row);
}

const Questions = z.string().transform((text, ctx): string[] | typeof z.NEVER => {
  const parsed = z.array(z.string()).safeParse(JSON.parse(text));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'questions are not a list of strings' });
    return z.NEVER;
  }
  return parsed.data;
});

const EntryRow = z
  .object({
    id: z.number().int(),
    guild_id: z.string(),
    kind: z.enum(LIBRARY_KINDS),
    starter_key: z.string().nullable(),
    title: z.string(),
    author: z.string().nullable(),
    year: z.number().int().nullable(),
    source: z.string().nullable(),
    body: z.string().nullable(),
    show: z.string().nullable(),
    link: z.string().nullable(),
    about: z.string().nullable(),
    questions: Questions,
    removed_at: z.string().nullable(),
    revision: z.number().int(),
  })
  .transform((row, ctx): LibraryEntry | typeof z.NEVER => {
    const base = { id: row.id, guildId: row.guild_id, starterKey: row.starter_key, title: row.title, questions: row.questions, removed: row.removed_at !== null, revision: row.revision };
    if (row.kind === 'podcast') return { ...base, kind: 'podcast', show: row.show, link: row.link, about: row.about };
    if (row.author === null || row.body === null) {
      ctx.addIssue({ code: 'custom', message: 'a poem needs its author and text' });
      return z.NEVER;
    }
    return { ...base, kind: 'poem', author: row.author, year: row.year, source: row.source, text: row.body };
  });

export function toEntry(row: Selectable<RitualEntryTable>): LibraryEntry {
  return EntryRow.parse(row);
}

/** What one post of a ritual is, with its article: "will post a podcast-club prompt every Friday". */
export function onePost(kind: RitualKind): string {
  switch (kind) {
    case 'poem':
      return 'a poem';
    case 'podcast':
      return 'a podcast-club prompt';
    case 'prompt':
      return 'a prompt';
  }
}

/** The human name of a ritual, for messages: "weekly poem", "podcast club", "prompt". */
export function kindLabel(kind: RitualKind): string {
  switch (kind) {
    case 'poem':
      return 'poem';
    case 'podcast':
      return 'podcast club';
    case 'prompt':
      return 'prompt';
  }
}
