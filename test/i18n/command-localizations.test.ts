import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { localizeDefinition } from '../../src/interactions/command-localizations.js';

const definition = new SlashCommandBuilder()
  .setName('course')
  .setDescription('Take a course')
  .addSubcommand((sub) =>
    sub
      .setName('stats')
      .setDescription('See numbers')
      .addStringOption((o) => o.setName('period').setDescription('Which period').addChoices({ name: 'the last 7 days', value: 'week' })),
  )
  .toJSON();

describe('command localizations', () => {
  it('fill every name, description and choice under each Discord locale of the language', () => {
    const { definition: localized, problems } = localizeDefinition(definition, {
      es: { name: 'curso', description: 'Toma un curso', 'stats.description': 'Mira los números', 'stats.period.description': 'Qué periodo', 'stats.period.choice.week': 'los últimos 7 días' },
      'pt-BR': { description: 'Faça um curso' },
    });
    expect(problems).toEqual([]);
    expect(localized.name_localizations).toEqual({ 'es-ES': 'curso', 'es-419': 'curso' });
    expect(localized.description_localizations).toEqual({ 'es-ES': 'Toma un curso', 'es-419': 'Toma un curso', 'pt-BR': 'Faça um curso' });
    const stats = localized.options?.[0];
    expect(stats && 'options' in stats && stats.options?.[0]).toMatchObject({
      description_localizations: { 'es-ES': 'Qué periodo', 'es-419': 'Qué periodo' },
      choices: [{ name: 'the last 7 days', value: 'week', name_localizations: { 'es-ES': 'los últimos 7 días', 'es-419': 'los últimos 7 días' } }],
    });
    expect(definition.name_localizations).toBeUndefined();
  });

  it('names each description or choice Spanish lacks, and each key that matches nothing', () => {
    const { problems } = localizeDefinition(definition, { es: { description: 'Toma un curso', 'stats.descripton': 'typo' } });
    expect(problems).toEqual([
      '/course: no es for "stats.description"',
      '/course: no es for "stats.period.description"',
      '/course: no es for "stats.period.choice.week"',
      '/course: the es "stats.descripton" matches nothing in the command',
    ]);
  });
});
