import type { Db } from '../db/connection.js';
import type { PrivacyProviders } from './provider.js';

export interface MemberExport {
  readonly guildId: string;
  readonly userId: string;
  /** Written into the file as ISO-8601 by JSON.stringify, the edge where a Date becomes text. */
  readonly exportedAt: Date;
  /** Keyed by feature name; features that store nothing about the member are left out. */
  readonly data: Readonly<Record<string, unknown>>;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.values(value).every(isEmpty);
}

/** Everything the bot keeps about one member in one server, gathered from every feature. */
export async function exportMemberData(db: Db, providers: PrivacyProviders, guildId: string, userId: string, now: Date): Promise<MemberExport> {
  const data: Record<string, unknown> = {};
  for (const [feature, provider] of providers) {
    const exported = await provider.export(db, guildId, userId);
    if (!isEmpty(exported)) data[feature] = exported;
  }
  return { guildId, userId, exportedAt: now, data };
}

/** Deletes one member's data across every feature in one transaction: all of it, or none. */
export async function forgetMember(db: Db, providers: PrivacyProviders, guildId: string, userId: string): Promise<Readonly<Record<string, number>>> {
  return db.transaction().execute(async (trx) => {
    const removed: Record<string, number> = {};
    for (const [feature, provider] of providers) removed[feature] = await provider.forget(trx, guildId, userId);
    return removed;
  });
}
