import { readFileSync } from 'node:fs';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/interactions/registry.js';

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

  it('names every slash command and subcommand the bot publishes', async () => {
    // In code spans, as the README writes them: `/course report`, `/ritual list | edit`, or `drop` after `/course list`.
    const fenced = [...readme.matchAll(/^ *```[^\n]*\n([\s\S]*?)^ *```$/gm)].flatMap((m) => (m[1] ?? '').split('\n'));
    const inline = [...readme.replace(/^ *```[\s\S]*?^ *```$/gm, '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    const spans = [...fenced, ...inline];
    const { definitions } = await loadCommands();
    const missing = definitions.flatMap((command) => {
      const subs = (command.options ?? []).filter((option) => option.type === ApplicationCommandOptionType.Subcommand).map((option) => option.name);
      const named = (sub: string) => spans.some((span) => span === sub || (span.includes(`/${command.name}`) && new RegExp(`(^|[\\s|/])${sub}(\\b|$)`).test(span)));
      if (subs.length === 0) return spans.some((span) => span.startsWith(`/${command.name}`)) ? [] : [`/${command.name}`];
      return subs.filter((sub) => !named(sub)).map((sub) => `/${command.name} ${sub}`);
    });
    expect(missing).toEqual([]);
  });
});
