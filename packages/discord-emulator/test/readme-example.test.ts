import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { expect, it } from 'vitest';
import { Harness } from '../src/index.js';

// The example in README.md, line for line, so the README cannot drift from the API.
it('runs the README example: a discord.js bot answers /ping in the emulator', async () => {
  const harness = await Harness.start({ rateLimits: { disabled: true } });
  const guild = harness.guild('Roots', { owner: 'morgan' });
  const general = harness.channel(guild, 'general');
  const alice = harness.member(guild, 'alice');

  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: harness.emulator.apiUrl } });
  client.on(Events.InteractionCreate, (i) => void (i.isChatInputCommand() && i.reply('pong')));
  const ready = once(client, Events.ClientReady);
  await client.login(harness.emulator.token);
  await ready;
  await client.application?.commands.set([{ name: 'ping', description: 'Answers pong' }], guild.id);

  const response = await harness.as(alice).run(general, 'ping');
  expect(response.kind === 'message' && response.message.content).toBe('pong');

  await client.destroy();
  await harness.close();
});
