import { afterEach, describe, expect, it } from 'vitest';
import { findRun } from '../../../src/protocols/runs.js';
import { buildSummary } from '../../../src/protocols/summary.js';
import { runFileName, summaryMarkdown } from '../../../src/protocols/discord/export-view.js';
import { protocolsSayTo } from '../../../src/protocols/discord/messages.js';
import { localizeProtocol } from '../../../src/protocols/protocol-content.js';
import { ENGLISH } from '../../../src/i18n/locales.js';
import { seedRun, signedIn, startDashboardBed, type DashboardBed } from './support.js';

/** The Protocols pages over HTTP: the runs, one run's summary, and `/protocol export`'s Markdown. */
describe('the dashboard\u2019s Protocols pages', () => {
  let db: DashboardBed;
  afterEach(() => db.close());

  const protocols = () => `/g/${db.guild.id}/protocols`;
  const seed = (run: Parameters<typeof seedRun>[3], guildId = db.guild.id) => seedRun(db.bed.bot.db, guildId, { facilitator: db.morgan.id, member: db.alice.id }, run);

  it('lists running and finished runs, shows a summary, and downloads the same Markdown as /protocol export', async () => {
    db = await startDashboardBed();
    const running = await seed({ topic: 'Quiet Fridays', state: 'running', step: 2, thread: '11' });
    const finished = await seed({ topic: 'Monday absences', state: 'finished', step: 7, thread: '12' });
    const morgan = await signedIn(db, db.morgan);
    const list = await (await morgan.request(protocols())).text();
    expect(list).toMatch(new RegExp(`<h2>Running</h2>[\\s\\S]*<a href="${protocols()}/${running}">Quiet Fridays</a></td><td>morgan</td>[\\s\\S]*<h2>Finished</h2>[\\s\\S]*<a href="${protocols()}/${finished}">Monday absences</a>`));
    expect(list).toContain('At step 3 of 8');

    const page = await (await morgan.request(`${protocols()}/${finished}`)).text();
    expect(page).toContain('<h3>Root causes we chose</h3><ul><li>Buses come &lt;late&gt; on Mondays</li></ul>');
    expect(page).toContain('<td>Ask the district about bus times</td><td>alice</td>');

    const file = await morgan.request(`${protocols()}/${finished}/export.md`);
    expect(file.status).toBe(200);
    const run = await findRun(db.bed.bot.db, finished);
    if (run === undefined) throw new Error('no run');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${runFileName(run)}"`);
    const protocol = db.bed.bot.ctx.content.protocols.get('five-whys');
    if (protocol === undefined) throw new Error('no five-whys');
    const names = new Map([[db.morgan.id, 'morgan'], [db.alice.id, 'alice']]);
    expect(await file.text()).toBe(summaryMarkdown(await buildSummary(db.bed.bot.db, run, localizeProtocol(protocol, ENGLISH)), (id) => names.get(id) ?? 'a former member', protocolsSayTo(ENGLISH)));
  });

  it('is for moderators only, and finds no run of another server', async () => {
    db = await startDashboardBed();
    const theirs = await seed({ topic: 'Elsewhere', state: 'finished', step: 7, thread: '13' }, db.elsewhere.id);
    const ours = await seed({ topic: 'Ours', state: 'stopped', step: 3, thread: '14' });
    const alice = await signedIn(db, db.alice);
    expect((await alice.request(protocols())).status).toBe(403);
    expect((await alice.request(`${protocols()}/${ours}`)).status).toBe(403);
    expect((await alice.request(`${protocols()}/${ours}/export.md`)).status).toBe(403);
    const morgan = await signedIn(db, db.morgan);
    expect(await (await morgan.request(protocols())).text()).toContain('Stopped 1 Mar 2026 at step 4 of 8, without a summary');
    const foreign = await morgan.request(`${protocols()}/${theirs}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toContain('I can&#39;t find this protocol anymore.');
    expect((await morgan.request(`${protocols()}/${theirs}/export.md`)).status).toBe(404);
    expect((await morgan.request(`${protocols()}/not-a-number`)).status).toBe(404);
  });
});
