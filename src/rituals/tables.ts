import type { Generated } from 'kysely';

/**
 * The rituals feature's tables. Rows are validated into the domain types of `model.ts` when read,
 * so the string columns below (kind, status, state) only ever hold the values listed there.
 */

/** A moderator's schedule: what to post, where, and when (a 5-field cron in an IANA zone). */
export interface RitualScheduleTable {
  id: Generated<number>;
  guild_id: string;
  /** 'poem' | 'podcast' | 'prompt' */
  kind: string;
  channel_id: string;
  cron: string;
  time_zone: string;
  /** 1 when each post opens a discussion thread. */
  open_thread: number;
  /** The words a 'prompt' ritual posts; null for the other kinds. */
  prompt_text: string | null;
  /** How late an occurrence missed while the bot was down may still go out (startingDeadlineSeconds). */
  catch_up_minutes: number;
  /** 'active' | 'paused' */
  status: string;
  /** Why a paused schedule is paused: 'moderator' | 'channel_missing' | 'no_access' | 'no_permission'. */
  pause_reason: string | null;
  /** The next occurrence not yet handled; the ticker's index. Null when paused or never again. */
  next_due_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Raised by every moderator's edit (not by the ticker), so a stale edit form can tell. */
  revision: Generated<number>;
}

/**
 * The ledger: one row per occurrence of a schedule, unique on (schedule_id, occurrence_at), claimed
 * before anything is posted so a crash or a second tick can never post it twice.
 */
export interface RitualOccurrenceTable {
  id: Generated<number>;
  schedule_id: number;
  guild_id: string;
  /** The instant it fell due (ISO-8601 UTC); with schedule_id, the occurrence's identity. */
  occurrence_at: string;
  /** 'schedule' | 'manual' (`/ritual run-now`) */
  origin: string;
  /** 'claimed' | 'posted' | 'failed' | 'missed' | 'skipped' */
  state: string;
  /** The library entry chosen when it was claimed, so every retry posts the same thing. */
  entry_id: number | null;
  /** Delivery attempts started (a crash mid-attempt counts). */
  attempts: number;
  /** When a claimed occurrence may next be attempted. */
  next_attempt_at: string | null;
  last_error: string | null;
  /** Why a missed or skipped one wasn't posted: 'offline' | 'behind' (missed), 'moderator' | 'paused' (skipped). */
  miss_cause: string | null;
  message_id: string | null;
  thread_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A server's library: the starter set copied in from `data/rituals/`, plus what moderators add. */
export interface RitualEntryTable {
  id: Generated<number>;
  guild_id: string;
  /** 'poem' | 'podcast' */
  kind: string;
  /** The starter entry's key in data/, so the starter set is copied in once; null for added ones. */
  starter_key: string | null;
  /** A poem's title, or a podcast episode's title. */
  title: string;
  author: string | null;
  year: number | null;
  source: string | null;
  /** A poem's text. */
  body: string | null;
  /** A podcast's show name. */
  show: string | null;
  link: string | null;
  /** A podcast entry's note on what to listen for. */
  about: string | null;
  /** JSON array of discussion questions. */
  questions: string;
  added_by: string | null;
  created_at: string;
  /** Removed entries stay (history points at them) but are never picked again. */
  removed_at: string | null;
  /** Raised by every edit, so a stale edit form can tell. */
  revision: Generated<number>;
}

/**
 * Which entries a server's rituals of one kind have used in each cycle through its library: the
 * rotation is the server's, so two podcast rituals never repeat an episode between them.
 */
export interface RitualRotationTable {
  /** Grows with every pick: orders picks even within one tick. */
  id: Generated<number>;
  guild_id: string;
  /** 'poem' | 'podcast' */
  kind: string;
  cycle: number;
  entry_id: number;
  /** The post it was picked for; null once that ritual and its history are deleted. */
  occurrence_id: number | null;
  picked_at: string;
}

/** "I listened" on a podcast-club post: one row per member per post. */
export interface RitualListenTable {
  occurrence_id: number;
  guild_id: string;
  user_id: string;
  listened_at: string;
}

export interface RitualTables {
  ritual_schedules: RitualScheduleTable;
  ritual_occurrences: RitualOccurrenceTable;
  ritual_entries: RitualEntryTable;
  ritual_rotation: RitualRotationTable;
  ritual_listens: RitualListenTable;
}
