import type { Selectable } from 'kysely';
import type { GuildSettingsTable, GuildTables } from '../guilds/tables.js';
import type { OnboardingTables } from '../onboarding/tables.js';
import type { RitualTables } from '../rituals/tables.js';
import type { CourseTables } from '../courses/tables.js';
import type { ProtocolTables } from '../protocols/tables.js';
import type { DashboardTables } from '../dashboard/tables.js';

/**
 * The database as the code sees it, composed from each feature's own tables (`src/<feature>/tables.ts`).
 * Timestamps are ISO-8601 UTC strings so the same queries run on SQLite today and PostgreSQL later;
 * IDs from Discord are strings (snowflakes overflow JS numbers).
 */
export interface Database extends GuildTables, OnboardingTables, RitualTables, CourseTables, ProtocolTables, DashboardTables {}

export type GuildSettings = Selectable<GuildSettingsTable>;
