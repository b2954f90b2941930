import { DateTime } from 'luxon';
import { describeCron, type CronSpec } from '../rituals/cron.js';
import type { DstOutlook } from '../rituals/dst.js';
import type { ScheduleHistory } from '../rituals/ledger.js';
import { kindLabel, RITUAL_KINDS, type Occurrence, type Schedule } from '../rituals/model.js';
import { pauseReasonText } from '../rituals/discord/notices.js';
import { cadence, localTime, scheduleTitle } from '../rituals/discord/schedule-view.js';
import type { ChannelChoice } from './guild-access.js';
import { discordText, html, type Html } from './html.js';
import { WEEKDAYS, type FieldProblems, type RitualField, type RitualFormValues } from './ritual-form.js';

/** The Rituals pages: the list, the builder with its live preview, and one ritual's history. */

export interface Viewing {
  readonly guildId: string;
  readonly csrf: string;
  /** The viewer's zone as their browser says; UTC until it has. */
  readonly viewerZone: string;
  readonly channelName: (id: string) => string;
}

export const mentions = (viewing: Pick<Viewing, 'channelName' | 'viewerZone'>) => ({ channel: viewing.channelName, time: (at: Date) => localTime(at, viewing.viewerZone) });

/** A run time in the schedule's zone and in the viewer's, as two table cells. */
function runCells(at: Date, zone: string, viewerZone: string): Html {
  return html`<td><time datetime="${at.toISOString()}">${localTime(at, zone)}</time></td><td>${localTime(at, viewerZone)}</td>`;
}

export function runsTable(runs: readonly Date[], zone: string, viewerZone: string, caption: string): Html {
  if (runs.length === 0) return html`<p>No runs ahead.</p>`;
  return html`<table><caption class="hint" style="text-align:left">${caption}</caption>
<thead><tr><th scope="col">In ${zone} (the ritual's zone)</th><th scope="col">Your time (${viewerZone})</th></tr></thead>
<tbody>${runs.map((at) => html`<tr>${runCells(at, zone, viewerZone)}</tr>`)}</tbody></table>`;
}

function actionButton(viewing: Viewing, schedule: Schedule, action: string, label: string, quiet = true): Html {
  return html`<form method="post" action="/g/${viewing.guildId}/rituals/${schedule.id}/${action}"><input type="hidden" name="_csrf" value="${viewing.csrf}"><button type="submit"${quiet ? html` class="quiet"` : ''}>${label}<span class="skip"> ritual #${schedule.id}</span></button></form>`;
}

export interface ListedRitual {
  readonly schedule: Schedule;
  readonly upcoming: readonly Date[];
  readonly history: ScheduleHistory | undefined;
}

export function ritualList(viewing: Viewing, rituals: readonly ListedRitual[]): Html {
  const zoneNote =
    viewing.viewerZone === 'UTC' ? html`<p class="hint">Your own times show in UTC until your browser tells us your time zone (it needs JavaScript).</p>` : '';
  return html`<h1>Rituals</h1>
<p>The poems, podcast-club prompts and prompts Roots Bot posts on a schedule. Times show in each ritual's own zone, which is what stays fixed across daylight saving, and in yours.</p>
${zoneNote}
<p><a class="button" href="/g/${viewing.guildId}/rituals/new">New ritual</a></p>
${rituals.length === 0 ? html`<p>No rituals here yet. Create one, for example a poem every Monday at 9:00.</p>` : ''}
${rituals.map(({ schedule, upcoming, history }) => {
  const paused = schedule.status.state === 'paused';
  return html`<section class="card" aria-labelledby="ritual-${schedule.id}">
<h2 id="ritual-${schedule.id}" style="margin-top:0">${scheduleTitle(schedule)} <span class="badge">${paused ? 'paused' : 'running'}</span></h2>
<p>Posts in <strong>#${viewing.channelName(schedule.channelId)}</strong>, ${discordText(cadence(schedule), mentions(viewing))}${schedule.openThread ? ', and opens a thread' : ''}.</p>
${schedule.kind === 'prompt' ? html`<p>Posts: “${schedule.promptText}”</p>` : ''}
${schedule.status.state === 'paused' ? html`<p>${pauseReasonText(schedule.status.reason)}.</p>` : runsTable(upcoming, schedule.timeZone, viewing.viewerZone, 'The next 5 runs')}
${history && history.skippedAhead.size > 0 ? html`<p>Skipping ${history.skippedAhead.size} upcoming run${history.skippedAhead.size === 1 ? '' : 's'}.</p>` : ''}
${history?.lastPosted ? html`<p>Last posted ${localTime(history.lastPosted.at, schedule.timeZone)}.</p>` : ''}
${history && history.failed.length > 0 ? html`<p class="problem">Couldn't post ${localTime(history.failed[0]?.at ?? new Date(0), schedule.timeZone)}. “Try the failed post again” sends it now.</p>` : ''}
<div class="actions">
<a class="button" href="/g/${viewing.guildId}/rituals/${schedule.id}/edit">Edit<span class="skip"> ritual #${schedule.id}</span></a>
${paused ? actionButton(viewing, schedule, 'resume', 'Resume', false) : actionButton(viewing, schedule, 'pause', 'Pause')}
${paused ? '' : actionButton(viewing, schedule, 'skip', 'Skip the next run')}
${actionButton(viewing, schedule, 'run-now', 'Post now')}
${history && history.failed.length > 0 ? actionButton(viewing, schedule, 'retry', 'Try the failed post again', false) : ''}
<a class="button quiet" href="/g/${viewing.guildId}/rituals/${schedule.id}/history">History<span class="skip"> of ritual #${schedule.id}</span></a>
</div>
<details><summary>Delete ritual #${schedule.id}</summary><p>Posts already made stay; its schedule and history go.</p>${actionButton(viewing, schedule, 'delete', `Delete ritual #${schedule.id}`, false)}</details>
</section>`;
})}`;
}

// ---- the builder --------------------------------------------------------------------------------

function problemFor(problems: FieldProblems, field: RitualField, viewing: Viewing): Html {
  const text = problems[field];
  return text === undefined ? html`` : html`<p class="problem" id="${field}-problem" role="alert">${discordText(text, mentions(viewing))}</p>`;
}

const describedBy = (problems: FieldProblems, field: RitualField, hint?: string): Html => {
  const ids = [hint, problems[field] === undefined ? undefined : `${field}-problem`].filter((id) => id !== undefined);
  return ids.length === 0 ? html`` : html` aria-describedby="${ids.join(' ')}"${problems[field] === undefined ? '' : html` aria-invalid="true"`}`;
};

export function ritualBuilder(
  viewing: Viewing,
  input: { readonly form: RitualFormValues; readonly problems: FieldProblems; readonly channels: readonly ChannelChoice[]; readonly zones: readonly string[]; readonly editing: Pick<Schedule, 'id' | 'kind'> | undefined; readonly preview: Html },
): Html {
  const { form, problems, editing } = input;
  const action = editing ? `/g/${viewing.guildId}/rituals/${editing.id}` : `/g/${viewing.guildId}/rituals`;
  const checked = (on: boolean) => (on ? html` checked` : '');
  return html`<h1>${editing ? `Edit ritual #${editing.id}` : 'New ritual'}</h1>
${problemFor(problems, 'form', viewing)}
<form method="post" action="${action}" data-preview="/g/${viewing.guildId}/rituals/preview" data-preview-target="preview" novalidate>
<input type="hidden" name="_csrf" value="${viewing.csrf}">
${
  editing
    ? html`<input type="hidden" name="kind" value="${editing.kind}"><input type="hidden" name="revision" value="${form.revision}"><p>This ritual posts ${kindLabel(editing.kind)}s.</p>`
    : html`<label for="kind">What it posts</label>
<select id="kind" name="kind"${describedBy(problems, 'kind')}>${RITUAL_KINDS.map((kind) => html`<option value="${kind}"${form.kind === kind ? html` selected` : ''}>${kindLabel(kind)}</option>`)}</select>
${problemFor(problems, 'kind', viewing)}`
}
<label for="channel">Channel</label>
<select id="channel" name="channel"${describedBy(problems, 'channel')}>
<option value="">Pick a channel</option>
${input.channels.map((channel) => html`<option value="${channel.id}"${form.channel === channel.id ? html` selected` : ''}>#${channel.name}</option>`)}
</select>
${problemFor(problems, 'channel', viewing)}
<fieldset><legend>How to say when</legend>
<label><input type="radio" name="builder" value="weekly"${checked(form.builder === 'weekly')}> Days of the week and a time</label>
<label><input type="radio" name="builder" value="cron"${checked(form.builder === 'cron')}> A cron expression (for experts)</label>
</fieldset>
<div data-builder-part="weekly">
<fieldset${describedBy(problems, 'days')}><legend>On these days</legend>
${WEEKDAYS.map((day) => html`<label><input type="checkbox" name="days" value="${day.value}"${checked(form.days.includes(String(day.value)))}> ${day.label}</label>`)}
</fieldset>
${problemFor(problems, 'days', viewing)}
<label for="time">At (24-hour clock)</label>
<input type="time" id="time" name="time" value="${form.time}"${describedBy(problems, 'time')}>
${problemFor(problems, 'time', viewing)}
</div>
<div data-builder-part="cron">
<label for="cron">Cron expression</label>
<input type="text" id="cron" name="cron" value="${form.cron}" autocomplete="off" spellcheck="false"${describedBy(problems, 'cron', 'cron-hint')}>
<p class="hint" id="cron-hint">Five parts: minute, hour, day of the month, month, day of the week. <code>0 9 * * 1</code> is every Monday at 9:00.</p>
${problemFor(problems, 'cron', viewing)}
</div>
<label for="zone">Time zone</label>
<input type="text" id="zone" name="zone" value="${form.zone}" list="zones" autocomplete="off"${describedBy(problems, 'zone', 'zone-hint')}>
<datalist id="zones">${input.zones.map((zone) => html`<option value="${zone}">`)}</datalist>
<p class="hint" id="zone-hint">A city such as Europe/London or America/New_York: the ritual keeps its local time when the clocks change there.</p>
${problemFor(problems, 'zone', viewing)}
<label for="text">The prompt's words (prompt rituals only)</label>
<textarea id="text" name="text"${describedBy(problems, 'text')}>${form.text}</textarea>
${problemFor(problems, 'text', viewing)}
<label><input type="checkbox" name="thread" value="on"${checked(form.thread === 'on')}> Open a discussion thread on each post</label>
<h2>When it will post</h2>
<div id="preview" aria-live="polite">${input.preview}</div>
<p><button type="submit">${editing ? 'Save changes' : 'Create ritual'}</button> <a href="/g/${viewing.guildId}/rituals">Cancel</a></p>
</form>`;
}

// ---- the preview --------------------------------------------------------------------------------

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`;
};
const dayText = (day: { year: number; month: number; day: number }) => DateTime.utc(day.year, day.month, day.day).toFormat('ccc d LLL yyyy');
const clock = (hour: number, minute: number) => DateTime.utc(2000, 1, 1, hour, minute).toFormat('h:mm a').replace(/AM$/, 'am').replace(/PM$/, 'pm');

/** What daylight saving does to this schedule over the next year, in words. */
export function dstSentences(outlook: DstOutlook, zone: string): string[] {
  if (outlook.changes.length === 0) return [`${zone} doesn't change its clocks in the coming year, so every run is at the same moment for everyone.`];
  const sentences = outlook.effects.map((effect) =>
    effect.kind === 'gap'
      ? `On ${dayText(effect.wall)} the clocks jump forward and ${clock(effect.wall.hour, effect.wall.minute)} doesn't happen, so that post goes out at ${localTime(effect.postsAt, zone)} instead.`
      : `On ${dayText(effect.wall)} the clocks go back and ${clock(effect.wall.hour, effect.wall.minute)} happens twice; it posts once, the first time.`,
  );
  const changes = outlook.changes.map((change) => `${dayText(change.day)} (${offsetText(change.offsetBefore)} → ${offsetText(change.offsetAfter)})`).join(' and ');
  return [`The clocks change in ${zone} on ${changes}. The ritual keeps its local time, so for people in other zones it moves by an hour on those dates.`, ...sentences];
}

export type PreviewResult =
  | { readonly ok: true; readonly cron: string; readonly spec: CronSpec; readonly timeZone: string; readonly runs: readonly Date[]; readonly outlook: DstOutlook }
  | { readonly ok: false; readonly problems: FieldProblems };

export function previewBlock(viewing: Viewing, preview: PreviewResult): Html {
  if (!preview.ok) {
    const texts = Object.values(preview.problems);
    return html`<div class="notice bad"><p>Not quite yet:</p>${texts.map((text) => html`<p>${discordText(text, mentions(viewing))}</p>`)}</div>`;
  }
  const words = describeCron(preview.spec);
  return html`<p><strong>${words === undefined ? html`<code>${preview.cron}</code>` : `${words.charAt(0).toUpperCase()}${words.slice(1)}`}</strong>, in ${preview.timeZone}.</p>
${runsTable(preview.runs, preview.timeZone, viewing.viewerZone, 'The next 5 runs')}
<h3>Daylight saving</h3>
${dstSentences(preview.outlook, preview.timeZone).map((sentence) => html`<p>${sentence}</p>`)}`;
}

// ---- history ------------------------------------------------------------------------------------

function stateText(occurrence: Occurrence): string {
  switch (occurrence.state) {
    case 'posted':
      return 'Posted';
    case 'claimed':
      return occurrence.lastError ? `Retrying (last problem: ${occurrence.lastError})` : 'Posting';
    case 'failed':
      return `Failed: ${occurrence.error}`;
    case 'missed':
      return occurrence.cause === 'offline' ? 'Missed: I was offline' : 'Missed: I was held up and posted only the latest';
    case 'skipped':
      return occurrence.cause === 'paused' ? 'Not posted: paused' : 'Skipped by a moderator';
  }
}

export function ritualHistory(viewing: Viewing, schedule: Schedule, occurrences: readonly Occurrence[]): Html {
  return html`<h1>History of ${scheduleTitle(schedule)}</h1>
<p><a href="/g/${viewing.guildId}/rituals">Back to the rituals</a></p>
${
  occurrences.length === 0
    ? html`<p>Nothing has been posted, missed or skipped yet.</p>`
    : html`<table><thead><tr><th scope="col">Due (${schedule.timeZone})</th><th scope="col">Your time (${viewing.viewerZone})</th><th scope="col">What happened</th><th scope="col">How</th></tr></thead>
<tbody>${occurrences.map((occurrence) => html`<tr>${runCells(occurrence.at, schedule.timeZone, viewing.viewerZone)}<td>${stateText(occurrence)}</td><td>${occurrence.origin === 'manual' ? 'Posted on request' : 'On schedule'}</td></tr>`)}</tbody></table>`
}`;
}
