import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/index.js';
import { loadCourses, shippedPracticeProblems } from '../../src/courses/content.js';
import { CourseSchema } from '../../src/courses/course.js';
import { formatProblem, parseContent } from '../../src/content/load.js';
import { loadProtocols } from '../../src/protocols/protocol-content.js';

describe('the courses in data/courses', () => {
  it('ship both courses from the seeds, valid, with a reflection prompt for every lesson', async () => {
    const result = await loadCourses();
    if (!result.ok) throw result.error;
    const courses = result.value;
    expect([...courses.keys()].sort()).toEqual(['leading-equitable-schools', 'root-causes-to-grassroots-action']);

    const rootCauses = courses.get('root-causes-to-grassroots-action');
    expect(rootCauses?.lessons.map((l) => l.title)).toEqual(['Prepare Your Soil', 'Change the Discourse', 'Center Student Perspectives']);

    const leading = courses.get('leading-equitable-schools');
    expect(leading?.unit).toBe('session');
    expect(leading?.lessons.length).toBeGreaterThanOrEqual(4);
    expect(leading?.lessons.length).toBeLessThanOrEqual(5);
    expect(leading?.lessons.flatMap((l) => l.experience?.name ?? [])).toEqual(['Learning walk', 'Student focus group', 'School culture observation', 'Design lab']);

    for (const course of courses.values()) {
      for (const lesson of course.lessons) {
        expect(lesson.reflection.length, lesson.id).toBeGreaterThan(20);
        // Something a teacher can do in 10 to 20 minutes.
        expect(lesson.minutes, lesson.id).toBeGreaterThanOrEqual(10);
        expect(lesson.minutes, lesson.id).toBeLessThanOrEqual(20);
      }
    }
  });

  it('practise only protocols that ship: start-up checks every lesson against data/protocols', async () => {
    const content = await loadContent();
    if (!content.ok) throw content.error;
    const practised = [...content.value.courses.values()].flatMap((course) => course.lessons.flatMap((lesson) => lesson.practice?.protocol ?? []));
    expect(practised.length).toBeGreaterThan(0);

    const dir = mkdtempSync(`${tmpdir()}/roots-courses-`);
    const lessons = [
      { id: 'one', title: 'One', text: 'T.', reflection: 'R?', practice: { protocol: 'five-whys' } },
      { id: 'two', title: 'Two', text: 'T.', reflection: 'R?', practice: { protocol: 'six-whys' } },
    ];
    writeFileSync(`${dir}/circles.json`, JSON.stringify({ id: 'circles', title: 'Circles', summary: 'S.', audience: 'A.', order: 'any-order', lessons }, null, 2));
    const courses = await loadCourses(dir);
    const protocols = await loadProtocols();
    if (!courses.ok || !protocols.ok) throw new Error('expected both to load');
    const problems = await shippedPracticeProblems(courses.value, protocols.value, dir);
    expect(problems.map(formatProblem)).toEqual([
      `${dir}/circles.json:23:21 (lessons[1].practice.protocol): there is no protocol "six-whys"; the protocols are center-student-perspectives, change-the-discourse, fishbone, five-whys, prepare-your-soil`,
    ]);
  });

  it('insists that a file is named after its course id, pointing at the id', async () => {
    const dir = mkdtempSync(`${tmpdir()}/roots-courses-`);
    const course = { id: 'circles', title: 'Circles', summary: 'S.', audience: 'A.', order: 'any-order', lessons: [{ id: 'one', title: 'One', text: 'T.', reflection: 'R?' }] };
    writeFileSync(`${dir}/circle.json`, JSON.stringify(course, null, 2));
    const result = await loadCourses(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(`${dir}/circle.json:2:9 (id): must match the file name: rename the file or make the id "circle"`);
  });

  it('validates strictly: unknown fields, limits and the lesson cap are errors with their place', () => {
    const lessons = Array.from({ length: 26 }, (_, i) => ({ id: `l${i}`, title: `L${i}`, text: 'T.', reflection: 'R?' }));
    const text = JSON.stringify({ id: 'big', title: 'x'.repeat(81), summary: 'S.', audience: 'A.', order: 'in-order', lessons, colour: 'green' }, null, 2);
    const result = parseContent('big.json', text, CourseSchema);
    if (result.ok) throw new Error('expected problems');
    expect(result.error.problems.map((p) => `${p.at}: ${p.message}`)).toEqual([
      'title: must be at most 80 characters',
      'lessons: can have at most 25 lessons',
      ': Unrecognized key: "colour"',
    ]);
  });

  it('takes translations of what members read, within the same limits, and points at a wrong one (imports validate the same way)', () => {
    const lesson = { id: 'one', title: 'One', text: 'T.', reflection: 'R?' };
    const course = { id: 'circles', title: 'Circles', summary: 'S.', audience: 'A.', order: 'any-order' };
    const good = parseContent(
      'circles.json',
      JSON.stringify({ ...course, translations: { es: { title: 'Círculos' } }, lessons: [{ ...lesson, translations: { es: { title: 'Uno', reflection: '¿R?' }, 'pt-BR': { text: 'T.' } } }] }),
      CourseSchema,
    );
    expect(good.ok && good.value.lessons[0]?.translations?.es).toEqual({ title: 'Uno', reflection: '¿R?' });

    const text = JSON.stringify(
      { ...course, translations: { fr: { title: 'Cercles' } }, lessons: [{ ...lesson, translations: { es: { title: 'x'.repeat(81), practice: { protocol: 'five-whys' } } } }] },
      null,
      2,
    );
    const bad = parseContent('circles.json', text, CourseSchema);
    if (bad.ok) throw new Error('expected problems');
    expect(bad.error.problems.map((p) => `${p.at}: ${p.message}`)).toEqual([
      'lessons[0].translations.es.title: must be at most 80 characters',
      'lessons[0].translations.es: Unrecognized key: "practice"',
      'translations: Unrecognized key: "fr"',
    ]);
  });
});
