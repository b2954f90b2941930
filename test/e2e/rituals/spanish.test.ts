import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { aboutMessages } from '../../../src/about/messages.js';
import { ManualClock } from '../../../src/clock.js';
import { privacyMessages } from '../../../src/privacy/discord/messages.js';
import { createRitualsFeature, RITUALS } from '../../../src/rituals/discord/feature.js';
import type { MessageValues } from '../../../src/i18n/catalogue.js';
import { ritualMessages, type RitualKey } from '../../../src/rituals/discord/messages.js';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { said } from '../../support/i18n.js';
import { messageOf } from './support.js';

// Monday 2 March 2026, 8:00 UTC is 9:00 in Madrid (CET until 29 March).
const MONDAY_9AM_MADRID = '2026-03-02T08:00:00Z';

/**
 * A Spanish server: its Discord language is Spanish, so its ritual posts and the notes for its
 * moderators are in Spanish. Each member's private answers follow their own Discord's language.
 */
describe('rituals in a Spanish server', () => {
  let bed: TestBed;
  let clock: ManualClock;
  let guild: GuildRecord;
  let poemas: ChannelRecord;
  let registro: ChannelRecord;
  /** A moderator whose Discord is in Spanish, one whose Discord is in English, and members. */
  let lucia: UserRecord;
  let sam: UserRecord;
  let ana: UserRecord;
  let pierre: UserRecord;

  beforeEach(async () => {
    clock = new ManualClock(Date.parse('2026-03-02T07:00:00Z'));
    bed = await startTestBed(
      (h) => {
        guild = h.guild('Raíces', { owner: 'owner', preferredLocale: 'es-ES' });
        h.channel(guild, 'general');
        poemas = h.channel(guild, 'poemas');
        registro = h.channel(guild, 'registro');
        const moderators = h.role(guild, 'Moderadores', PermissionFlagsBits.ManageGuild);
        lucia = h.member(guild, 'lucia', { roles: [moderators], locale: 'es-ES' });
        sam = h.member(guild, 'sam', { roles: [moderators], locale: 'en-US' });
        ana = h.member(guild, 'ana', { locale: 'es-419' });
        pierre = h.member(guild, 'pierre', { locale: 'fr' });
      },
      { clock, features: () => [createRitualsFeature()] },
    );
  });
  afterEach(() => bed.close());

  const run = async (user: UserRecord, command: string, options: Readonly<Record<string, string | number | boolean>> = {}) =>
    messageOf(await bed.harness.as(user).run('#general', command, options));
  const at = async (iso: string) => {
    clock.set(Date.parse(iso));
    await bed.bot.ctx.features.get(RITUALS)?.running()?.settled();
  };
  const es = (key: RitualKey, values?: MessageValues) => said(ritualMessages, key, values, 'es-ES');

  it('a weekly poem: set up in Spanish, posted in Spanish with its thread, listed with Discord timestamps', async () => {
    const created = await run(lucia, 'ritual create', { kind: 'poem', channel: '#poemas', cron: '0 9 * * 1', timezone: 'Europe/Madrid', thread: true });
    expect(created.ephemeral).toBe(true);
    expect(created.content).toBe('¡Listo! El ritual #1 publicará un poema cada lunes a las 9:00 (Europe/Madrid).');
    expect(created.content).toBe(es('schedule.created.poem', { id: '1', cadence: 'cada lunes a las 9:00 (Europe/Madrid)' }));
    const card = created.embeds[0]?.fields?.[0];
    expect(card?.name).toBe('Ritual #1 · Poema');
    expect(card?.value).toContain(es('schedule.next-runs'));
    // The wall-clock time in the schedule's zone, in Spanish, beside a timestamp each member's app shows in their own zone.
    expect(card?.value).toContain(`lun, 2 mar, 9:00 · <t:${Date.parse(MONDAY_9AM_MADRID) / 1000}:R>`);

    const posted = bed.harness.nextPost({ channelId: poemas.id });
    clock.set(Date.parse(MONDAY_9AM_MADRID));
    const post = await posted;
    await at(MONDAY_9AM_MADRID);
    const [embed] = post.embeds;
    expect(embed?.footer?.text).toBe('Ritual de poesía · ritual #1');
    expect(embed?.fields?.map((f) => f.name)).toEqual([es('post.poem.source')]);
    const [thread] = bed.harness.threadsOf(poemas);
    expect(thread?.name).toBe(es('post.thread.poem', { title: embed?.title ?? '' }));
    const [opening] = bed.harness.read(thread?.id ?? '');
    expect(opening?.content).toMatch(/^¡Hablemos! Unas preguntas para empezar:\n\n1\. ¿/);
    expect(opening?.content).toMatch(/Comparte tanto o tan poco como quieras\.$/);

    const list = await run(lucia, 'ritual list');
    expect(list.content).toBe(es('list.no-log-channel'));
    expect(list.embeds[0]?.title).toBe('Los rituales de este servidor');
    const listed = list.embeds[0]?.fields?.[0]?.value ?? '';
    expect(listed).toContain(`<#${poemas.id}> · cada lunes a las 9:00 (Europe/Madrid) · abre un hilo`);
    expect(listed).toContain(`lun, 9 mar, 9:00 · <t:${Date.parse('2026-03-09T08:00:00Z') / 1000}:R>`);
    expect(listed).toContain(`Última publicación <t:${Date.parse(MONDAY_9AM_MADRID) / 1000}:R>.`);

    // The history's picture draws and describes its runs in Spanish too.
    const history = await run(lucia, 'ritual history');
    const row = es('history.row', { id: '1', kind: es('kind-title.poem') });
    const described = es('history.alt.row-in', { row, channel: '#poemas', counts: es('history.count.posted', { count: 1 }) });
    expect(history.attachments.map((a) => [a.filename, a.description])).toEqual([['ritual-history.png', es('history.alt', { title: es('history.title', { runs: 12 }), rows: described })]]);
    expect(history.attachments[0]?.description).toBe('Rituales · las últimas 12 publicaciones. #1 Poema (#poemas): 1 publicada.');
  });

  it('a moderator whose Discord is in English gets English answers, while the posts stay in Spanish', async () => {
    await run(lucia, 'ritual create', { kind: 'poem', channel: '#poemas', cron: '0 9 * * 1', timezone: 'Europe/Madrid', thread: true });
    const list = await run(sam, 'ritual list');
    expect(list.embeds[0]?.title).toBe("This server's rituals");
    expect(list.embeds[0]?.fields?.[0]?.value).toContain('every Monday at 9:00 am (Europe/Madrid) · opens a thread');

    // The preview is the English moderator's, the post in it the members'.
    const preview = await run(sam, 'ritual preview', { ritual: 1 });
    expect(preview.content).toMatch(/^Here's the next post \(Mon 2 Mar, 9:00 am · <t:\d+:R>\) as it will look:\nIt opens a thread, “Ritual de poesía: .+”, starting with:\n>>> ¡Hablemos!/);
    expect(preview.embeds[0]?.footer?.text).toBe('Ritual de poesía · ritual #1');

    const posted = bed.harness.nextPost({ channelId: poemas.id });
    clock.set(Date.parse(MONDAY_9AM_MADRID));
    expect((await posted).embeds[0]?.footer?.text).toBe('Ritual de poesía · ritual #1');
  });

  it('tells the moderators in Spanish, in the log channel, when a missing permission pauses a ritual', async () => {
    await run(sam, 'ritual create', { kind: 'poem', channel: '#poemas', cron: '0 9 * * 1', timezone: 'Europe/Madrid' });
    await bed.bot.db.updateTable('guild_settings').set({ log_channel_id: registro.id }).where('guild_id', '=', guild.id).execute();
    const botRole = guild.members.get(bed.harness.emulator.bot.id)?.roles[0] ?? '';
    bed.harness.world.updateChannel(poemas.id, { overwrites: [{ id: botRole, type: OverwriteType.Role, allow: '0', deny: String(PermissionFlagsBits.SendMessages) }] });

    await at(MONDAY_9AM_MADRID);
    const notices = bed.harness.read(registro).filter((m) => m.authorId === bed.harness.emulator.bot.id);
    expect(notices.map((m) => m.content)).toEqual([
      [
        `He pausado el ritual de poema #1 en <#${poemas.id}>: me falta un permiso en su canal, así que la publicación prevista para <t:${Date.parse(MONDAY_9AM_MADRID) / 1000}:f> no salió.`,
        es('notice.paused.fix.no_permission', { id: '1' }),
      ].join('\n'),
    ]);

    // Still closed: resuming says so, in the moderator's language.
    const resumed = await run(lucia, 'ritual resume', { ritual: 1 });
    expect(resumed.content).toBe(
      `Sigo sin poder publicar en <#${poemas.id}>, así que he dejado el ritual #1 en pausa. Dame **Enviar mensajes** allí y luego vuelve a usar \`/ritual resume ritual:1\`.`,
    );
  });

  it('the podcast club posts its prompt in Spanish; "Lo escuché" counts on the public button and thanks each member in their language', async () => {
    await run(lucia, 'ritual create', { kind: 'podcast', channel: '#poemas', cron: '0 9 * * 1', timezone: 'Europe/Madrid', thread: false });
    await at(MONDAY_9AM_MADRID);
    const [post] = bed.harness.read(poemas).filter((m) => m.authorId === bed.harness.emulator.bot.id);
    if (!post) throw new Error('expected the podcast post');
    // A starter prompt, in its Spanish translation.
    const spanishTitles = bed.bot.ctx.content.rituals.podcasts.map((podcast) => `🎧 ${podcast.translations?.es?.title ?? podcast.title}`);
    expect(spanishTitles).toContain('🎧 Voces de estudiantes, en sus propias palabras');
    expect(spanishTitles).toContain(post.embeds[0]?.title);
    expect(post.embeds[0]?.description).toContain(es('post.podcast.call'));
    expect(post.embeds[0]?.fields?.map((f) => f.name)).toEqual([es('post.podcast.questions')]);
    expect(post.buttons[0]?.label).toBe('Lo escuché');

    const thanks = bed.harness.nextPost({ channelId: poemas.id, visibleTo: sam.id, where: (m) => m.ephemeral });
    const click = await bed.harness.as(sam).click(post, 'Lo escuché');
    expect(click.kind === 'update' && click.message?.buttons[0]?.label).toBe('Lo escuché · 1');
    expect((await thanks).content).toBe("Thank you for listening! You're counted. 🎧");
  });

  it('/privacy and /about answer each member in their language; an unsupported one reads the server’s', async () => {
    const exported = await run(ana, 'privacy export');
    expect(exported.content).toBe(said(privacyMessages, 'export.nothing', undefined, 'es-419'));
    expect(exported.content).toBe('No guardo nada sobre ti en este servidor.');
    expect((await run(sam, 'privacy export')).content).toBe('I keep nothing about you in this server.');

    const about = (await run(ana, 'about')).embeds[0];
    expect(about?.description).toContain('Ayudo a Roots a mantener vivos sus rituales');
    expect(about?.fields?.map((f) => f.name)).toEqual([said(aboutMessages, 'version', undefined, 'es-ES'), 'Despierto desde hace']);
    // French isn't one of the bot's languages: Pierre reads the server's Spanish.
    expect((await run(pierre, 'about')).embeds[0]?.fields?.map((f) => f.name)).toEqual(['Versión', 'Despierto desde hace']);
    expect((await run(sam, 'about')).embeds[0]?.fields?.map((f) => f.name)).toEqual(['Version', 'Awake for']);
  });
});
