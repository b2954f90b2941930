import { afterEach, describe, expect, it } from 'vitest';
import { catalogFor } from '../../../src/courses/lookup.js';
import { explainImportProblem } from '../../../src/courses/discord/explain.js';
import { REPORT_COLUMNS } from '../../../src/courses/discord/report-csv.js';
import { IMPORT_MAX_BYTES } from '../../../src/courses/imports.js';
import { discordText, escapeHtml } from '../../../src/dashboard/html.js';
import { NO_MENTIONS } from '../../../src/dashboard/pages.js';
import { signedIn, startDashboardBed, type DashboardBed, type Visitor } from './support.js';
import { ENGLISH } from '../../../src/i18n/locales.js';
import { courseMessages } from '../../../src/courses/discord/messages.js';
import { said } from '../../support/i18n.js';

/** The Courses pages over HTTP: `/course report`'s counts and CSV, `/course import`'s checks and sentences. */
describe('the dashboard\u2019s Courses pages', () => {
  let db: DashboardBed;
  afterEach(() => db.close());

  const COURSE = 'leading-equitable-schools';
  const courses = () => `/g/${db.guild.id}/courses`;
  const lesson = (id: string, title: string) => ({ id, title, text: `What to do for ${title}.`, reflection: `What did ${title} show you?` });
  const circles = { id: 'restorative-circles', title: 'Restorative Circles', summary: 'Short practices for the day.', audience: 'Classroom teachers.', order: 'any-order', lessons: [lesson('opening-circle', 'Opening Circle'), lesson('closing-circle', 'Closing Circle')] };

  /** Posts a file as a browser's upload form does (multipart), with the page's CSRF token unless told. */
  async function upload(visitor: Visitor, file: { name: string; content: string | Uint8Array } | undefined, csrf?: string): Promise<Response> {
    const form = new FormData();
    form.set('_csrf', csrf ?? (await visitor.csrfFrom(courses())));
    if (file !== undefined) form.set('file', new Blob([file.content], { type: 'application/json' }), file.name);
    return visitor.request(`${courses()}/import`, { method: 'POST', body: form });
  }
  const importedIds = async () => [...(await catalogFor(db.bed.bot.ctx, db.guild.id)).entries.values()].filter((e) => e.source === 'imported').map((e) => e.course.id);

  it('shows enrolments and progress per course, one course\u2019s members, and downloads /course report\u2019s CSV', async () => {
    db = await startDashboardBed();
    await db.bed.harness.as(db.alice).run(db.general, 'course enroll', { course: COURSE });
    const morgan = await signedIn(db, db.morgan);
    const list = await (await morgan.request(courses())).text();
    expect(list).toMatch(new RegExp(`<a href="${courses()}/${COURSE}">Leading Equitable Schools</a>[\\s\\S]*?<td>1</td><td>0</td><td>0</td><td>1</td><td>0</td>`));

    const page = await (await morgan.request(`${courses()}/${COURSE}`)).text();
    expect(page).toContain('<strong>Leading Equitable Schools</strong>: 1 member enrolled. 0 finished, 0 on their way, 1 not started yet.');
    expect(page).toContain('<td>alice</td>');

    const csv = await morgan.request(`${courses()}/${COURSE}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="course-report-${COURSE}-2026-03-02.csv"`);
    const [header, row] = (await csv.text()).trim().split('\n');
    expect(header).toBe(REPORT_COLUMNS.map((column) => said(courseMessages, column)).join(','));
    expect(row).toMatch(new RegExp(`^alice,${db.alice.id},2026-03-02T08:00:00.000Z,0,\\d+,`));

    const badIdle = await morgan.request(`${courses()}/${COURSE}?idle_days=0`);
    expect(badIdle.status).toBe(400);
    expect(await badIdle.text()).toMatch(/id="idle_days-problem" role="alert">A whole number of days from 1 to 365/);
    const missing = await morgan.request(`${courses()}/no-such-course`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('I couldn&#39;t find a course called');
  });

  it('imports a course by upload with /course import\u2019s checks, and says what was wrong beside the file', async () => {
    db = await startDashboardBed();
    const morgan = await signedIn(db, db.morgan);
    const good = await upload(morgan, { name: 'restorative-circles.json', content: JSON.stringify(circles) });
    expect(good.status).toBe(303);
    expect(await importedIds()).toEqual(['restorative-circles']);
    expect(await (await morgan.request(courses())).text()).toContain('Imported <strong>Restorative Circles</strong> (2 lessons).');

    const notJson = await upload(morgan, { name: 'circles.txt', content: 'hello' });
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).toContain(discordText(explainImportProblem({ kind: 'not-json', filename: 'circles.txt' }, ENGLISH), NO_MENTIONS).text);

    const invalid = await upload(morgan, { name: 'broken.json', content: JSON.stringify({ ...circles, id: 'broken', lessons: [] }, null, 2) });
    expect(invalid.status).toBe(400);
    const invalidPage = await invalid.text();
    expect(invalidPage).toContain('id="file-problem" role="alert">I couldn&#39;t import that course, so nothing was changed.');
    expect(invalidPage).toMatch(/<pre><code>broken\.json:\d+:\d+/);

    const big = await upload(morgan, { name: 'big.json', content: new Uint8Array(IMPORT_MAX_BYTES + 10).fill(32) });
    expect(big.status).toBe(400);
    expect(await big.text()).toContain(escapeHtml(`That file is over ${IMPORT_MAX_BYTES / 1000} kB`));

    const latin1 = await upload(morgan, { name: 'latin1.json', content: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]) });
    expect(await latin1.text()).toContain('isn&#39;t saved as UTF-8 text');
    const shipped = await upload(morgan, { name: 'mine.json', content: JSON.stringify({ ...circles, id: COURSE }) });
    expect(await shipped.text()).toContain(`The id &quot;${COURSE}&quot; belongs to <strong>Leading Equitable Schools</strong>`);
    const none = await upload(morgan, undefined);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Please choose the course file (<code>.json</code>) to upload. Nothing was changed.');
    expect(await importedIds()).toEqual(['restorative-circles']);
  });

  it('is for moderators only, and the upload needs its CSRF token', async () => {
    db = await startDashboardBed();
    const alice = await signedIn(db, db.alice);
    expect((await alice.request(courses())).status).toBe(403);
    expect((await alice.request(`${courses()}/${COURSE}`)).status).toBe(403);
    expect((await alice.request(`${courses()}/${COURSE}/report.csv`)).status).toBe(403);
    const aliceCsrf = await alice.csrfFrom('/');
    expect((await upload(alice, { name: 'restorative-circles.json', content: JSON.stringify(circles) }, aliceCsrf)).status).toBe(403);

    const morgan = await signedIn(db, db.morgan);
    expect((await upload(morgan, { name: 'restorative-circles.json', content: JSON.stringify(circles) }, '')).status).toBe(403);
    expect((await upload(morgan, { name: 'restorative-circles.json', content: JSON.stringify(circles) }, aliceCsrf)).status).toBe(403);
    expect(await importedIds()).toEqual([]);
  });
});
