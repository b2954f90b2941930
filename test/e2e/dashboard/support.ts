import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import type { Db } from '../../../src/db/connection.js';
import type { RunningDashboard } from '../../../src/dashboard/server.js';
import { startSandboxDashboard } from '../../../src/dashboard/start.js';
import { startTestBed, type TestBed } from '../../support/bot.js';

/**
 * Roots Bot with every feature, its dashboard, and two servers: in "Roots" morgan moderates (a role
 * with Manage Server) and alice is a member; in "Elsewhere" morgan is only a member.
 */
export interface DashboardBed {
  readonly bed: TestBed;
  readonly clock: ManualClock;
  readonly dashboard: RunningDashboard;
  readonly guild: GuildRecord;
  readonly elsewhere: GuildRecord;
  readonly general: ChannelRecord;
  readonly poems: ChannelRecord;
  readonly morgan: UserRecord;
  readonly alice: UserRecord;
  readonly moderatorRole: string;
  close(): Promise<void>;
}

export const BED_START = '2026-03-02T08:00:00Z';

export async function startDashboardBed(options: { sessionTtlMs?: number } = {}): Promise<DashboardBed> {
  const clock = new ManualClock(Date.parse(BED_START));
  let guild!: GuildRecord;
  let elsewhere!: GuildRecord;
  let general!: ChannelRecord;
  let poems!: ChannelRecord;
  let morgan!: UserRecord;
  let alice!: UserRecord;
  let moderatorRole!: string;
  const bed = await startTestBed(
    (h) => {
      guild = h.guild('Roots', { owner: 'owner' });
      general = h.channel(guild, 'general');
      poems = h.channel(guild, 'poems');
      moderatorRole = h.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild);
      morgan = h.member(guild, 'morgan', { roles: [moderatorRole] });
      alice = h.member(guild, 'alice');
      elsewhere = h.guild('Elsewhere', { owner: 'someone' });
      h.channel(elsewhere, 'general');
      h.member(elsewhere, 'morgan');
    },
    { clock },
  );
  const dashboard = await startSandboxDashboard(bed.bot, bed.harness.emulator, { port: 0, ...(options.sessionTtlMs === undefined ? {} : { sessionTtlMs: options.sessionTtlMs }) });
  return {
    bed,
    clock,
    dashboard,
    guild,
    elsewhere,
    general,
    poems,
    morgan,
    alice,
    moderatorRole,
    async close() {
      await dashboard.close();
      await bed.close();
    },
  };
}

/** A browser-less visitor: fetch with a cookie jar, following nothing by itself. */
export class Visitor {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(path, this.base);
    const headers = new Headers(init.headers);
    if (url.origin === new URL(this.base).origin && this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }

  /** The CSRF token of a page's first form. */
  async csrfFrom(path: string): Promise<string> {
    const page = await (await this.request(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (token === undefined) throw new Error(`no CSRF token on ${path}`);
    return token;
  }

  post(path: string, fields: Record<string, string | readonly string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const one of typeof value === 'string' ? [value] : value) body.append(name, one);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}

/** Signs `user` in through the emulator's consent page, as a browser would, and returns the visitor. */
export async function signedIn(db: { readonly dashboard: { readonly url: string } }, user: UserRecord): Promise<Visitor> {
  const visitor = new Visitor(db.dashboard.url);
  const toDiscord = new URL((await visitor.request('/login')).headers.get('location') ?? '');
  const form = new URLSearchParams(toDiscord.searchParams);
  form.set('user_id', user.id);
  form.set('decision', 'authorize');
  const consent = await fetch(new URL('/oauth2/authorize', toDiscord), { method: 'POST', body: form, redirect: 'manual' });
  const back = new URL(consent.headers.get('location') ?? '');
  const landed = await visitor.request(`${back.pathname}${back.search}`);
  if (landed.status !== 302) throw new Error(`sign-in ended with ${landed.status}: ${await landed.text()}`);
  return visitor;
}

const RUN_AT = '2026-03-01T10:00:00.000Z';

/** A five-whys run as the protocol's buttons leave it: a why, a chosen root cause, an action. */
export async function seedRun(db: Db, guildId: string, people: { facilitator: string; member: string }, run: { topic: string; state: 'running' | 'finished' | 'stopped'; step: number; thread: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('protocol_runs')
      .values({
        guild_id: guildId,
        channel_id: '1',
        thread_id: run.thread,
        protocol_id: 'five-whys',
        topic: run.topic,
        facilitator_id: people.facilitator,
        current_step: run.step,
        state: run.state,
        step_message_id: 'm',
        summary_message_id: run.state === 'finished' ? 's' : null,
        created_at: RUN_AT,
        updated_at: RUN_AT,
        finished_at: run.state === 'running' ? null : '2026-03-01T11:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const why = await trx.insertInto('protocol_contributions').values({ run_id: id, step: 2, author_id: people.member, text: 'Buses come <late> on Mondays', category: null, created_at: RUN_AT }).returning('id').executeTakeFirstOrThrow();
    if (run.state === 'finished') {
      await trx.insertInto('protocol_choices').values({ run_id: id, step: 6, contribution_id: why.id, chosen_at: RUN_AT }).execute();
      await trx.insertInto('protocol_actions').values({ run_id: id, step: 7, text: 'Ask the district about bus times', owner_id: people.member, due_date: '2026-03-20', added_by: people.facilitator, created_at: RUN_AT }).execute();
    }
    return id;
  });
}

