/** Signed-in moderators' sessions, so a restart doesn't sign everyone out and logout ends one for good. */
export interface DashboardSessionTable {
  sid: string;
  /** The session as JSON: who signed in, their servers, the CSRF secret. */
  data: string;
  /** ISO-8601 UTC. */
  expires_at: string;
}

export interface DashboardTables {
  dashboard_sessions: DashboardSessionTable;
}
