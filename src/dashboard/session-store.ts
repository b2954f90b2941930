import type { SessionStore } from '@fastify/session';
import type { Db } from '../db/connection.js';

/**
 * @fastify/session's store, in the bot's own database: sessions survive a restart (the bot keeps
 * no state in memory), and logging out deletes the row, so a copied cookie stops working at once.
 * Expiry is real time, not the bot's clock: a session is about a person at a browser.
 */
export function databaseSessionStore(db: Db, ttlMs: number): SessionStore {
  const settle = (work: Promise<unknown>, callback: (error?: unknown) => void) => {
    work.then(() => callback(), (error: unknown) => callback(error));
  };
  return {
    set(sid, session, callback) {
      const expires = session.cookie.expires ?? new Date(Date.now() + ttlMs);
      const row = { sid, data: JSON.stringify(session), expires_at: expires.toISOString() };
      settle(
        db.transaction().execute(async (trx) => {
          // Expired sessions go as new ones are written: no timer, and no unbounded table.
          await trx.deleteFrom('dashboard_sessions').where('expires_at', '<=', new Date().toISOString()).execute();
          await trx.insertInto('dashboard_sessions').values(row).onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at })).execute();
        }),
        callback,
      );
    },
    get(sid, callback) {
      db.selectFrom('dashboard_sessions')
        .select(['data', 'expires_at'])
        .where('sid', '=', sid)
        .executeTakeFirst()
        .then(
          (row) => {
            if (row === undefined || Date.parse(row.expires_at) <= Date.now()) return callback(null, null);
            callback(null, JSON.parse(row.data) as never);
          },
          (error: unknown) => callback(error, null),
        );
    },
    destroy(sid, callback) {
      settle(
        db.transaction().execute((trx) => trx.deleteFrom('dashboard_sessions').where('sid', '=', sid).execute()),
        callback,
      );
    },
  };
}
