import { afterEach, describe, expect, it } from 'vitest';
import { activeEntries, editPoem, findEntry, ritualServices } from '../../../src/rituals/library.js';
import { peekNext } from '../../../src/rituals/rotation.js';
import { escapeHtml } from '../../../src/dashboard/html.js';
import { signedIn, startDashboardBed, type DashboardBed } from './support.js';

/** The Libraries pages over HTTP: the same services and sentences as `/poem` and `/podcast`. */
describe('the dashboard\u2019s Libraries pages', () => {
  let db: DashboardBed;
  afterEach(() => db.close());

  const poems = () => `/g/${db.guild.id}/libraries/poem`;
  const podcasts = () => `/g/${db.guild.id}/libraries/podcast`;
  const entries = (kind: 'poem' | 'podcast') => activeEntries(db.bed.bot.db, db.guild.id, kind);
  const goodPoem = (csrf: string) => ({ _csrf: csrf, title: 'Trees', author: 'Joyce Kilmer', year: '1913', source: '', text: 'I think that I shall never see\nA poem lovely as a tree.' });

  it('lists the starter poems, says which posts next, and adds one as /poem add does', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const page = await (await morgan.request(poems())).text();
    const before = await entries('poem');
    expect(before.length).toBeGreaterThan(0);
    const next = await peekNext(db.bed.bot.db, { guildId: db.guild.id, kind: 'poem' });
    expect(page).toContain('Next in the rotation');
    expect(page).toContain(escapeHtml(`#${next?.id} “${next?.title}”`));
    expect((await morgan.request(`/g/${db.guild.id}/libraries`)).status).toBe(200);

    const added = await morgan.post(poems(), goodPoem(await morgan.csrfFrom(poems())));
    expect(added.status).toBe(303);
    expect(await entries('poem')).toEqual([...before, expect.objectContaining({ title: 'Trees', author: 'Joyce Kilmer', year: 1913 })]);
    expect(await (await morgan.request(poems())).text()).toContain(escapeHtml('Added #'));
  });

  it('puts the slash command\u2019s sentences beside the bad fields and adds nothing', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const csrf = await morgan.csrfFrom(podcasts());
    const before = await entries('podcast');
    const bad = await morgan.post(podcasts(), { _csrf: csrf, title: '  ', show: 'Teaching Hour', link: 'ftp://example.org/ep1', about: '', questions: 'Only one?' });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain(escapeHtml('That one needs a small fix before I can add it:'));
    expect(page).toMatch(/id="title-problem" role="alert">The episode title can&#39;t be empty</);
    expect(page).toMatch(/id="link-problem" role="alert">The link should be a full web address starting with https:\/\//);
    expect(page).toMatch(/id="questions-problem" role="alert">please write at least 2 questions, one per line/);
    expect(page).toContain('value="Teaching Hour"'); // what was typed comes back
    expect(await entries('podcast')).toEqual(before);
  });

  it('edits a poem, keeping what the form doesn\u2019t show, and refuses a stale form with the current values', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    await morgan.request(poems());
    const [first] = await entries('poem');
    if (first === undefined || first.kind !== 'poem') throw new Error('no starter poem');
    const editPath = `${poems()}/${first.id}/edit`;
    const form = await (await morgan.request(editPath)).text();
    expect(form).toContain(`name="revision" value="${first.revision}"`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';

    const saved = await morgan.post(`${poems()}/${first.id}`, { _csrf: csrf, revision: String(first.revision), title: 'A new title', author: first.author, year: '', source: '', text: first.text });
    expect(saved.status).toBe(303);
    const after = await findEntry(db.bed.bot.db, first.id);
    expect(after).toMatchObject({ title: 'A new title', year: null, questions: first.questions, revision: first.revision + 1 });

    // Someone else edits it while a second form, opened before, is still on screen.
    const staleCsrf = await morgan.csrfFrom(editPath);
    const changed = await editPoem(ritualServices(db.bed.bot.ctx), db.guild.id, first.id, first.revision + 1, { title: 'Their title' });
    expect(changed.ok).toBe(true);
    const stale = await morgan.post(`${poems()}/${first.id}`, { _csrf: staleCsrf, revision: String(first.revision + 1), title: 'My title', author: first.author, year: '', source: '', text: first.text });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain(`Someone else changed poem #${first.id} while you were editing it, so I haven&#39;t saved your changes.`);
    expect(page).toContain('value="Their title"');
    expect(page).toContain(`name="revision" value="${first.revision + 2}"`);
    expect(await findEntry(db.bed.bot.db, first.id)).toMatchObject({ title: 'Their title' });

    const badYear = await morgan.post(`${poems()}/${first.id}`, { _csrf: staleCsrf, revision: String(first.revision + 2), title: 'Title', author: first.author, year: '18x1', source: '', text: first.text });
    expect(badYear.status).toBe(400);
    expect(await badYear.text()).toMatch(/id="year-problem" role="alert">The year should be written like 1891/);
    expect(await findEntry(db.bed.bot.db, first.id)).toMatchObject({ title: 'Their title' });
  });

  it('removes an entry, and says so kindly when a form names one removed meanwhile', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    await morgan.request(podcasts());
    const [first] = await entries('podcast');
    if (first === undefined) throw new Error('no starter episode');
    const csrf = await morgan.csrfFrom(`${podcasts()}/${first.id}/edit`);
    expect((await morgan.post(`${podcasts()}/${first.id}/remove`, { _csrf: csrf })).status).toBe(303);
    expect((await entries('podcast')).map((e) => e.id)).not.toContain(first.id);

    const again = await morgan.post(`${podcasts()}/${first.id}/remove`, { _csrf: csrf });
    expect(again.status).toBe(303);
    expect(await (await morgan.request(podcasts())).text()).toContain(`I can&#39;t find podcast #${first.id} in this server&#39;s library.`);
    const edit = await morgan.post(`${podcasts()}/${first.id}`, { _csrf: csrf, revision: String(first.revision), title: 'Back?', questions: 'One?\nTwo?' });
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain('It was removed while this form was open, so nothing was saved.');
    expect((await morgan.request(`${podcasts()}/${first.id}/edit`)).status).toBe(404);
  });

  it('is for moderators only, and every form needs its CSRF token', async () => {
    db = await startDashboardBed();
    const alice = await signedIn(db, db.alice);
    expect((await alice.request(poems())).status).toBe(403);
    const aliceCsrf = await alice.csrfFrom('/');
    expect((await alice.post(poems(), goodPoem(aliceCsrf))).status).toBe(403);

    const morgan = await signedIn(db, db.morgan);
    await morgan.request(poems());
    const [first] = await entries('poem');
    if (first === undefined) throw new Error('no starter poem');
    expect((await alice.post(`${poems()}/${first.id}/remove`, { _csrf: aliceCsrf })).status).toBe(403);
    const before = await entries('poem');
    expect((await morgan.post(poems(), goodPoem(''))).status).toBe(403);
    expect((await morgan.post(`${poems()}/${first.id}`, { ...goodPoem(''), revision: String(first.revision) })).status).toBe(403);
    expect((await morgan.post(`${poems()}/${first.id}/remove`, { _csrf: '' })).status).toBe(403);
    expect(await entries('poem')).toEqual(before);
    expect((await morgan.request(`/g/${db.guild.id}/libraries/songs`)).status).toBe(404);
  });
});
