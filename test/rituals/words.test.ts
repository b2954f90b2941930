import { describe, expect, it } from 'vitest';
import { readerOf } from '../../src/i18n/locales.js';
import { NewPodcastSchema } from '../../src/rituals/library.js';
import { explainRitualProblem } from '../../src/rituals/discord/explain.js';
import { ritualMessages } from '../../src/rituals/discord/messages.js';
import type { Schedule } from '../../src/rituals/model.js';

const spanish = ritualMessages.for(readerOf('es-ES'));

describe('ritual problems in words', () => {
  it('names what to fix in a new entry, in the moderator’s language, from the form’s own checks', () => {
    const problem = { kind: 'invalid-entry', library: 'podcast', issues: [{ kind: 'empty', field: 'title' }, { kind: 'too-few-questions', min: 2 }] } as const;
    expect(explainRitualProblem(problem)).toBe("That one needs a small fix before I can add it:\n• The episode title can't be empty\n• please write at least 2 questions, one per line");
    expect(explainRitualProblem(problem, spanish)).toBe(
      'Hace falta un pequeño arreglo antes de que pueda añadirlo:\n• El campo «Título del episodio» no puede quedar vacío\n• escribe al menos 2 preguntas, una por línea',
    );
    // The schema still checks what the words describe.
    expect(NewPodcastSchema.safeParse({ title: '', show: '', link: '', about: '', questions: 'one?' }).success).toBe(false);
  });

  it('lists missing permissions as Discord names them in the reader’s language', () => {
    const schedule = { id: 3, channelId: '42' } as Schedule;
    const problem = { kind: 'cannot-post', schedule, missing: ['send-messages', 'create-public-threads'] } as const;
    expect(explainRitualProblem(problem)).toContain('Please give me **Send Messages** and **Create Public Threads** there');
    expect(explainRitualProblem(problem, spanish)).toContain('Dame **Enviar mensajes** y **Crear hilos públicos** allí');
  });
});
