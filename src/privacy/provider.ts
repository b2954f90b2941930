import type { Db } from '../db/connection.js';

/**
 * What a member's data looks like to one feature, for `/privacy export` and `/privacy forget`.
 * Both run inside one transaction across every feature, so a forget is all or nothing.
 */
export interface PrivacyProvider {
  /** A JSON-friendly summary of everything this feature stores about the member in this server. */
  export(db: Db, guildId: string, userId: string): Promise<unknown>;
  /** Deletes it; returns how many records went. */
  forget(trx: Db, guildId: string, userId: string): Promise<number>;
}

/** Every feature's provider, keyed by the feature's name (the key in an export). */
export type PrivacyProviders = ReadonlyMap<string, PrivacyProvider>;
