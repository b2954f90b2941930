import { fileURLToPath } from 'node:url';
import type { GuildRecord, UserRecord } from '@roots-bot/discord-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routerSays } from '../support/i18n.js';
import { startTestBed, type TestBed } from '../support/bot.js';

const commandsDir = fileURLToPath(new URL('../fixtures/commands-e2e/', import.meta.url));

describe('what the router checks once, for every handler', () => {
  let bed: TestBed;
  let guild: GuildRecord;
  let alice: UserRecord;

  beforeEach(async () => {
    bed = await startTestBed(
      (h) => {
        guild = h.guild('Roots', { owner: 'owner' });
        h.channel(guild, 'general');
        alice = h.member(guild, 'alice');
      },
      { commandsDir },
    );
  });
  afterEach(() => bed.close());

  it('answers a server-only command in a DM with one kind sentence, and runs it in a server', async () => {
    const inServer = await bed.harness.as(alice).run('#general', 'where');
    expect(inServer.kind === 'message' && inServer.message.content).toBe(`This is server ${guild.id}.`);
    await bed.harness.as(alice).run('#general', 'poke', { dm: true });
    const dm = bed.harness.dmOf(alice);
    if (dm === undefined) throw new Error('the bot opened no DM');
    const inDm = await bed.harness.as(alice).run(dm, 'where');
    expect(inDm.kind === 'message' && inDm.message.content).toBe(routerSays('server-only'));
  });

  it('suggests nothing for a server-only command typed in a DM, and runs its suggestions in a server', async () => {
    expect(await bed.harness.as(alice).autocomplete('#general', 'where', { near: '' }, 'near')).toEqual([{ name: `server ${guild.id}`, value: guild.id }]);
    await bed.harness.as(alice).run('#general', 'poke', { dm: true });
    const dm = bed.harness.dmOf(alice);
    if (dm === undefined) throw new Error('the bot opened no DM');
    expect(await bed.harness.as(alice).autocomplete(dm, 'where', { near: '' }, 'near')).toEqual([]);
    // Answered by the router, not by a handler failing without a server.
    expect(bed.logs.filter((line) => line.msg === 'an interaction handler failed')).toEqual([]);
  });

  it('refuses a click whose custom_id is not on the message it came from, and leaves that message alone', async () => {
    await bed.harness.as(alice).run('#general', 'poke', { plain: true });
    const [plain] = bed.harness.read('#general');
    if (plain === undefined) throw new Error('nothing was posted');
    const forged = await bed.harness.as(alice).forgeClick(plain, 'poke:press:1');
    expect(forged.kind === 'message' && forged.message.content).toBe(routerSays('stale-component'));
    expect(bed.harness.read('#general')[0]?.content).toBe('Nothing to press here.');

    await bed.harness.as(alice).run('#general', 'poke');
    const withButton = bed.harness.read('#general').find((message) => message.content === 'Press me.');
    if (withButton === undefined) throw new Error('the button message is missing');
    // The same message, but a version written by hand: not what the message carries.
    const loose = await bed.harness.as(alice).forgeClick(withButton, 'poke:press:01');
    expect(loose.kind === 'message' && loose.message.content).toBe(routerSays('stale-component'));
    const pressed = await bed.harness.as(alice).click(withButton, 'Poke');
    expect(pressed.kind).toBe('update');
    expect(bed.harness.read('#general').map((message) => message.content)).toContain(`Poked in ${guild.id}.`);
  });
});
