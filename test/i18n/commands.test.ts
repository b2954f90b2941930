import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/interactions/registry.js';
import { DISCORD_LOCALES_OF } from '../../src/i18n/locales.js';

describe('slash commands', async () => {
  const registry = await loadCommands();

  it('each carry their words in Spanish, so a Spanish Discord shows none in English', () => {
    // The registry refuses to load a command whose Spanish lacks a description or choice; this
    // makes sure no command leaves its localizations out altogether.
    const untranslated = [...registry.commands].filter(([, command]) => command.localizations?.es === undefined).map(([name]) => `/${name}`);
    expect(untranslated).toEqual([]);
    for (const definition of registry.definitions) {
      const localized: Readonly<Record<string, string | null>> = definition.description_localizations ?? {};
      for (const locale of DISCORD_LOCALES_OF.es) expect(localized[locale], `/${definition.name} in ${locale}`).toBeTruthy();
    }
  });
});
