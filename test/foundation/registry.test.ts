import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CommandRegistryError, loadCommands } from '../../src/interactions/registry.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

async function problemsOf(dir: string): Promise<readonly string[]> {
  const error = await loadCommands(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandRegistryError);
  return (error as CommandRegistryError).problems;
}

describe('command registry', () => {
  it('loads every command in commands/ with a publishable definition', async () => {
    const registry = await loadCommands();
    expect(registry.commands.has('about')).toBe(true);
    expect(registry.definitions.map((d) => d.name)).toContain('about');
  });

  it('rejects two files defining the same command', async () => {
    expect(await problemsOf(fixture('commands-duplicate'))).toEqual(['commands-duplicate/b.ts and commands-duplicate/a.ts both define /same']);
  });

  it('rejects handlers that do not match the subcommands, and files that are not commands', async () => {
    expect(await problemsOf(fixture('commands-mismatch'))).toEqual([
      'commands-mismatch/grouped.ts: /grouped add has no handler',
      'commands-mismatch/grouped.ts: handler "remove" matches no subcommand of /grouped',
      'commands-mismatch/not-a-command.ts must `export default defineCommand({ data, run | subcommands })`',
    ]);
  });
});
