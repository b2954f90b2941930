import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TENET_LIMITS } from '../onboarding/content.js';
import { findOnboardingSettings, NUDGE_DAYS, updateOnboardingSettings, type OnboardingSettings } from '../onboarding/settings.js';
import { funnelOf, onboardingStats, periodStart, STATS_PERIODS, type FunnelStage, type StatsPeriod } from '../onboarding/stats.js';
import { asLine, tenetsFromLines } from '../onboarding/tenet-lines.js';
import { countCommittedBefore, currentTenets, requestRecommit, saveTenets, unlessConflict, type TenetSet } from '../onboarding/tenets.js';
import { explainOnboardingProblem } from '../onboarding/discord/explain.js';
import type { ChannelChoice } from './guild-access.js';
import { discordText, html, type Html } from './html.js';
import { flashBlock, sendPage, serverRequest, takeFlash, type DashboardDeps, type ServerRequest } from './pages.js';

/** The Onboarding page: its settings, the tenets (versioned as `/tenets edit` saves them), and the funnel. */

type GuildParams = { Params: { guildId: string } };

const SettingsForm = z.object({
  memberRole: z.string().default(''),
  welcomeChannel: z.string().default(''),
  introductionsChannel: z.string().default(''),
  logChannel: z.string().default(''),
  firstContact: z.enum(['dm', 'thread']).catch('dm'),
  nudgeAfterDays: z.string().default(''),
});
const TenetsForm = z.object({ basedOn: z.coerce.number().int(), tenet: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])) });

interface Problems {
  settings?: Partial<Record<'memberRole' | 'welcomeChannel' | 'introductionsChannel' | 'logChannel' | 'nudgeAfterDays', string>>;
  tenets?: string;
}

const PERIOD_LABELS: Readonly<Record<StatsPeriod, string>> = { week: 'the last 7 days', month: 'the last 30 days', quarter: 'the last 90 days', all: 'all time' };

export function registerOnboardingRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { ctx, access } = deps;
  const defaults = () => ctx.content.onboarding.tenets;

  async function onboardingPage(request: FastifyRequest, reply: FastifyReply, at: ServerRequest, input: { problems: Problems; tenetLines?: readonly string[]; period: StatsPeriod }, status = 200) {
    const guildId = at.server.id;
    const csrf = reply.generateCsrf();
    const settings = await findOnboardingSettings(ctx.db, guildId);
    const tenets = await currentTenets(ctx, guildId, defaults());
    const stats = await onboardingStats(ctx.db, guildId, periodStart(input.period, ctx.clock.now()));
    const funnel = funnelOf(stats, tenets.tenets.length);
    const channels = access.postableChannels(guildId);
    const names = { channel: (id: string) => access.channelName(guildId, id), time: (d: Date) => d.toISOString() };
    const body = html`${flashBlock(takeFlash(request), names)}
<h1>Onboarding</h1>
<p>How Roots Bot welcomes new members: it walks them through the tenets, then asks them to introduce themselves.</p>
${settingsSection(guildId, csrf, settings, channels, access.roles(guildId), input.problems.settings ?? {}, settings ? access.onboardingChecks(settings) : [])}
${tenetsSection(guildId, csrf, tenets, input.tenetLines, input.problems.tenets, names)}
${funnelSection(guildId, funnel, tenets, input.period)}`;
    return sendPage(reply, { title: 'Onboarding', person: at.person, csrf, server: { ...at.server, tab: 'onboarding' } }, body, status);
  }

  const periodOf = (request: FastifyRequest<{ Querystring: { period?: string } }>): StatsPeriod => {
    const asked = request.query.period ?? 'month';
    return asked in STATS_PERIODS ? (asked as StatsPeriod) : 'month';
  };

  app.get<GuildParams & { Querystring: { period?: string } }>('/g/:guildId/onboarding', async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    return onboardingPage(request, reply, at, { problems: {}, period: periodOf(request) });
  });

  app.post<GuildParams>('/g/:guildId/onboarding/settings', { preHandler: app.csrfProtection }, async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const form = SettingsForm.parse(request.body ?? {});
    const channels = new Set(access.postableChannels(at.server.id).map((c) => c.id));
    const roles = new Set(access.roles(at.server.id).map((r) => r.id));
    const nudge = Number(form.nudgeAfterDays);
    const problems: NonNullable<Problems['settings']> = {
      ...(form.memberRole !== '' && !roles.has(form.memberRole) ? { memberRole: 'Pick one of the server\u2019s roles, or none.' } : {}),
      ...(form.welcomeChannel !== '' && !channels.has(form.welcomeChannel) ? { welcomeChannel: 'Pick a text channel, or none.' } : {}),
      ...(form.introductionsChannel !== '' && !channels.has(form.introductionsChannel) ? { introductionsChannel: 'Pick a text channel, or none.' } : {}),
      ...(form.logChannel !== '' && !channels.has(form.logChannel) ? { logChannel: 'Pick a text channel, or none.' } : {}),
      ...(Number.isInteger(nudge) && nudge >= NUDGE_DAYS.min && nudge <= NUDGE_DAYS.max && form.nudgeAfterDays.trim() !== ''
        ? {}
        : { nudgeAfterDays: `A whole number of days from ${NUDGE_DAYS.min} to ${NUDGE_DAYS.max} (0: no automatic nudge), as /onboarding setup takes it.` }),
    };
    if (Object.keys(problems).length > 0) return onboardingPage(request, reply, at, { problems: { settings: problems }, period: 'month' }, 400);
    const orNull = (id: string) => (id === '' ? null : id);
    await updateOnboardingSettings(ctx, at.server.id, {
      memberRoleId: orNull(form.memberRole),
      welcomeChannelId: orNull(form.welcomeChannel),
      introductionsChannelId: orNull(form.introductionsChannel),
      logChannelId: orNull(form.logChannel),
      firstContact: form.firstContact,
      nudgeAfterDays: nudge,
    });
    request.session.set('flash', { kind: 'ok', text: 'Saved the onboarding settings.' });
    return reply.redirect(`/g/${at.server.id}/onboarding`, 303);
  });

  app.post<GuildParams>('/g/:guildId/onboarding/tenets', { preHandler: app.csrfProtection }, async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const form = TenetsForm.safeParse(request.body ?? {});
    if (!form.success) return onboardingPage(request, reply, at, { problems: { tenets: 'That form was incomplete, so nothing was saved. Please reload the page.' }, period: 'month' }, 400);
    const lines = form.data.tenet;
    const tenets = tenetsFromLines(lines);
    if (!tenets.ok) return onboardingPage(request, reply, at, { problems: { tenets: explainOnboardingProblem(tenets.problem) }, tenetLines: lines, period: 'month' }, 400);
    const result = await saveTenets(ctx, { guildId: at.server.id, tenets: tenets.value, origin: 'moderator', by: at.person.id, basedOn: form.data.basedOn, defaults: defaults() });
    const saved = unlessConflict(result);
    if (!saved.ok) return onboardingPage(request, reply, at, { problems: { tenets: explainOnboardingProblem(saved.problem) }, tenetLines: lines, period: 'month' }, 409);
    if (saved.value.kind === 'unchanged') {
      request.session.set('flash', { kind: 'ok', text: `Nothing changed: these are already the tenets (version ${saved.value.set.version}).` });
    } else {
      const earlier = await countCommittedBefore(ctx.db, at.server.id, saved.value.set.version);
      const ask = earlier === 0 ? '' : ` ${earlier === 1 ? '1 member' : `${earlier} members`} finished their walk on an earlier version; the button below asks them to re-commit to what changed.`;
      request.session.set('flash', { kind: 'ok', text: `Saved version ${saved.value.set.version} of the tenets.${ask}` });
    }
    return reply.redirect(`/g/${at.server.id}/onboarding`, 303);
  });

  app.post<GuildParams>('/g/:guildId/onboarding/recommit', { preHandler: app.csrfProtection }, async (request, reply) => {
    const at = await serverRequest(deps, request, reply);
    if (at === undefined) return reply;
    const version = Number((request.body as { version?: string } | undefined)?.version);
    const current = await currentTenets(ctx, at.server.id, defaults());
    const text =
      current.version !== version
        ? `The tenets have changed again since (now version ${current.version}), so I haven't asked anyone about version ${version}.`
        : await requestRecommit(ctx, at.server.id, version).then((asked) =>
            asked === 0 ? 'Everyone is already up to date, so there was nobody to ask.' : `I'll ask ${asked === 1 ? '1 member' : `${asked} members`} to re-commit to what changed, a few at a time over the next minutes. 🌱`,
          );
    request.session.set('flash', { kind: 'ok', text });
    return reply.redirect(`/g/${at.server.id}/onboarding`, 303);
  });
}

function select(id: string, label: string, options: readonly ChannelChoice[], chosen: string | null, prefix: string, problem: string | undefined): Html {
  return html`<label for="${id}">${label}</label>
<select id="${id}" name="${id}"${problem ? html` aria-invalid="true" aria-describedby="${id}-problem"` : ''}><option value="">None</option>${options.map(
    (option) => html`<option value="${option.id}"${option.id === chosen ? html` selected` : ''}>${prefix}${option.name}</option>`,
  )}</select>${problem ? html`<p class="problem" id="${id}-problem" role="alert">${problem}</p>` : ''}`;
}

function settingsSection(
  guildId: string,
  csrf: string,
  settings: OnboardingSettings | undefined,
  channels: readonly ChannelChoice[],
  roles: readonly ChannelChoice[],
  problems: NonNullable<Problems['settings']>,
  checks: readonly { ok: boolean; text: string }[],
): Html {
  const nudge = settings?.nudgeAfterDays ?? NUDGE_DAYS.default;
  return html`<section class="card" aria-labelledby="settings-heading"><h2 id="settings-heading" style="margin-top:0">Settings</h2>
${settings === undefined ? html`<p>Onboarding isn't switched on here yet: saving these settings switches it on.</p>` : ''}
${checks.length > 0 ? html`<ul>${checks.map((check) => html`<li>${check.ok ? '✅' : '⚠️'} ${discordText(check.text, { channel: (id) => channels.find((c) => c.id === id)?.name ?? 'a channel', time: (d) => d.toISOString() })}</li>`)}</ul>` : ''}
<form method="post" action="/g/${guildId}/onboarding/settings"><input type="hidden" name="_csrf" value="${csrf}">
${select('memberRole', 'Role given when a member finishes', roles, settings?.memberRoleId ?? null, '@', problems.memberRole)}
${select('welcomeChannel', 'Welcome channel', channels, settings?.welcomeChannelId ?? null, '#', problems.welcomeChannel)}
${select('introductionsChannel', 'Introductions channel', channels, settings?.introductionsChannelId ?? null, '#', problems.introductionsChannel)}
${select('logChannel', 'Where I tell moderators about problems', channels, settings?.logChannelId ?? null, '#', problems.logChannel)}
<fieldset><legend>Where the walk starts</legend>
<label><input type="radio" name="firstContact" value="dm"${(settings?.firstContact ?? 'dm') === 'dm' ? html` checked` : ''}> In a direct message</label>
<label><input type="radio" name="firstContact" value="thread"${settings?.firstContact === 'thread' ? html` checked` : ''}> In a private thread</label>
</fieldset>
<label for="nudgeAfterDays">Nudge a member who stopped after this many days (0: never)</label>
<input type="number" id="nudgeAfterDays" name="nudgeAfterDays" min="${NUDGE_DAYS.min}" max="${NUDGE_DAYS.max}" value="${String(nudge)}"${problems.nudgeAfterDays ? html` aria-invalid="true" aria-describedby="nudgeAfterDays-problem"` : ''}>
${problems.nudgeAfterDays ? html`<p class="problem" id="nudgeAfterDays-problem" role="alert">${problems.nudgeAfterDays}</p>` : ''}
<p><button type="submit">Save settings</button></p></form></section>`;
}

function tenetsSection(guildId: string, csrf: string, set: TenetSet, typed: readonly string[] | undefined, problem: string | undefined, names: Parameters<typeof discordText>[1]): Html {
  const lines = Array.from({ length: TENET_LIMITS.count }, (_, index) => typed?.[index] ?? (set.tenets[index] ? asLine(set.tenets[index]) : ''));
  return html`<section class="card" aria-labelledby="tenets-heading"><h2 id="tenets-heading" style="margin-top:0">Tenets <span class="badge">version ${String(set.version)}</span></h2>
<p>New members commit to each tenet in turn. Saving a change makes a new version; members who finished on an earlier one can be asked to re-commit.</p>
${problem ? html`<div class="notice bad" role="alert" id="tenets-problem">${discordText(problem, names)}</div>` : ''}
<form method="post" action="/g/${guildId}/onboarding/tenets"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="basedOn" value="${String(set.version)}">
${lines.map(
  (line, index) => html`<label for="tenet-${String(index + 1)}">Tenet ${String(index + 1)}</label>
<textarea id="tenet-${String(index + 1)}" name="tenet" aria-describedby="tenet-hint"${problem ? html` aria-invalid="true"` : ''}>${line}</textarea>`,
)}
<p class="hint" id="tenet-hint">A name, a colon, then its words, like “Be Kind: Kindness brings out the best in all of us.” Leave a box empty for none.</p>
<p><button type="submit">Save the tenets</button></p></form>
<form method="post" action="/g/${guildId}/onboarding/recommit"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="version" value="${String(set.version)}">
<p><button type="submit" class="quiet">Ask members who finished an earlier version to re-commit</button></p></form></section>`;
}

function stepLabel(step: FunnelStage, set: TenetSet): string {
  switch (step.kind) {
    case 'joined':
      return 'Joined';
    case 'tenet':
      return `Tenet ${step.index + 1}: ${set.tenets[step.index]?.name ?? ''}`;
    case 'introduce':
      return 'Reached the introduction';
    case 'finished':
      return 'Introduced themselves (finished)';
  }
}

function funnelSection(guildId: string, funnel: readonly { readonly at: FunnelStage; readonly reached: number }[], set: TenetSet, period: StatsPeriod): Html {
  const top = Math.max(1, funnel[0]?.reached ?? 0);
  return html`<section class="card" aria-labelledby="funnel-heading"><h2 id="funnel-heading" style="margin-top:0">How far new members get</h2>
<form method="get" action="/g/${guildId}/onboarding"><label for="period">Members who joined in</label>
<select id="period" name="period">${(Object.keys(STATS_PERIODS) as StatsPeriod[]).map((key) => html`<option value="${key}"${key === period ? html` selected` : ''}>${PERIOD_LABELS[key]}</option>`)}</select>
<button type="submit" class="quiet">Show</button></form>
<table><caption class="hint" style="text-align:left">Each step counts the members who joined in ${PERIOD_LABELS[period]} and got at least that far; the drop-off is how many stopped just before it.</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Members</th><th scope="col">Drop-off</th></tr></thead><tbody>
${funnel.map((step, index) => {
  const previous = index === 0 ? step.reached : (funnel[index - 1]?.reached ?? 0);
  const width = Math.round((step.reached / top) * 300);
  return html`<tr><th scope="row">${stepLabel(step.at, set)}</th>
<td><div class="bar"><svg width="300" height="16" aria-hidden="true" focusable="false"><rect width="300" height="16" fill="#e4e8ee"></rect><rect width="${String(width)}" height="16" fill="#1f5f3f"></rect></svg><span>${String(step.reached)}</span></div></td>
<td>${index === 0 ? '—' : String(previous - step.reached)}</td></tr>`;
})}
</tbody></table></section>`;
}
