import type { Generated } from 'kysely';

/**
 * `running` → (`paused` ↔ `running`)… → `finished`, or `stopped` when the group ends it without a
 * summary (`/protocol stop`); a finished or stopped run never changes again.
 */
export type RunState = 'running' | 'paused' | 'finished' | 'stopped';

/** One protocol being run by a group, in its own thread. */
export interface ProtocolRunsTable {
  id: Generated<number>;
  guild_id: string;
  /** The channel the thread was opened in, where the summary is linked at the end. */
  channel_id: string;
  thread_id: string;
  /** The file name in `data/protocols/`, e.g. `five-whys`. */
  protocol_id: string;
  /** The problem the group works on, as the starter typed it (the thread name may be shortened). */
  topic: string;
  /** Null once the facilitator asked to be forgotten: moderators can still move the run. */
  facilitator_id: string | null;
  /** 0-based index into the protocol's steps. */
  current_step: number;
  state: RunState;
  /** The message showing the current step; null between a move and the new step's message. */
  step_message_id: string | null;
  /** Set once the summary is in the thread; null on a finished run means it still has to be posted. */
  summary_message_id: string | null;
  created_at: string;
  updated_at: string;
  /** When the run finished or was stopped. */
  finished_at: string | null;
}

/** What a member added at a step: an answer, or a cause with its fishbone category. */
export interface ProtocolContributionsTable {
  id: Generated<number>;
  run_id: number;
  /** 0-based step index. */
  step: number;
  author_id: string;
  text: string;
  /** The fishbone bone for `causes` steps; null elsewhere (and for a cause not sorted yet). */
  category: string | null;
  created_at: string;
}

/**
 * Which contributions the group chose at a `choices` step (root causes, questions to ask). Who
 * clicked is not kept: the choice is the group's.
 */
export interface ProtocolChoicesTable {
  run_id: number;
  /** The `choices` step the choice was made at. */
  step: number;
  contribution_id: number;
  chosen_at: string;
}

/** An action the group agreed on, with one owner and an optional due date. */
export interface ProtocolActionsTable {
  id: Generated<number>;
  run_id: number;
  step: number;
  text: string;
  /** Rendered as a mention, never pinged. */
  owner_id: string;
  /** `YYYY-MM-DD`, or null when the group set no date. */
  due_date: string | null;
  added_by: string;
  created_at: string;
}

export interface ProtocolTables {
  protocol_runs: ProtocolRunsTable;
  protocol_contributions: ProtocolContributionsTable;
  protocol_choices: ProtocolChoicesTable;
  protocol_actions: ProtocolActionsTable;
}
