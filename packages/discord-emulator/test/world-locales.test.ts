import { describe, expect, it } from 'vitest';
import { World } from '../src/world.js';
import { restoreWorld, snapshotWorld } from '../src/world-snapshot.js';

describe('languages in the emulated world', () => {
  it('gives each person a client language and each server a primary language, English unless told', () => {
    const world = new World();
    const ana = world.createUser({ username: 'ana', locale: 'es-ES' });
    const ben = world.createUser({ username: 'ben' });
    const guild = world.createGuild({ name: 'Raíces', ownerId: ana.id, preferredLocale: 'es-419' });
    expect([ana.locale, ben.locale, guild.preferredLocale]).toEqual(['es-ES', 'en-US', 'es-419']);
    expect(world.guildCreatePayloads(ana.id)).toMatchObject([{ id: guild.id, preferred_locale: 'es-419' }]);
  });

  it('refuses a language Discord has no locale for, the way a typo in a test should be', () => {
    const world = new World();
    expect(() => world.createUser({ username: 'x', locale: 'es' })).toThrow(/"es" is not a Discord locale/);
    expect(() => world.createGuild({ name: 'x', ownerId: '1', preferredLocale: 'spanish' })).toThrow(RangeError);
  });

  it('keeps languages across a saved world', () => {
    const world = new World();
    const ana = world.createUser({ username: 'ana', locale: 'pt-BR' });
    world.createGuild({ name: 'Raízes', ownerId: ana.id, preferredLocale: 'pt-BR' });
    const restored = new World();
    restoreWorld(restored, JSON.parse(JSON.stringify(snapshotWorld(world, '1'))));
    expect([...restored.users.values()].map((user) => user.locale)).toEqual(['pt-BR']);
    expect([...restored.guilds.values()].map((guild) => guild.preferredLocale)).toEqual(['pt-BR']);
  });
});
