import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { startTestBed, type TestBed } from '../support/bot.js';

const commandsDir = fileURLToPath(new URL('../fixtures/commands-e2e/', import.meta.url));

describe('the safety net around every handler', () => {
  let bed: TestBed;
  let guild: GuildRecord;
  let alice: UserRecord;
  let morgan: UserRecord;

  beforeEach(async () => {
    bed = await startTestBed(
      (h) => {
        guild = h.guild('Roots', { owner: 'owner' });
        h.channel(guild, 'general');
        alice = h.member(guild, 'alice');
        morgan = h.member(guild, 'morgan', { roles: [h.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild)] });
      },
      { commandsDir },
    );
  });
  afterEach(() => bed.close());

  it('logs an unexpected error with a reference and tells the member kindly, privately', async () => {
    const response = await bed.harness.as(alice).run('#general', 'boom');
    if (response.kind !== 'message') throw new Error(`expected a message, got ${response.kind}`);
    expect(response.message.ephemeral).toBe(true);
    const ref = /`([A-Z2-9]{6})`/.exec(response.message.content)?.[1];
    expect(response.message.content).toMatch(/^Sorry, something went wrong/);
    const logged = bed.logs.find((line) => line.msg === 'an interaction handler failed');
    expect(logged?.ref).toBe(ref);
    expect(JSON.stringify(logged)).toContain('the database is on fire');
  });

  it('replaces a public "thinking…" with a private apology when the handler had deferred', async () => {
    const response = await bed.harness.as(alice).run('#general', 'boom', { 'after-reply': true });
    if (response.kind !== 'message') throw new Error(`expected a message, got ${response.kind}`);
    expect(response.message.ephemeral).toBe(true);
    expect(response.message.content).toMatch(/^Sorry, something went wrong/);
    // The public placeholder is gone, and the bot is still alive and answering.
    expect(bed.harness.read('#general')).toEqual([]);
    expect((await bed.harness.as(morgan).run('#general', 'mods')).kind).toBe('message');
  });

  it('lets moderators through and refuses members in one place', async () => {
    const refused = await bed.harness.as(alice).run('#general', 'mods');
    const allowed = await bed.harness.as(morgan).run('#general', 'mods');
    expect(refused.kind === 'message' && refused.message.content).toMatch(/^Only moderators/);
    expect(allowed.kind === 'message' && allowed.message.content).toBe('Hello, moderator.');
  });
});
