import { afterEach, describe, expect, it } from 'vitest';
import { listSchedules } from '../../../src/rituals/schedules.js';
import { currentTenets } from '../../../src/onboarding/tenets.js';
import { unknownTimeZoneMessage } from '../../../src/rituals/time-zones.js';
import { escapeHtml } from '../../../src/dashboard/html.js';
import { signedIn, startDashboardBed, Visitor, type DashboardBed } from './support.js';

/** The dashboard over plain HTTP: sign-in, CSRF, sessions, who may see which server, and bad input. */
describe('the moderator dashboard over HTTP', () => {
  let db: DashboardBed;
  afterEach(() => db.close());

  const ritualsOf = (guildId: string) => listSchedules(db.bed.bot.db, guildId);
  const goodRitual = (csrf: string) => ({ _csrf: csrf, kind: 'poem', channel: db.poems.id, builder: 'weekly', days: ['1', '3'], time: '09:00', zone: 'Europe/London', thread: 'on' });

  it('signs a moderator in with Discord and lists the server they can manage, not the one they cannot', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const home = await (await morgan.request('/')).text();
    expect(home).toContain(`href="/g/${db.guild.id}/rituals"`);
    expect(home).not.toContain(`href="/g/${db.elsewhere.id}/rituals"`);
    expect(home).toContain('where you need Manage Server');
  });

  it('refuses a callback whose state is not the one this browser was given', async () => {
    db = await startDashboardBed();
    const visitor = new Visitor(db.dashboard.url);
    await visitor.request('/login');
    const answer = await visitor.request('/auth/callback?code=abc&state=forged');
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('This sign-in link was old or came from somewhere else');
  });

  it('refuses a form without its CSRF token, or with another session\u2019s, and writes nothing', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const other = await signedIn(db, db.morgan);
    const withoutToken = await morgan.post(`/g/${db.guild.id}/rituals`, { ...goodRitual(''), _csrf: '' });
    expect(withoutToken.status).toBe(403);
    const foreign = await morgan.post(`/g/${db.guild.id}/rituals`, goodRitual(await other.csrfFrom(`/g/${db.guild.id}/rituals/new`)));
    expect(foreign.status).toBe(403);
    expect(await ritualsOf(db.guild.id)).toEqual([]);

    const good = await morgan.post(`/g/${db.guild.id}/rituals`, goodRitual(await morgan.csrfFrom(`/g/${db.guild.id}/rituals/new`)));
    expect(good.status).toBe(303);
    expect(await ritualsOf(db.guild.id)).toEqual([expect.objectContaining({ cron: '0 9 * * 1,3', timeZone: 'Europe/London', channelId: db.poems.id })]);
  });

  it('asks for Manage Server per server and on every request, as the bot sees the member now', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    expect((await morgan.request(`/g/${db.guild.id}/rituals`)).status).toBe(200);
    const elsewhere = await morgan.request(`/g/${db.elsewhere.id}/rituals`);
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.text()).toContain('You need Manage Server');
    expect((await morgan.request(`/g/12345678901234567/rituals`)).status).toBe(403);

    // The role is taken away while the session lives: the next request is refused.
    db.bed.harness.world.updateMember(db.guild.id, db.morgan.id, { roles: [] });
    await expect.poll(async () => (await morgan.request(`/g/${db.guild.id}/rituals`)).status).toBe(403);
    const csrf = await morgan.csrfFrom('/');
    expect((await morgan.post(`/g/${db.guild.id}/rituals`, goodRitual(csrf))).status).toBe(403);
    expect(await ritualsOf(db.guild.id)).toEqual([]);
  });

  it('sends a visitor who is not signed in, or whose session expired, to sign in', async () => {
    db = await startDashboardBed({ sessionTtlMs: 1500 });
    const stranger = new Visitor(db.dashboard.url);
    const answer = await stranger.request(`/g/${db.guild.id}/rituals`);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/login');

    const morgan = await signedIn(db, db.morgan);
    expect((await morgan.request(`/g/${db.guild.id}/rituals`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const expired = await morgan.request(`/g/${db.guild.id}/rituals`);
    expect(expired.status).toBe(302);
    expect(expired.headers.get('location')).toBe('/login');
  });

  it('signs out for good: the old cookie no longer opens anything', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const copied = new Map(morgan.cookies);
    expect((await morgan.post('/logout', { _csrf: await morgan.csrfFrom('/') })).status).toBe(200);
    const replay = new Visitor(db.dashboard.url);
    for (const [k, v] of copied) replay.cookies.set(k, v);
    expect((await replay.request(`/g/${db.guild.id}/rituals`)).status).toBe(302);
  });

  it('puts the slash command\u2019s own sentence beside a bad field and saves nothing', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const csrf = await morgan.csrfFrom(`/g/${db.guild.id}/rituals/new`);
    const badZone = await morgan.post(`/g/${db.guild.id}/rituals`, { ...goodRitual(csrf), zone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    const page = await badZone.text();
    expect(page).toContain('id="zone-problem"');
    expect(page).toContain(escapeHtml(unknownTimeZoneMessage('Mars/Olympus')).replace(/`([^`]+)`/g, '<code>$1</code>'));
    expect(page).toContain('value="Mars/Olympus"');

    const badCron = await morgan.post(`/g/${db.guild.id}/rituals`, { ...goodRitual(csrf), builder: 'cron', cron: '* 9 * * 1' });
    expect(badCron.status).toBe(400);
    expect(await badCron.text()).toContain('A ritual can run at most once an hour');
    const noDays = await morgan.post(`/g/${db.guild.id}/rituals`, { ...goodRitual(csrf), days: [] });
    expect(await noDays.text()).toContain('Pick at least one day of the week.');
    const prompt = await morgan.post(`/g/${db.guild.id}/rituals`, { ...goodRitual(csrf), kind: 'prompt', text: '  ' });
    expect(await prompt.text()).toContain('A prompt ritual posts your own words');
    expect(await ritualsOf(db.guild.id)).toEqual([]);
  });

  it('says so when the ritual being edited was deleted meanwhile', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const csrf = await morgan.csrfFrom(`/g/${db.guild.id}/rituals/new`);
    await morgan.post(`/g/${db.guild.id}/rituals`, goodRitual(csrf));
    const [ritual] = await ritualsOf(db.guild.id);
    if (ritual === undefined) throw new Error('no ritual');
    const editCsrf = await morgan.csrfFrom(`/g/${db.guild.id}/rituals/${ritual.id}/edit`);
    // Another moderator deletes it from Discord while this form is open.
    const asking = await db.bed.harness.as(db.morgan).run(db.general, 'ritual delete', { ritual: ritual.id });
    if (asking.kind !== 'message') throw new Error('no confirmation');
    await db.bed.harness.as(db.morgan).click(asking.message, 'Delete it');
    const stale = await morgan.post(`/g/${db.guild.id}/rituals/${ritual.id}`, { ...goodRitual(editCsrf), time: '10:00' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(`Ritual #${ritual.id} was deleted while this form was open, so nothing was saved.`);
    expect(await ritualsOf(db.guild.id)).toEqual([]);
  });

  it('says so when the ritual being edited was changed by someone else meanwhile, shows theirs and saves nothing', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    await morgan.post(`/g/${db.guild.id}/rituals`, goodRitual(await morgan.csrfFrom(`/g/${db.guild.id}/rituals/new`)));
    const [ritual] = await ritualsOf(db.guild.id);
    if (ritual === undefined) throw new Error('no ritual');
    const editPage = await (await morgan.request(`/g/${db.guild.id}/rituals/${ritual.id}/edit`)).text();
    const revision = /name="revision" value="(\d+)"/.exec(editPage)?.[1];
    expect(revision).toBe(String(ritual.revision));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(editPage)?.[1] ?? '';
    // The ticker moving the ritual along is not an edit: a form across a run still saves.
    db.clock.set(Date.parse('2026-03-02T09:30:00Z'));
    await expect.poll(async () => (await ritualsOf(db.guild.id))[0]?.status, { timeout: 10_000 }).toMatchObject({ nextDueAt: new Date('2026-03-04T09:00:00Z') });
    expect((await morgan.post(`/g/${db.guild.id}/rituals/${ritual.id}`, { ...goodRitual(csrf), revision: String(revision), time: '08:00' })).status).toBe(303);
    const saved = (await ritualsOf(db.guild.id))[0];
    expect(saved).toMatchObject({ cron: '0 8 * * 1,3', revision: ritual.revision + 1 });

    // Another moderator changes it from Discord while a form based on the saved one is open.
    const openForm = await (await morgan.request(`/g/${db.guild.id}/rituals/${ritual.id}/edit`)).text();
    const openCsrf = /name="_csrf" value="([^"]+)"/.exec(openForm)?.[1] ?? '';
    await db.bed.harness.as(db.morgan).run(db.general, 'ritual edit', { ritual: ritual.id, cron: '0 7 * * 5' });
    const stale = await morgan.post(`/g/${db.guild.id}/rituals/${ritual.id}`, { ...goodRitual(openCsrf), revision: String(ritual.revision + 1), time: '10:00' });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain(`Someone else changed ritual #${ritual.id} while you were editing it, so I haven&#39;t saved your changes.`);
    expect(page).toContain('value="07:00"');
    expect(page).toContain(`name="revision" value="${ritual.revision + 2}"`);
    expect(await ritualsOf(db.guild.id)).toEqual([expect.objectContaining({ cron: '0 7 * * 5', revision: ritual.revision + 2 })]);
  });

  it('previews the next runs in the ritual\u2019s zone and says what daylight saving does', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const query = new URLSearchParams({ builder: 'weekly', days: '0', time: '02:30', zone: 'America/New_York' });
    const fragment = await (await morgan.request(`/g/${db.guild.id}/rituals/preview?${query.toString()}`)).text();
    expect(fragment).toContain('Every Sunday at 2:30 am');
    expect(fragment).toContain('Sun 8 Mar, 3:00 am'); // the gap: posted at the first instant after it
    expect(fragment).toContain(escapeHtml("On Sun 8 Mar 2026 the clocks jump forward and 2:30 am doesn't happen, so that post goes out at Sun 8 Mar, 3:00 am instead."));
    expect(fragment).toContain('Sun 1 Nov 2026');
  });

  it('edits the tenets as /tenets edit does: the same checks, a new version, a conflict refused', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const page = `/g/${db.guild.id}/onboarding`;
    const tenets = () => currentTenets(db.bed.bot.ctx, db.guild.id, db.bed.bot.ctx.content.onboarding.tenets);
    const before = await tenets();
    const bad = await morgan.post(`${page}/tenets`, { _csrf: await morgan.csrfFrom(page), basedOn: String(before.version), tenet: ['Be Kind: Kindness first.', 'no colon here', '', '', ''] });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(escapeHtml('Tenet 2 needs its name, a colon, then its words'));
    expect((await tenets()).version).toBe(before.version);

    const good = await morgan.post(`${page}/tenets`, { _csrf: await morgan.csrfFrom(page), basedOn: String(before.version), tenet: ['Be Kind: Kindness first.', 'Be Curious: Ask why.', '', '', ''] });
    expect(good.status).toBe(303);
    expect(await tenets()).toMatchObject({ version: before.version + 1, tenets: [{ name: 'Be Kind' }, { name: 'Be Curious' }] });
    const stale = await morgan.post(`${page}/tenets`, { _csrf: await morgan.csrfFrom(page), basedOn: String(before.version), tenet: ['Be Bold: Go.', '', '', '', ''] });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone else changed the tenets while you were editing');
  });

  it('switches onboarding on from its settings and counts who joined in the funnel', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const page = `/g/${db.guild.id}/onboarding`;
    const badNudge = await morgan.post(`${page}/settings`, { _csrf: await morgan.csrfFrom(page), firstContact: 'dm', nudgeAfterDays: '45' });
    expect(badNudge.status).toBe(400);
    expect(await badNudge.text()).toContain('A whole number of days from 0 to 30');
    const saved = await morgan.post(`${page}/settings`, { _csrf: await morgan.csrfFrom(page), firstContact: 'dm', nudgeAfterDays: '3', introductionsChannel: db.general.id });
    expect(saved.status).toBe(303);
    db.bed.harness.join(db.guild, 'dave');
    await expect.poll(async () => /<th scope="row">Joined<\/th>[\s\S]*?<span>1<\/span>/.test(await (await morgan.request(`${page}?period=all`)).text()), { timeout: 10_000 }).toBe(true);
  });
});
