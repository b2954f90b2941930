import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/courses/course.js';
import { checkCompletable, progressOf } from '../../src/courses/progress.js';

const lesson = (id: string) => ({ id, title: id.toUpperCase(), text: 'T.', reflection: 'R?' });
const course = (ids: string[], order: Course['order'] = 'in-order'): Course => ({
  id: 'c',
  title: 'C',
  summary: 'S.',
  audience: 'A.',
  unit: 'lesson',
  order,
  lessons: ids.map(lesson),
});
const done = (...entries: [string, string][]) => entries.map(([lessonId, day]) => ({ lessonId, completedAt: new Date(`2026-12-0${day}T00:00:00.000Z`) }));

describe('progress through a course', () => {
  it('counts the lessons done and finds the next open one', () => {
    const progress = progressOf(course(['a', 'b', 'c']), done(['a', '1']));
    expect(progress).toMatchObject({ done: 1, total: 3, finishedAt: undefined, lastCompletedAt: new Date('2026-12-01T00:00:00.000Z') });
    expect(progress.next?.lesson.id).toBe('b');
    expect(progress.next?.number).toBe(2);
  });

  it('keeps progress by lesson id when the course is edited: removed lessons stop counting, new ones are still to do', () => {
    const completions = done(['a', '1'], ['b', '2'], ['c', '3']);
    expect(progressOf(course(['a', 'b', 'c']), completions)).toMatchObject({ done: 3, finishedAt: new Date('2026-12-03T00:00:00.000Z') });
    // "c" removed and "d" inserted before "b": finished no more, and "d" is next.
    const edited = progressOf(course(['a', 'd', 'b']), completions);
    expect(edited).toMatchObject({ done: 2, total: 3, finishedAt: undefined, lastCompletedAt: new Date('2026-12-02T00:00:00.000Z') });
    expect(edited.next?.lesson.id).toBe('d');
    // Once "d" is done too, finishing is dated by the last completion of a current lesson.
    expect(progressOf(course(['a', 'd', 'b']), [...completions, ...done(['d', '4'])]).finishedAt).toEqual(new Date('2026-12-04T00:00:00.000Z'));
  });

  it('completes a lesson once, and in order where the course asks for it', () => {
    const ordered = course(['a', 'b', 'c']);
    const outOfOrder = checkCompletable(ordered, 'c', done(['a', '1']));
    expect(!outOfOrder.ok && outOfOrder.problem).toMatchObject({ kind: 'out-of-order', lesson: { id: 'c' }, first: { id: 'b' } });
    expect(checkCompletable(ordered, 'b', done(['a', '1'])).ok).toBe(true);
    const twice = checkCompletable(ordered, 'a', done(['a', '1']));
    expect(!twice.ok && twice.problem).toMatchObject({ kind: 'already-completed', completedAt: new Date('2026-12-01T00:00:00.000Z') });
    const unknown = checkCompletable(ordered, 'zz', []);
    expect(!unknown.ok && unknown.problem.kind).toBe('unknown-lesson');
    expect(checkCompletable(course(['a', 'b', 'c'], 'any-order'), 'c', []).ok).toBe(true);
  });
});
