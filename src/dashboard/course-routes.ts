import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { openCourses, type CatalogEntry } from '../courses/catalog.js';
import { checkImportAttachment, decodeCourseFile, IMPORT_MAX_BYTES, importCourseText, importServices } from '../courses/imports.js';
import { catalogFor, courseNamed } from '../courses/lookup.js';
import type { CourseProblem } from '../courses/problems.js';
import { courseReport, DEFAULT_IDLE_DAYS, IDLE_DAYS, reportSummary, type ReportRow } from '../courses/report.js';
import { explainCourseProblem } from '../courses/discord/explain.js';
import { courseVoice } from '../courses/discord/voice.js';
import { ENGLISH } from '../i18n/locales.js';
import { importedMessage, reportMessage } from '../courses/discord/moderator-messages.js';
import { reportCsv, reportFileName } from '../courses/discord/report-csv.js';
import { fail, succeed, type Outcome } from '../outcome.js';
import { csrfField, problemLine } from './form-fields.js';
import { discordText, html, type Html } from './html.js';
import { flashBlock, NO_MENTIONS, sendGone, sendPage, serverFrame, serverRequest, takeFlash, type DashboardDeps, type ServerRequest } from './pages.js';
import { viewerZoneOf } from './viewer-zone.js';

/** The dashboard is in English: the course pages say what the slash commands say to an English reader. */
const english = courseVoice(ENGLISH);

const count = (n: number, unit: string) => `${String(n)} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The Courses pages: each course with its enrolments and progress (what `/course report` counts),
 * one course's members with the CSV download (`/course report`'s file), and importing a course by
 * upload (`/course import`'s checks and sentences).
 */

type GuildParams = { Params: { guildId: string } };
type CourseParams = { Params: { guildId: string; courseId: string }; Querystring: { idle_days?: string; page?: string } };

/** Members per page of a course's table: the CSV holds everyone. */
export const MEMBERS_PER_PAGE = 50;

/** The uploaded file, read whole (the import limit keeps it small), before any check. */
interface Upload {
  readonly filename: string;
  readonly bytes: Buffer;
  /** More than the limit arrived: the rest was not read. */
  readonly truncated: boolean;
}

const isUpload = (value: unknown): value is Upload => typeof value === 'object' && value !== null && 'filename' in value && 'bytes' in value;

/** What the upload form needs said when no file came: the slash command's option is required, so it has no sentence. */
const NO_FILE = 'Please choose the course file (`.json`) to upload. Nothing was changed.';

export async function registerCourseRoutes(app: FastifyInstance, deps: DashboardDeps): Promise<void> {
  const { ctx, access } = deps;
  const base = (guildId: string) => `/g/${guildId}/courses`;
  const day = (request: FastifyRequest, at: Date) => DateTime.fromJSDate(at, { zone: viewerZoneOf(request) ?? 'UTC' }).toFormat('d LLL yyyy');

  async function coursesPage(request: FastifyRequest, reply: FastifyReply, at: ServerRequest, importProblem: string | undefined, status = 200) {
    const guildId = at.server.id;
    const csrf = reply.generateCsrf();
    const catalog = await catalogFor(ctx, guildId);
    const now = ctx.clock.now();
    const open = new Set(openCourses(catalog).map((entry) => entry.course.id));
    const entries = [...catalog.entries.values()].sort((a, b) => Number(!open.has(a.course.id)) - Number(!open.has(b.course.id)) || a.course.title.localeCompare(b.course.title));
    const reports = await Promise.all(entries.map(async (entry) => ({ entry, summary: await reportSummary(ctx.db, guildId, entry.course, now, DEFAULT_IDLE_DAYS) })));
    const body = html`${flashBlock(takeFlash(request), NO_MENTIONS)}
<h1>Courses</h1>
<p>The courses members take at their own pace here, and how far they are. A member is <em>idle</em> after ${String(DEFAULT_IDLE_DAYS)} days without activity.</p>
${
  entries.length === 0
    ? html`<p>There are no courses here yet. Import one below.</p>`
    : html`<table><caption class="hint" style="text-align:left">Enrolments and progress per course</caption>
<thead><tr><th scope="col">Course</th><th scope="col">Lessons</th><th scope="col">Enrolled</th><th scope="col">Finished</th><th scope="col">On their way</th><th scope="col">Not started</th><th scope="col">Idle</th></tr></thead>
<tbody>${reports.map(
        ({ entry, summary }) => html`<tr><th scope="row"><a href="${base(guildId)}/${entry.course.id}">${entry.course.title}</a> ${courseBadges(entry)}</th>
<td>${count(entry.course.lessons.length, entry.course.unit)}</td><td>${String(summary.enrolled)}</td><td>${String(summary.finished)}</td><td>${String(summary.inProgress)}</td><td>${String(summary.notStarted)}</td><td>${String(summary.idle)}</td></tr>`,
      )}</tbody></table>`
}
<section class="card" aria-labelledby="import-heading"><h2 id="import-heading" style="margin-top:0">Import a course</h2>
<p>A course file (<code>.json</code>, at most ${String(IMPORT_MAX_BYTES / 1000)} kB) is checked exactly as <code>/course import</code> checks it. Importing a course with an id you imported before updates it; members keep their progress on every lesson whose id stayed the same.</p>
<form method="post" action="${base(guildId)}/import" enctype="multipart/form-data">${csrfField(csrf)}
<label for="file">Course file</label>
<input type="file" id="file" name="file" accept=".json,application/json"${importProblem === undefined ? '' : html` aria-invalid="true" aria-describedby="file-problem"`}>
${problemLine('file', importProblem)}
<p><button type="submit">Import</button></p></form></section>`;
    return sendPage(reply, serverFrame(at, 'courses', 'Courses', csrf), body, status);
  }

  app.get<GuildParams>('/g/:guildId/courses', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    return coursesPage(request, reply, at, undefined);
  });

  /** The course a page names, or the kind page with `/course report`'s own sentence. */
  async function courseOr404(request: FastifyRequest<CourseParams>, reply: FastifyReply, at: ServerRequest): Promise<CatalogEntry | undefined> {
    const found = await courseNamed(ctx, at.server.id, request.params.courseId);
    if (found.ok) return found.value;
    sendGone(reply, at, 'courses', { heading: "That course isn't here", why: explainCourseProblem(found.problem, ENGLISH), back: 'See the courses', backTo: base(at.server.id) });
    return undefined;
  }

  app.get<CourseParams>('/g/:guildId/courses/:courseId', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const entry = await courseOr404(request, reply, at);
    if (entry === undefined) return reply;
    const { course } = entry;
    const guildId = at.server.id;
    const idle = idleDaysOf(request.query.idle_days);
    // The database counts everyone and reads only the page shown: a course may have thousands.
    const counted = await reportSummary(ctx.db, guildId, course, ctx.clock.now(), idle.ok ? idle.value : DEFAULT_IDLE_DAYS);
    const pages = Math.max(1, Math.ceil(counted.enrolled / MEMBERS_PER_PAGE));
    const pageNumber = Math.min(pages, Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const shown = await courseReport(ctx.db, guildId, course, { limit: MEMBERS_PER_PAGE, offset: (pageNumber - 1) * MEMBERS_PER_PAGE });
    const names = await access.memberNames(guildId, shown.map((row) => row.userId));
    const summary = counted.enrolled === 0 ? undefined : counted;
    const path = `${base(guildId)}/${course.id}`;
    const pageLink = (n: number, label: string) => html`<a href="${path}?idle_days=${String(summary?.idleDays ?? DEFAULT_IDLE_DAYS)}&amp;page=${String(n)}">${label}</a>`;
    const csrf = reply.generateCsrf();
    const body = html`<h1>${course.title} ${courseBadges(entry)}</h1>
<p><a href="${base(guildId)}">Back to the courses</a></p>
<p>${course.summary}</p>
<div class="notice" role="status">${discordText(reportMessage(english.t, course, summary).replace(/\nThe file has one row per member\.$/, ''), NO_MENTIONS)}</div>
<form method="get" action="${path}"><label for="idle_days">Count members as idle after this many days</label>
<input type="number" id="idle_days" name="idle_days" min="${String(IDLE_DAYS.min)}" max="${String(IDLE_DAYS.max)}" value="${idle.ok ? String(idle.value) : (request.query.idle_days ?? '')}"${idle.ok ? '' : html` aria-invalid="true" aria-describedby="idle_days-problem"`}>
${problemLine('idle_days', idle.ok ? undefined : idle.problem)}
<button type="submit" class="quiet">Count again</button></form>
${summary === undefined ? '' : html`<p><a class="button" href="${path}/report.csv" download>Download the CSV report<span class="skip"> of ${course.title}</span></a> <span class="hint">One row per member, as <code>/course report</code> sends it.</span></p>
<table><caption class="hint" style="text-align:left">Members ${String((pageNumber - 1) * MEMBERS_PER_PAGE + 1)}–${String((pageNumber - 1) * MEMBERS_PER_PAGE + shown.length)} of ${String(summary.enrolled)}, earliest to join first</caption>
<thead><tr><th scope="col">Member</th><th scope="col">Joined</th><th scope="col">Progress</th><th scope="col">Last active</th><th scope="col">Finished</th></tr></thead>
<tbody>${shown.map((row) => memberRow(row, names, (d) => day(request, d)))}</tbody></table>
${pages > 1 ? html`<nav aria-label="Pages of members"><p class="actions">${pageNumber > 1 ? pageLink(pageNumber - 1, 'Previous page') : ''} <span>Page ${String(pageNumber)} of ${String(pages)}</span> ${pageNumber < pages ? pageLink(pageNumber + 1, 'Next page') : ''}</p></nav>` : ''}`}`;
    return sendPage(reply, serverFrame(at, 'courses', course.title, csrf), body, idle.ok ? 200 : 400);
  });

  app.get<CourseParams>('/g/:guildId/courses/:courseId/report.csv', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const entry = await courseOr404(request, reply, at);
    if (entry === undefined) return reply;
    const rows = await courseReport(ctx.db, at.server.id, entry.course);
    const names = await access.memberNames(at.server.id, rows.map((row) => row.userId));
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${reportFileName(entry.course, ctx.clock.now())}"`)
      .send(reportCsv(english.t, rows, names));
  });

  // Multipart only here: no other route reads uploads. The file is read into memory up to the
  // import's limit (a byte more shows it is too large), so the CSRF field is checked as on every form.
  await app.register(async (uploads) => {
    await uploads.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, parts: 5 },
      async onFile(part: MultipartFile & { value?: unknown }) {
        const bytes = await part.toBuffer();
        part.value = { filename: part.filename, bytes, truncated: part.file.truncated } satisfies Upload;
      },
    });
    uploads.post<GuildParams>('/g/:guildId/courses/import', { preHandler: uploads.csrfProtection }, async (request, reply) => {
      const at = await serverRequest(deps, request, reply);
      if (at === undefined) return reply;
      const upload = (request.body as Record<string, unknown> | undefined)?.['file'];
      const text = readUpload(isUpload(upload) ? upload : undefined);
      if (!text.ok) return coursesPage(request, reply, at, text.problem, 400);
      const imported = await importCourseText(importServices(ctx), at.server.id, text.value.filename, text.value.text);
      if (!imported.ok) return coursesPage(request, reply, at, explainCourseProblem(imported.problem, ENGLISH), 400);
      const { course } = imported.value.imported;
      ctx.logger.info({ guild: at.server.id, course: course.id, by: at.person.id, replaced: imported.value.imported.previous !== undefined, via: 'dashboard' }, 'a course was imported');
      request.session.set('flash', { kind: 'ok', text: importedMessage(english.t, english.read, imported.value.imported, imported.value.enrolled) });
      return reply.redirect(base(at.server.id), 303);
    });
  });
}

/** The upload's text, through `/course import`'s own checks on the file before its contents. */
function readUpload(upload: Upload | undefined): Outcome<{ filename: string; text: string }, string> {
  if (upload === undefined || upload.filename === '') return fail(NO_FILE);
  const problem = (p: CourseProblem) => fail(explainCourseProblem(p, ENGLISH));
  const checked = checkImportAttachment({ name: upload.filename, size: upload.truncated ? IMPORT_MAX_BYTES + 1 : upload.bytes.length });
  if (!checked.ok) return checked.problem.kind === 'too-large' && upload.truncated ? problem({ ...checked.problem, size: undefined }) : problem(checked.problem);
  const text = decodeCourseFile(upload.filename, upload.bytes);
  return text.ok ? succeed({ filename: upload.filename, text: text.value }) : problem(text.problem);
}

function idleDaysOf(raw: string | undefined): Outcome<number, string> {
  if (raw === undefined || raw.trim() === '') return succeed(DEFAULT_IDLE_DAYS);
  const days = Number(raw);
  return Number.isInteger(days) && days >= IDLE_DAYS.min && days <= IDLE_DAYS.max
    ? succeed(days)
    : fail(`A whole number of days from ${IDLE_DAYS.min} to ${IDLE_DAYS.max}, as \`/course report\` takes it.`);
}

function courseBadges(entry: CatalogEntry): Html {
  return html`<span class="badge">${entry.source === 'shipped' ? 'comes with Roots Bot' : 'imported'}</span>${entry.retired ? html` <span class="badge">retired</span>` : ''}`;
}

function memberRow(row: ReportRow, names: ReadonlyMap<string, string>, day: (at: Date) => string): Html {
  return html`<tr><td>${names.get(row.userId) ?? 'a former member'}</td><td>${day(row.enrolledAt)}</td>
<td><div class="bar"><progress max="${String(Math.max(1, row.lessonsTotal))}" value="${String(row.lessonsDone)}" aria-hidden="true"></progress><span>${String(row.lessonsDone)} of ${String(row.lessonsTotal)}</span></div></td>
<td>${day(row.lastActivityAt)}</td><td>${row.finishedAt === undefined ? '—' : day(row.finishedAt)}</td></tr>`;
}
