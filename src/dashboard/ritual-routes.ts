import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseCron } from '../rituals/cron.js';
import { dstOutlook } from '../rituals/dst.js';
import { claimNow, historyOf, recentOccurrences, retryLatestFailed, skipNext } from '../rituals/ledger.js';
import { ritualServices } from '../rituals/library.js';
import type { Schedule } from '../rituals/model.js';
import type { RitualOutcome } from '../rituals/problems.js';
import { createSchedule, deleteSchedule, editSchedule, listSchedules, pauseSchedule, previewTiming, resumeSchedule, scheduleIn, upcomingRuns, type ScheduleChanges } from '../rituals/schedules.js';
import { canonicalTimeZone } from '../rituals/time-zones.js';
import { explainRitualProblem } from '../rituals/discord/explain.js';
import { RITUALS } from '../rituals/discord/feature.js';
import { QUEUED_TEXT, reportText } from '../rituals/discord/ritual-command.js';
import { createdText, localTime } from '../rituals/discord/schedule-view.js';
import { findGuildSettings } from '../guilds/guild-settings.js';
import { html } from './html.js';
import { cronOfForm, emptyRitualForm, formOfSchedule, kindOfForm, placeProblem, readRitualForm, revisionOfForm, type FieldProblems, type RitualFormValues } from './ritual-form.js';
import { previewBlock, ritualBuilder, ritualHistory, ritualList, type PreviewResult, type Viewing } from './ritual-views.js';
import { flashBlock, sendPage, serverRequest, takeFlash, type DashboardDeps, type ServerRequest } from './pages.js';
import { viewerZoneOf } from './viewer-zone.js';

/** The Rituals pages, each calling the services `/ritual` calls. */

type GuildParams = { Params: { guildId: string } };
type RitualParams = { Params: { guildId: string; id: string } };

const ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const PREVIEW_RUNS = 5;

export function registerRitualRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { ctx, access } = deps;

  const viewing = (request: FastifyRequest, reply: FastifyReply, guildId: string): Viewing => ({
    guildId,
    csrf: reply.generateCsrf(),
    viewerZone: viewerZoneOf(request) ?? 'UTC',
    channelName: (id) => access.channelName(guildId, id),
  });
  const frame = (at: ServerRequest, request: FastifyRequest, title: string, csrf: string) => ({
    title,
    person: at.person,
    csrf,
    server: { ...at.server, tab: 'rituals' as const },
    viewerZoneKnown: viewerZoneOf(request) !== undefined,
  });

  function preview(form: RitualFormValues): PreviewResult {
    const cron = cronOfForm(form);
    if (!cron.ok) return { ok: false, problems: cron.problems };
    const timing = previewTiming(cron.cron, form.zone, ctx.clock.now(), PREVIEW_RUNS);
    if (!timing.ok) return { ok: false, problems: placeProblem(timing.problem, form.builder) };
    const spec = parseCron(timing.value.cron);
    if (!spec.ok) return { ok: false, problems: { cron: 'That schedule could not be read.' } };
    return { ok: true, ...timing.value, spec: spec.spec, outlook: dstOutlook(spec.spec, timing.value.timeZone, ctx.clock.now()) };
  }

  function builderPage(reply: FastifyReply, request: FastifyRequest, at: ServerRequest, input: { form: RitualFormValues; problems: FieldProblems; editing: Pick<Schedule, 'id' | 'kind'> | undefined }, status = 200) {
    const view = viewing(request, reply, at.server.id);
    const body = ritualBuilder(view, { ...input, channels: access.postableChannels(at.server.id), zones: ZONES, preview: previewBlock(view, preview(input.form)) });
    return sendPage(reply, frame(at, request, input.editing ? `Edit ritual #${input.editing.id}` : 'New ritual', view.csrf), body, status);
  }

  /** The builder's own checks (kind, channel, days and time) before the services see the form. */
  function formProblems(form: RitualFormValues, guildId: string, editing: Schedule | undefined): { problems: FieldProblems; cron: string | undefined } {
    const cron = cronOfForm(form);
    const problems: FieldProblems = {
      ...(editing === undefined && kindOfForm(form) === undefined ? { kind: 'Pick what the ritual posts.' } : {}),
      ...(access.postableChannels(guildId).some((channel) => channel.id === form.channel) ? {} : { channel: 'Pick a channel I can post in.' }),
      ...(cron.ok ? {} : cron.problems),
    };
    return { problems, cron: cron.ok ? cron.cron : undefined };
  }

  app.get<GuildParams>('/g/:guildId/rituals', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const view = viewing(request, reply, at.server.id);
    const now = ctx.clock.now();
    const schedules = await listSchedules(ctx.db, at.server.id);
    const histories = await historyOf(ctx.db, schedules.map((schedule) => schedule.id), now);
    const rituals = schedules.map((schedule) => {
      const history = histories.get(schedule.id);
      return { schedule, history, upcoming: upcomingRuns(schedule, now, PREVIEW_RUNS, history?.skippedAhead) };
    });
    return sendPage(reply, frame(at, request, 'Rituals', view.csrf), html`${flashBlock(takeFlash(request), { channel: view.channelName, time: (d) => localTime(d, view.viewerZone) })}${ritualList(view, rituals)}`);
  });

  app.get<GuildParams & { Querystring: Record<string, unknown> }>('/g/:guildId/rituals/preview', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const view = viewing(request, reply, at.server.id);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(String(previewBlock(view, preview(readRitualForm(request.query)))));
  });

  app.get<GuildParams>('/g/:guildId/rituals/new', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const settings = await findGuildSettings(ctx.db, at.server.id);
    const zone = viewerZoneOf(request) ?? settings?.time_zone ?? 'UTC';
    return builderPage(reply, request, at, { form: emptyRitualForm(zone), problems: {}, editing: undefined });
  });

  app.post<GuildParams>('/g/:guildId/rituals', { preHandler: app.csrfProtection }, async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const form = readRitualForm(request.body);
    const kind = kindOfForm(form);
    const checked = formProblems(form, at.server.id, undefined);
    if (kind === undefined || checked.cron === undefined || Object.keys(checked.problems).length > 0) {
      return builderPage(reply, request, at, { form, problems: checked.problems, editing: undefined }, 400);
    }
    const created = await createSchedule(ritualServices(ctx), at.server.id, at.person.id, {
      kind,
      channelId: form.channel,
      cron: checked.cron,
      timeZone: form.zone,
      openThread: form.thread === 'on',
      promptText: form.text,
    });
    if (!created.ok) return builderPage(reply, request, at, { form, problems: placeProblem(created.problem, form.builder), editing: undefined }, 400);
    request.session.set('flash', { kind: 'ok', text: createdText(created.value) });
    return reply.redirect(`/g/${at.server.id}/rituals`, 303);
  });

  /** The schedule a page or button names, or the kind page saying it is gone. */
  async function scheduleOr404(request: FastifyRequest<RitualParams>, reply: FastifyReply, at: ServerRequest): Promise<Schedule | undefined> {
    const found = await scheduleIn(ctx.db, at.server.id, Number(request.params.id));
    if (found.ok) return found.value;
    const view = viewing(request, reply, at.server.id);
    sendPage(reply, frame(at, request, 'Not found', view.csrf), html`<h1>That ritual isn't here</h1><p>It may have been deleted meanwhile.</p><p><a href="/g/${at.server.id}/rituals">See the rituals</a></p>`, 404);
    return undefined;
  }

  app.get<RitualParams>('/g/:guildId/rituals/:id/edit', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const schedule = await scheduleOr404(request, reply, at);
    if (schedule === undefined) return reply;
    return builderPage(reply, request, at, { form: formOfSchedule(schedule), problems: {}, editing: schedule });
  });

  app.get<RitualParams>('/g/:guildId/rituals/:id/history', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const schedule = await scheduleOr404(request, reply, at);
    if (schedule === undefined) return reply;
    const view = viewing(request, reply, at.server.id);
    return sendPage(reply, frame(at, request, `History of ritual #${schedule.id}`, view.csrf), ritualHistory(view, schedule, await recentOccurrences(ctx.db, schedule.id, 100)));
  });

  app.post<RitualParams>('/g/:guildId/rituals/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const form = readRitualForm(request.body);
    const id = Number(request.params.id);
    const current = await scheduleIn(ctx.db, at.server.id, id);
    // A stale form (the ritual was deleted meanwhile) says so, beside what was typed.
    const editing = current.ok ? current.value : undefined;
    const checked = formProblems(form, at.server.id, editing);
    if (!current.ok || checked.cron === undefined || Object.keys(checked.problems).length > 0) {
      const problems = current.ok ? checked.problems : { ...checked.problems, ...placeProblem(current.problem, form.builder) };
      return builderPage(reply, request, at, { form, problems, editing: editing ?? { id, kind: kindOfForm(form) ?? 'poem' } }, current.ok ? 400 : 409);
    }
    const changes = changesFrom(current.value, form, checked.cron);
    const edited = await editSchedule(ritualServices(ctx), at.server.id, id, changes, revisionOfForm(form) ?? -1);
    if (!edited.ok && edited.problem.kind === 'ritual-changed') {
      // Someone else saved first: show theirs, now the base of this form, and say so.
      const now = edited.problem.schedule;
      return builderPage(reply, request, at, { form: formOfSchedule(now), problems: placeProblem(edited.problem, form.builder), editing: now }, 409);
    }
    if (!edited.ok) return builderPage(reply, request, at, { form, problems: placeProblem(edited.problem, form.builder), editing: current.value }, edited.problem.kind === 'unknown-ritual' ? 409 : 400);
    request.session.set('flash', { kind: 'ok', text: `Updated ritual #${id}.` });
    return reply.redirect(`/g/${at.server.id}/rituals`, 303);
  });

  /** One button on a ritual: the service's answer becomes the message on the list. */
  function action(name: string, run: (schedule: Schedule, at: ServerRequest) => Promise<RitualOutcome<string>>): void {
    app.post<RitualParams>(`/g/:guildId/rituals/:id/${name}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      const at = await serverRequest(deps, request, reply);
      if (at === undefined) return reply;
      const found = await scheduleIn(ctx.db, at.server.id, Number(request.params.id));
      const outcome = found.ok ? await run(found.value, at) : found;
      const text = outcome.ok ? outcome.value : (placeProblem(outcome.problem, 'weekly').form ?? explainRitualProblem(outcome.problem));
      request.session.set('flash', { kind: outcome.ok ? 'ok' : 'bad', text });
      return reply.redirect(`/g/${at.server.id}/rituals`, 303);
    });
  }

  const deliver = async (schedule: Schedule, occurrenceId: number): Promise<string> => {
    const rituals = ctx.features.get(RITUALS)?.running();
    return rituals === undefined ? QUEUED_TEXT : reportText(await rituals.deliver(occurrenceId), schedule);
  };
  const then = <T>(outcome: RitualOutcome<T>, text: (value: T) => string | Promise<string>): Promise<RitualOutcome<string>> =>
    outcome.ok ? Promise.resolve(text(outcome.value)).then((value) => ({ ok: true, value })) : Promise.resolve(outcome);

  action('pause', async (schedule) => then(await pauseSchedule(ctx, schedule.guildId, schedule.id), () => `Paused ritual #${schedule.id}. Nothing will post until you resume it.`));
  action('resume', async (schedule) => {
    if (schedule.status.state === 'paused') {
      const can = await access.canPostRitual(schedule);
      if (!can.ok) return can;
    }
    return then(await resumeSchedule(ctx, schedule.guildId, schedule.id), () => `Welcome back! Ritual #${schedule.id} is running again, from now on.`);
  });
  action('skip', async (schedule) => then(await skipNext(ctx, schedule), (skipped) => `Okay, I'll skip the post due ${localTime(skipped, schedule.timeZone)}.`));
  action('run-now', async (schedule) => then(await claimNow(ctx, schedule), (id) => deliver(schedule, id)));
  action('retry', async (schedule) => then(await retryLatestFailed(ctx, schedule), (occurrence) => deliver(schedule, occurrence.id)));
  action('delete', async (schedule) => then(await deleteSchedule(ctx.db, schedule.guildId, schedule.id), () => `Deleted ritual #${schedule.id}. Posts already made stay.`));
}

/** Only what the form changes: an unchanged time keeps its place (and any catch-up due). */
function changesFrom(schedule: Schedule, form: RitualFormValues, cron: string): ScheduleChanges {
  const parsed = parseCron(cron);
  const sameCron = parsed.ok && parsed.spec.source === schedule.cron;
  const sameZone = canonicalTimeZone(form.zone) === schedule.timeZone;
  return {
    channelId: form.channel,
    ...(sameCron ? {} : { cron }),
    ...(sameZone ? {} : { timeZone: form.zone }),
    openThread: form.thread === 'on',
    ...(schedule.kind === 'prompt' ? { promptText: form.text } : {}),
  };
}
