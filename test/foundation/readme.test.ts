import { readFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const envExample = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const config = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');

describe('README and .env.example stay true', () => {
  it('invites the bot with exactly the permissions the README lists', () => {
    const { ViewChannel, SendMessages, SendMessagesInThreads, CreatePublicThreads, CreatePrivateThreads, ManageThreads, EmbedLinks, AttachFiles, ReadMessageHistory, ManageRoles } = PermissionFlagsBits;
    const expected = ViewChannel | SendMessages | SendMessagesInThreads | CreatePublicThreads | CreatePrivateThreads | ManageThreads | EmbedLinks | AttachFiles | ReadMessageHistory | ManageRoles;
    expect(/permissions=(\d+)/.exec(readme)?.[1]).toBe(expected.toString());
  });

  it('documents every environment variable the config reads, in both places', () => {
    const variables = [...config.matchAll(/^ {2}([A-Z_]+): /gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(5);
    for (const name of variables) {
      expect(envExample, name).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
