import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findEntry, listLibrary, removeEntry, ritualServices } from '../rituals/library.js';
import type { LibraryEntry, LibraryKind } from '../rituals/model.js';
import type { RitualProblem } from '../rituals/problems.js';
import { peekNext } from '../rituals/rotation.js';
import { entryIssue, explainRitualProblem, issueField } from '../rituals/discord/explain.js';
// The dashboard is in English: the libraries' words as `/poem` and `/podcast` say them to an English reader.
import { ENGLISH_RITUALS as english } from '../rituals/discord/messages.js';
import { PODCASTS, POEMS, plain, type LibrarySpec } from '../rituals/discord/libraries.js';
import { csrfField, postButton, problemLine, textField } from './form-fields.js';
import { html, type Html } from './html.js';
import { flashBlock, NO_MENTIONS, sendGone, sendPage, serverFrame, serverRequest, takeFlash, type DashboardDeps, type ServerRequest } from './pages.js';

/**
 * The Libraries pages: a server's poems and podcast episodes, what posts next in the rotation, and
 * adding, editing and removing entries. Every rule is the services' (the same `/poem` and `/podcast`
 * call): this page only lays out their forms and places each problem beside its field.
 */

const SPECS: Readonly<Record<LibraryKind, LibrarySpec>> = { poem: POEMS, podcast: PODCASTS };
const HEADINGS: Readonly<Record<LibraryKind, string>> = { poem: 'Poems', podcast: 'Podcast episodes' };

type KindParams = { Params: { guildId: string; kind?: string } };
type EntryParams = { Params: { guildId: string; kind: string; id: string } };

/** What was typed, kept as typed: the spec's fields by id, plus the revision an edit was based on. */
const Typed = z.record(z.string(), z.unknown()).transform((body) => Object.fromEntries(Object.entries(body).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : []))));

interface FormState {
  readonly values: Readonly<Record<string, string>>;
  /** Sentences by field id; `form` is the one for the whole form. */
  readonly problems: Readonly<Record<string, string>>;
}

const EMPTY: FormState = { values: {}, problems: {} };

/** Where a service's problem goes: each field's own sentence beside it, the slash command's whole answer on top. */
function placed(problem: RitualProblem): Record<string, string> {
  const text = explainRitualProblem(problem);
  if (problem.kind !== 'invalid-entry') return { form: text };
  const byField: Record<string, string> = {};
  // The first thing to fix about each field, beside it.
  for (const issue of problem.issues) byField[issueField(issue)] ??= entryIssue(english, problem.library, issue);
  return { ...byField, form: text };
}

export function registerLibraryRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { ctx } = deps;
  const base = (guildId: string, kind: LibraryKind) => `/g/${guildId}/libraries/${kind}`;

  async function libraryPage(request: FastifyRequest, reply: FastifyReply, at: ServerRequest, kind: LibraryKind, adding: FormState, status = 200) {
    const spec = SPECS[kind];
    const guildId = at.server.id;
    const csrf = reply.generateCsrf();
    // listLibrary copies the starter set in on a server's first look, as `/poem list` does.
    const entries = await listLibrary(ritualServices(ctx), guildId, kind);
    const next = await peekNext(ctx.db, { guildId, kind });
    const body = html`${flashBlock(takeFlash(request), NO_MENTIONS)}
<h1>Libraries</h1>
<nav aria-label="Libraries"><ul class="actions" style="list-style:none;padding:0">${(Object.keys(SPECS) as LibraryKind[]).map(
      (other) => html`<li><a class="button${other === kind ? '' : ' quiet'}" href="${base(guildId, other)}"${other === kind ? html` aria-current="page"` : ''}>${HEADINGS[other]}</a></li>`,
    )}</ul></nav>
<h2>${HEADINGS[kind]}</h2>
<p>${spec.description}. The ${spec.noun} rituals of this server take turns through the whole library before anything repeats.</p>
<section class="card" aria-labelledby="next-heading"><h3 id="next-heading" style="margin-top:0">Next in the rotation</h3>
${next === undefined ? html`<p>Nothing: the library is empty. Add a ${spec.noun} below.</p>` : html`<p>${entryName(spec, next)}</p>`}</section>
${entryTable(spec, guildId, csrf, entries, next)}
<section class="card" aria-labelledby="add-heading"><h2 id="add-heading" style="margin-top:0">${english(`library.form.${kind}`)}</h2>
${entryForm(spec, base(guildId, kind), csrf, adding, 'Add it')}</section>`;
    return sendPage(reply, serverFrame(at, 'libraries', HEADINGS[kind], csrf), body, status);
  }

  function editPage(reply: FastifyReply, at: ServerRequest, spec: LibrarySpec, entry: LibraryEntry, state: FormState, revision: number, status = 200) {
    const csrf = reply.generateCsrf();
    const body = html`<h1>Edit ${spec.noun} #${String(entry.id)}</h1>
<p><a href="${base(at.server.id, spec.kind)}">Back to the ${HEADINGS[spec.kind].toLowerCase()}</a></p>
${entryForm(spec, `${base(at.server.id, spec.kind)}/${entry.id}`, csrf, state, 'Save changes', revision)}`;
    return sendPage(reply, serverFrame(at, 'libraries', `Edit ${spec.noun} #${entry.id}`, csrf), body, status);
  }

  const kindOf = (raw: string | undefined): LibraryKind | undefined => (raw === undefined ? 'poem' : raw === 'poem' || raw === 'podcast' ? raw : undefined);

  /** The library a route names, or the kind "not here" page. */
  async function guarded(request: FastifyRequest<KindParams>, reply: FastifyReply): Promise<{ at: ServerRequest; kind: LibraryKind } | undefined> {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return undefined;
    const kind = kindOf(request.params.kind);
    if (kind !== undefined) return { at, kind };
    sendGone(reply, at, 'libraries', { heading: 'No such library', why: 'There are two libraries: poems and podcast episodes.', back: 'See the poems', backTo: base(at.server.id, 'poem') });
    return undefined;
  }

  /** The entry a route names, still in rotation, or the kind page saying it was removed. */
  async function entryOr404(reply: FastifyReply, at: ServerRequest, kind: LibraryKind, id: number): Promise<LibraryEntry | undefined> {
    const entry = Number.isSafeInteger(id) ? await findEntry(ctx.db, id) : undefined;
    if (entry !== undefined && entry.guildId === at.server.id && entry.kind === kind && !entry.removed) return entry;
    sendGone(reply, at, 'libraries', {
      heading: `That ${SPECS[kind].noun} isn't here`,
      why: `It may have been removed meanwhile. ${explainRitualProblem({ kind: 'unknown-entry', library: kind, id })}`,
      back: `See the ${HEADINGS[kind].toLowerCase()}`,
      backTo: base(at.server.id, kind),
    });
    return undefined;
  }

  for (const path of ['/g/:guildId/libraries', '/g/:guildId/libraries/:kind']) {
    app.get<KindParams>(path, async (request, reply) => {
      const found = await guarded(request, reply);
      if (found === undefined) return reply;
      return libraryPage(request, reply, found.at, found.kind, EMPTY);
    });
  }

  app.post<KindParams>('/g/:guildId/libraries/:kind', { preHandler: app.csrfProtection }, async (request, reply) => {
    const found = await guarded(request, reply);
    if (found === undefined) return reply;
    const { at, kind } = found;
    const spec = SPECS[kind];
    const values = Typed.parse(request.body ?? {});
    const added = await spec.add(ritualServices(ctx), at.server.id, at.person.id, values);
    if (!added.ok) return libraryPage(request, reply, at, kind, { values, problems: placed(added.problem) }, 400);
    request.session.set('flash', { kind: 'ok', text: `Added ${spec.describe(english, added.value, plain)} to this server's library. It joins the rotation.` });
    return reply.redirect(base(at.server.id, kind), 303);
  });

  app.get<EntryParams>('/g/:guildId/libraries/:kind/:id/edit', async (request, reply) => {
    const found = await guarded(request, reply);
    if (found === undefined) return reply;
    const entry = await entryOr404(reply, found.at, found.kind, Number(request.params.id));
    if (entry === undefined) return reply;
    const spec = SPECS[found.kind];
    return editPage(reply, found.at, spec, entry, { values: spec.values(entry), problems: {} }, entry.revision);
  });

  app.post<EntryParams>('/g/:guildId/libraries/:kind/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const found = await guarded(request, reply);
    if (found === undefined) return reply;
    const { at, kind } = found;
    const spec = SPECS[kind];
    const id = Number(request.params.id);
    const typed = Typed.parse(request.body ?? {});
    const basedOn = /^\d+$/.test(typed['revision'] ?? '') ? Number(typed['revision']) : -1;
    // Only the form's own fields: a forged extra field can't reach the service.
    const values = Object.fromEntries(spec.fields.flatMap((field) => (typed[field.id] === undefined ? [] : [[field.id, typed[field.id] ?? '']])));
    const edited = await spec.edit(ritualServices(ctx), at.server.id, id, basedOn, values);
    if (edited.ok) {
      request.session.set('flash', { kind: 'ok', text: `Saved ${spec.describe(english, edited.value, plain)}.` });
      return reply.redirect(base(at.server.id, kind), 303);
    }
    const problem = edited.problem;
    if (problem.kind === 'entry-changed') {
      // Someone else saved first: show theirs, now the base of this form, and say so.
      return editPage(reply, at, spec, problem.entry, { values: spec.values(problem.entry), problems: placed(problem) }, problem.entry.revision, 409);
    }
    if (problem.kind === 'unknown-entry') {
      return sendGone(
        reply,
        at,
        'libraries',
        { heading: `That ${spec.noun} isn't here`, why: `It was removed while this form was open, so nothing was saved. ${explainRitualProblem(problem)}`, back: `See the ${HEADINGS[kind].toLowerCase()}`, backTo: base(at.server.id, kind) },
        409,
      );
    }
    const entry = await findEntry(ctx.db, id);
    if (entry === undefined) return reply.redirect(base(at.server.id, kind), 303);
    return editPage(reply, at, spec, entry, { values, problems: placed(problem) }, basedOn, 400);
  });

  app.post<EntryParams>('/g/:guildId/libraries/:kind/:id/remove', { preHandler: app.csrfProtection }, async (request, reply) => {
    const found = await guarded(request, reply);
    if (found === undefined) return reply;
    const { at, kind } = found;
    const spec = SPECS[kind];
    const removed = await removeEntry(ritualServices(ctx), at.server.id, kind, Number(request.params.id));
    request.session.set(
      'flash',
      removed.ok
        ? { kind: 'ok', text: `Removed ${spec.describe(english, removed.value, plain)}. It won't be posted again; past posts stay.` }
        : { kind: 'bad', text: explainRitualProblem(removed.problem) },
    );
    return reply.redirect(base(at.server.id, kind), 303);
  });
}

function entryName(spec: LibrarySpec, entry: LibraryEntry): string {
  return spec.describe(english, entry, plain);
}

function entryTable(spec: LibrarySpec, guildId: string, csrf: string, entries: readonly LibraryEntry[], next: LibraryEntry | undefined): Html {
  if (entries.length === 0) return html`<p>The ${spec.noun} library is empty.</p>`;
  const path = `/g/${guildId}/libraries/${spec.kind}`;
  return html`<table><caption class="hint" style="text-align:left">${String(entries.length)} ${spec.noun}${entries.length === 1 ? '' : 's'} in rotation</caption>
<thead><tr><th scope="col">#</th><th scope="col">Title</th><th scope="col">${spec.kind === 'poem' ? 'Poet' : 'Show'}</th><th scope="col">Questions</th><th scope="col"><span class="skip">Actions</span></th></tr></thead>
<tbody>${entries.map(
    (entry) => html`<tr><td>${String(entry.id)}</td><td>${entry.title}${entry.id === next?.id ? html` <span class="badge">next</span>` : ''}${entry.starterKey === null ? '' : html` <span class="hint">(starter)</span>`}</td>
<td>${entry.kind === 'poem' ? `${entry.author}${entry.year === null ? '' : ` (${entry.year})`}` : (entry.show ?? '')}</td><td>${String(entry.questions.length)}</td>
<td><div class="actions"><a class="button quiet" href="${path}/${entry.id}/edit">Edit<span class="skip"> ${spec.noun} #${String(entry.id)}</span></a>
${postButton(`${path}/${entry.id}/remove`, csrf, html`Remove<span class="skip"> ${spec.noun} #${String(entry.id)}</span>`)}</div></td></tr>`,
  )}</tbody></table>`;
}

function entryForm(spec: LibrarySpec, action: string, csrf: string, state: FormState, submit: string, revision?: number): Html {
  return html`${problemLine('form', state.problems['form'])}
<form method="post" action="${action}" novalidate>${csrfField(csrf)}${revision === undefined ? '' : html`<input type="hidden" name="revision" value="${String(revision)}">`}
${spec.fields.map((field) =>
  textField({
    id: field.id,
    label: english(field.label),
    value: state.values[field.id] ?? '',
    paragraph: field.paragraph,
    required: field.required,
    maxLength: field.maxLength,
    placeholder: field.placeholder === undefined ? undefined : english(field.placeholder),
    problem: state.problems[field.id],
  }),
)}
<p><button type="submit">${submit}</button></p></form>`;
}
