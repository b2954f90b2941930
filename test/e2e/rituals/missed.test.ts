import { afterEach, describe, expect, it } from 'vitest';
import { postsIn, startRitualBed, type RitualBed } from './support.js';

describe('/ritual list after a long gap', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('counts every run that went by and says why: held up while running, not offline', async () => {
    // Sundays at 2:30 am; the bot runs throughout, but its computer sleeps for thirteen weeks.
    rb = await startRitualBed('2025-11-30T12:00:00Z');
    await rb.asModerator('ritual create', { kind: 'prompt', channel: '#poems', cron: '30 2 * * 0', timezone: 'UTC', text: 'A quiet question.' });
    await rb.at('2026-03-01T03:00:00Z'); // Sundays 7 Dec … 1 Mar fell due meanwhile: 13 of them
    expect(postsIn(rb, rb.poems)).toHaveLength(1); // the latest only, never a burst
    const card = (await rb.asModerator('ritual list')).embeds[0]?.fields?.[0]?.value ?? '';
    expect(card).toContain('⚠️ Passed over while I was held up (my computer asleep, or its clock moved): Sun 22 Feb, 2:30 am and 11 more. I posted only the latest, never a burst.');
    expect(card).not.toContain('offline');
    // In Spanish too: running late, not stopped (which would read as offline).
    rb.morgan.locale = 'es-ES';
    const tarjeta = (await rb.asModerator('ritual list')).embeds[0]?.fields?.[0]?.value ?? '';
    expect(tarjeta).toContain('⚠️ Pasada por alto mientras iba con retraso (mi ordenador dormía o su reloj cambió): dom, 22 feb, 2:30 y 11 más. Publiqué solo la más reciente, nunca una ráfaga.');
    expect(tarjeta).not.toMatch(/desconectado|detenido/);
  });

  it('says which runs a pause left unposted', async () => {
    rb = await startRitualBed('2026-03-02T08:00:00Z');
    await rb.asModerator('ritual create', { kind: 'prompt', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC', text: 'Hello' });
    await rb.bed.harness.emulator.faults.fail((r) => r.method === 'POST' && r.route === '/channels/:channel_id/messages', { status: 503, body: { message: 'Service Unavailable', code: 0 } });
    await rb.at('2026-03-02T09:00:00Z'); // claimed, waiting to try again
    await rb.asModerator('ritual pause', { ritual: 1 });
    await rb.asModerator('ritual resume', { ritual: 1 });
    const card = (await rb.asModerator('ritual list')).embeds[0]?.fields?.[0]?.value ?? '';
    expect(card).toContain('⚠️ Not posted while paused: Mon 2 Mar, 9:00 am.');
  });
});
