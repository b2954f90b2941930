import { GatewayDispatchEvents } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { World } from '../src/world.js';

describe('roles in the emulated world', () => {
  it('puts a new role just above @everyone and tells the gateway about every role it moved', () => {
    const world = new World();
    const dispatched: { event: string; data: unknown }[] = [];
    world.connect({ dispatch: (event, data) => dispatched.push({ event, data }) });
    const owner = world.createUser({ username: 'owner' });
    const guild = world.createGuild({ name: 'Roots', ownerId: owner.id });
    const bot = world.createRole(guild.id, { name: 'Roots Bot' });
    dispatched.length = 0;
    const member = world.createRole(guild.id, { name: 'Member' });
    expect([world.role(guild.id, member.id).position, world.role(guild.id, bot.id).position]).toEqual([1, 2]);
    expect(dispatched.map((d) => d.event)).toEqual([GatewayDispatchEvents.GuildRoleUpdate, GatewayDispatchEvents.GuildRoleCreate]);
  });
});
