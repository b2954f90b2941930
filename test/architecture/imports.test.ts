import { describe, expect, it } from 'vitest';
import { importCircles, importsOf, sourceFiles } from '../support/import-graph.js';

/**
 * The shape every feature keeps (docs/architecture.md): what talks to Discord lives in
 * `src/<feature>/discord/`; the domain beside it (services, rules, tables, content) knows nothing
 * of Discord, so it can be tested, reused by other front ends and moved to another transport.
 */
const FEATURES = ['onboarding', 'rituals', 'courses', 'protocols'] as const;
const DISCORD_PACKAGES = /^(discord\.js|discord-api-types|@discordjs\/)/;

const isDiscordLayer = (file: string) => /^src\/[^/]+\/discord\//.test(file);

/** What in `src/<area>/` outside its `discord/` folder imports Discord, or reaches into a `discord/` folder. */
function discordInDomain(area: string): { packages: string[]; layers: string[] } {
  const domain = sourceFiles(`src/${area}`).filter((file) => !isDiscordLayer(file));
  return {
    packages: domain.flatMap((file) => importsOf(file).packages.filter((name) => DISCORD_PACKAGES.test(name)).map((name) => `${file} imports ${name}`)),
    layers: domain.flatMap((file) => importsOf(file).local.filter(isDiscordLayer).map((target) => `${file} imports ${target}`)),
  };
}

describe.each(FEATURES)('the %s feature', (feature) => {
  const files = sourceFiles(`src/${feature}`);

  it('keeps every import of Discord in its discord/ folder', () => {
    expect(discordInDomain(feature).packages).toEqual([]);
  });

  it('has a domain that never reaches into a discord/ folder (its own or another feature\u2019s)', () => {
    expect(discordInDomain(feature).layers).toEqual([]);
  });

  it('has one custom-id file, one place where its problems become sentences, and a feature factory', () => {
    expect(files).toContain(`src/${feature}/discord/feature.ts`);
    expect(files).toContain(`src/${feature}/discord/custom-ids.ts`);
    expect(files).toContain(`src/${feature}/discord/explain.ts`);
    expect(files).toContain(`src/${feature}/problems.ts`);
    // Problems ride on the shared Outcome, and explain.ts unwraps through the one unwrapWith.
    expect(importsOf(`src/${feature}/problems.ts`).local).toContain('src/outcome.ts');
    expect(importsOf(`src/${feature}/discord/explain.ts`).local).toContain('src/outcome.ts');
  });
});

// What every feature shares about a member or a server keeps the same split: /privacy's export and
// forget, the server's settings beside the notes that reach its moderators on Discord.
describe.each(['privacy', 'guilds'])('src/%s/', (area) => {
  it('keeps Discord in its discord/ folder, and its domain out of every discord/ folder', () => {
    expect(discordInDomain(area)).toEqual({ packages: [], layers: [] });
  });
});

describe('commands/', () => {
  it("finds each command's handlers in one hop, in a src/<area>/discord/*-command.ts file", () => {
    // /about has one line of handler and nothing of a feature's, so it stays in its command file.
    const commands = sourceFiles('commands').filter((file) => file !== 'commands/about.ts');
    const offenders = commands.filter((file) => !importsOf(file).local.some((target) => /^src\/[^/]+\/discord\/[^/]+-command\.ts$/.test(target)));
    expect(commands.length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});

describe('src/pictures/', () => {
  it('draws from plain data: no Discord, and nothing of the bot outside itself', () => {
    const offenders = sourceFiles('src/pictures').flatMap((file) => {
      const { packages, local } = importsOf(file);
      return [...packages.filter((name) => DISCORD_PACKAGES.test(name)), ...local.filter((target) => !target.startsWith('src/pictures/'))].map((name) => `${file} imports ${name}`);
    });
    expect(offenders).toEqual([]);
  });
});

describe.each(['src', 'packages/discord-emulator/src'])('the import graph of %s/', (dir) => {
  it('has no circles (type-only imports count: they tie files together all the same)', () => {
    expect(importCircles(sourceFiles(dir))).toEqual([]);
  });
});

describe('the circle detector', () => {

  it('finds a circle when there is one, so the check above can fail', () => {
    // Two fixture files that import each other.
    expect(importCircles(['test/architecture/fixtures/a.ts', 'test/architecture/fixtures/b.ts'])).toEqual([
      ['test/architecture/fixtures/a.ts', 'test/architecture/fixtures/b.ts'],
    ]);
  });
});

describe('the emulator package', () => {
  const EMULATOR = 'packages/discord-emulator/';
  const NAME = '@roots-bot/discord-emulator';

  it('is reached by its name alone: no path into it, no subpath of it', () => {
    const users = ['src', 'commands', 'test', 'bench', 'scripts'].flatMap((dir) => sourceFiles(dir));
    const offenders = users.flatMap((file) => {
      const { packages, local } = importsOf(file);
      return [...local.filter((target) => target.startsWith(EMULATOR)), ...packages.filter((name) => name.startsWith(`${NAME}/`))].map((name) => `${file} imports ${name}`);
    });
    expect(users.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it('knows nothing of the bot: its files import only each other and packages', () => {
    const offenders = sourceFiles(EMULATOR.slice(0, -1)).flatMap((file) =>
      importsOf(file)
        .local.filter((target) => !target.startsWith(EMULATOR))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
