/**
 * Onboarding's tables. Enumerations are stored as text and mapped to typed values in one place
 * each (`walk-store.ts`, `settings.ts`), so the rest of the code never sees a raw row.
 */

/** How a server runs onboarding, chosen with `/onboarding setup`. No row: onboarding is off there. */
export interface OnboardingSettingsTable {
  guild_id: string;
  /** The role granted when a member finishes their walk. */
  member_role_id: string | null;
  /** Where private welcome threads are opened (when DMs are closed, or chosen first). */
  welcome_channel_id: string | null;
  introductions_channel_id: string | null;
  /** 'dm' | 'thread': where the walk is offered first. */
  first_contact: string;
  /** Days without progress before the one automatic nudge; 0 turns nudges off. */
  nudge_after_days: number;
  created_at: string;
  updated_at: string;
}

/** Every version of a server's tenets, never changed once written, so commitments keep their meaning. */
export interface OnboardingTenetVersionsTable {
  guild_id: string;
  version: number;
  /** JSON: `[{ name, text }]`. */
  tenets: string;
  /** 'default' (from data/) | 'moderator'. */
  origin: string;
  created_by: string | null;
  created_at: string;
}

/** One walk per member per server: where they are, and where the walk lives. */
export interface OnboardingWalksTable {
  guild_id: string;
  user_id: string;
  display_name: string;
  /** 'tenet' | 'introduce' | 'done'. */
  step: string;
  /** Which tenet, when step is 'tenet'. */
  tenet_index: number;
  /** The tenets version walked, or last re-committed to. */
  tenet_version: number;
  /** 'awaiting-screening' | 'pending' | 'delivered' | 'unreachable'. */
  reach: string;
  /** 'dm' | 'thread': where the walk lives (or lived), with channel_id. */
  via: string | null;
  channel_id: string | null;
  /** When a process took the pending delivery on; a stale claim is retried (the process may have died). */
  delivery_claimed_at: string | null;
  started_at: string;
  /** The latest time the member joined the server. */
  joined_at: string;
  step_changed_at: string;
  finished_at: string | null;
  /** Set once: the automatic nudge, or a moderator's reminder, was sent. */
  nudged_at: string | null;
  left_at: string | null;
  /** A tenets version the member was asked to re-commit to and hasn't yet. */
  recommit_version: number | null;
  recommit_sent_at: string | null;
}

export interface OnboardingCommitmentsTable {
  guild_id: string;
  user_id: string;
  tenet_version: number;
  tenet_name: string;
  reflection: string | null;
  committed_at: string;
}

export interface OnboardingIntrosTable {
  guild_id: string;
  user_id: string;
  name: string;
  /** 'teacher' | 'coach' | 'leader' | 'other'. */
  role: string;
  school_region: string | null;
  /** JSON: the join reason ids picked. */
  reasons: string;
  note: string | null;
  channel_id: string | null;
  message_id: string | null;
  created_at: string;
}

export interface OnboardingTables {
  onboarding_settings: OnboardingSettingsTable;
  onboarding_tenet_versions: OnboardingTenetVersionsTable;
  onboarding_walks: OnboardingWalksTable;
  onboarding_commitments: OnboardingCommitmentsTable;
  onboarding_intros: OnboardingIntrosTable;
}
