import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { formatDueDate } from '../protocols/due-date.js';
import { localizeProtocol, type Protocol, type ReadProtocol } from '../protocols/protocol-content.js';
import { protocolOf } from '../protocols/run-guards.js';
import { findRun, isOpen, openRuns, recentRuns, type Run } from '../protocols/runs.js';
import { buildSummary, peopleIn, type Summary } from '../protocols/summary.js';
import { explainProtocolProblem } from '../protocols/discord/explain.js';
import { exportNamer, runFileName, summaryMarkdown } from '../protocols/discord/export-view.js';
import { protocolsSayTo } from '../protocols/discord/messages.js';
import { ENGLISH } from '../i18n/locales.js';
import { oneLine } from '../protocols/discord/step-view.js';
import { html, type Html } from './html.js';
import { sendGone, sendPage, serverFrame, serverRequest, type DashboardDeps, type ServerRequest } from './pages.js';
import { viewerZoneOf } from './viewer-zone.js';


/** The dashboard is in English: protocols read as the slash commands read them to an English reader. */
const t = protocolsSayTo(ENGLISH);
/**
 * The Protocols pages: the runs going on and those that ended, one run's summary (what its thread's
 * summary says), and its Markdown record, the file `/protocol export` gives.
 */

type GuildParams = { Params: { guildId: string } };
type RunParams = { Params: { guildId: string; runId: string } };

/** Ended runs listed, newest first; `/protocol export` suggests from as many. */
export const ENDED_SHOWN = 100;

export function registerProtocolRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { ctx, access } = deps;
  const base = (guildId: string) => `/g/${guildId}/protocols`;
  const day = (request: FastifyRequest, at: Date) => DateTime.fromJSDate(at, { zone: viewerZoneOf(request) ?? 'UTC' }).toFormat('d LLL yyyy');
  const protocolFor = (run: Run) => ctx.content.protocols.get(run.protocolId);

  app.get<GuildParams>('/g/:guildId/protocols', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const guildId = at.server.id;
    const [running, recent] = await Promise.all([openRuns(ctx.db, guildId), recentRuns(ctx.db, guildId, ENDED_SHOWN + 20)]);
    const ended = recent.filter((run) => !isOpen(run)).slice(0, ENDED_SHOWN);
    const facilitators = [...running, ...ended].flatMap((run) => (run.facilitatorId === null ? [] : [run.facilitatorId]));
    const names = await access.memberNames(guildId, facilitators);
    const facilitator = (run: Run) => (run.facilitatorId === null ? 'a moderator' : (names.get(run.facilitatorId) ?? 'a former member'));
    const table = (runs: readonly Run[], caption: string, ended: boolean): Html =>
      html`<table><caption class="hint" style="text-align:left">${caption}</caption>
<thead><tr><th scope="col">Protocol</th><th scope="col">Problem</th><th scope="col">Facilitator</th><th scope="col">${ended ? 'How it ended' : 'Where they are'}</th><th scope="col">Started</th></tr></thead>
<tbody>${runs.map(
        (run) => html`<tr><td>${protocolFor(run)?.title ?? run.protocolId}</td><td><a href="${base(guildId)}/${String(run.id)}">${run.topic}</a></td><td>${facilitator(run)}</td>
<td>${stateText(run, protocolFor(run), (d) => day(request, d))}</td><td>${day(request, run.startedAt)}</td></tr>`,
      )}</tbody></table>`;
    const csrf = reply.generateCsrf();
    const body = html`<h1>Protocols</h1>
<p>Root-cause protocols your teams run in threads with <code>/protocol start</code>. Open one to read its summary or download its full record.</p>
<h2>Running</h2>
${running.length === 0 ? html`<p>No protocols are running right now.</p>` : table(running, `${running.length} running or paused, oldest first`, false)}
<h2>Finished</h2>
${ended.length === 0 ? html`<p>None has finished yet.</p>` : table(ended, `The latest ${ended.length} to finish or stop, newest first`, true)}`;
    return sendPage(reply, serverFrame(at, 'protocols', 'Protocols', csrf), body);
  });

  /** The run a page names, if it is this server's, with its protocol; else the kind page saying so. */
  async function runOr404(request: FastifyRequest<RunParams>, reply: FastifyReply, at: ServerRequest): Promise<{ run: Run; protocol: Protocol } | undefined> {
    const id = Number(request.params.runId);
    // Run ids count up in every server: another server's run is simply not found here.
    const run = Number.isSafeInteger(id) ? await findRun(ctx.db, id) : undefined;
    const protocol = run === undefined || run.guildId !== at.server.id ? undefined : protocolOf(ctx.content.protocols, run);
    if (run !== undefined && protocol?.ok) return { run, protocol: protocol.value };
    const why = protocol === undefined ? explainProtocolProblem({ kind: 'no-such-run' }, t) : explainProtocolProblem(protocol.ok ? { kind: 'no-such-run' } : protocol.problem, t);
    sendGone(reply, at, 'protocols', { heading: "That protocol isn't here", why, back: 'See the protocols', backTo: base(at.server.id) });
    return undefined;
  }

  async function summaryOf(run: Run, protocol: Protocol, guildId: string): Promise<{ summary: Summary<ReadProtocol>; names: ReadonlyMap<string, string> }> {
    const summary = await buildSummary(ctx.db, run, localizeProtocol(protocol, ENGLISH));
    return { summary, names: await access.memberNames(guildId, peopleIn(summary)) };
  }

  app.get<RunParams>('/g/:guildId/protocols/:runId', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const found = await runOr404(request, reply, at);
    if (found === undefined) return reply;
    const { run, protocol } = found;
    const { summary, names } = await summaryOf(run, protocol, at.server.id);
    const plain = (id: string) => names.get(id) ?? 'a former member';
    const csrf = reply.generateCsrf();
    const body = html`<h1>${protocol.title}: ${run.topic}</h1>
<p><a href="${base(at.server.id)}">Back to the protocols</a></p>
<p>${stateText(run, protocol, (d) => day(request, d))}. Facilitated by ${run.facilitatorId === null ? 'a moderator' : plain(run.facilitatorId)}; ${summary.participants.length === 0 ? 'nobody has added anything yet' : `${summary.participants.length === 1 ? '1 person' : `${summary.participants.length} people`} took part: ${summary.participants.map(plain).join(', ')}`}.</p>
<p><a class="button" href="${base(at.server.id)}/${String(run.id)}/export.md" download>Download the full record (Markdown)<span class="skip"> of ${run.topic}</span></a> <span class="hint">The file <code>/protocol export</code> gives: the summary, then every step.</span></p>
<h2>Summary</h2>
${summary.chosen.map((group) => html`<h3>${group.heading}</h3>${group.items.length === 0 ? html`<p>Nothing was chosen.</p>` : html`<ul>${group.items.map((item) => html`<li>${oneLine(item.text)}</li>`)}</ul>`}`)}
${
  protocol.steps.some((step) => step.collects.kind === 'actions')
    ? html`<h3>Actions</h3>${
        summary.actions.length === 0
          ? html`<p>No actions were agreed.</p>`
          : html`<table><thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead><tbody>${summary.actions.map(
              (action) => html`<tr><td>${oneLine(action.text)}</td><td>${plain(action.ownerId)}</td><td>${action.dueDate === null ? 'no date set' : formatDueDate(action.dueDate, 'en')}</td></tr>`,
            )}</tbody></table>`
      }`
    : ''
}
${summary.chosen.length === 0 && !protocol.steps.some((step) => step.collects.kind === 'actions') ? html`<p>This protocol gathers what the group says step by step; the full record has all of it.</p>` : ''}`;
    return sendPage(reply, serverFrame(at, 'protocols', `${protocol.title}: ${run.topic}`, csrf), body);
  });

  app.get<RunParams>('/g/:guildId/protocols/:runId/export.md', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const found = await runOr404(request, reply, at);
    if (found === undefined) return reply;
    const { summary, names } = await summaryOf(found.run, found.protocol, at.server.id);
    return reply
      .type('text/markdown; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${runFileName(found.run)}"`)
      .send(summaryMarkdown(summary, exportNamer(names, t), t));
  });
}

function stateText(run: Run, protocol: Protocol | undefined, day: (at: Date) => string): string {
  const steps = protocol?.steps.length;
  const of = (step: number) => (steps === undefined ? `step ${step + 1}` : `step ${step + 1} of ${steps}`);
  switch (run.state) {
    case 'running':
      return `At ${of(run.step)}`;
    case 'paused':
      return `Paused at ${of(run.step)}`;
    case 'finished':
      return `Finished ${day(run.finishedAt)}${steps !== undefined && run.step < steps - 1 ? `, early at ${of(run.step)}` : ''}`;
    case 'stopped':
      return `Stopped ${day(run.stoppedAt)} at ${of(run.step)}, without a summary`;
  }
}
