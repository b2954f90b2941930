import { describe, expect, it } from 'vitest';
import { CourseSchema, type Course } from '../../src/courses/course.js';
import { courseListEmbed, lessonMessage } from '../../src/courses/discord/course-view.js';
import { explainCourseProblem, explainImportProblem } from '../../src/courses/discord/explain.js';
import { progressBar } from '../../src/courses/discord/format.js';
import { courseMessages } from '../../src/courses/discord/messages.js';
import { reportCsv } from '../../src/courses/discord/report-csv.js';
import { ENGLISH } from '../../src/i18n/locales.js';
import { progressOf } from '../../src/courses/progress.js';
import { EMBED_LIMITS, embedLength } from '../../src/presentation/embed-fit.js';
import { loadProtocols } from '../../src/protocols/protocol-content.js';

const loaded = await loadProtocols();
if (!loaded.ok) throw loaded.error;
const protocols = loaded.value;
const t = courseMessages.for(ENGLISH);

const course = (id: string, overrides: Record<string, unknown> = {}): Course =>
  CourseSchema.parse({
    id,
    title: `Course ${id}`,
    summary: 'S.',
    audience: 'A.',
    order: 'any-order',
    lessons: [{ id: 'one', title: 'One', text: 'T.', reflection: 'R?' }],
    ...overrides,
  });

describe('course presentation', () => {
  it('draws progress bars of one width', () => {
    expect(progressBar(0, 3)).toBe('▱▱▱▱▱▱▱▱▱▱ 0/3');
    expect(progressBar(2, 3)).toBe('▰▰▰▰▰▰▰▱▱▱ 2/3');
    expect(progressBar(5, 5)).toBe('▰▰▰▰▰▰▰▰▰▰ 5/5');
  });

  it('names the practise button after the protocol as it is titled, and offers none for a protocol that is gone', () => {
    const lessons = ['five-whys', 'change-the-discourse', 'no-longer-shipped'].map((protocol, i) => ({ id: `l${i}`, title: `L${i}`, text: 'T.', reflection: 'R?', practice: { protocol } }));
    const practising = course('practising', { lessons });
    const labels = practising.lessons.map((lesson, index) => {
      const view = { kind: 'lesson' as const, position: { lesson, number: index + 1 }, progress: progressOf(practising, []), completedAt: undefined, blockedBy: undefined };
      return lessonMessage(t, practising, view, protocols).components.flatMap((row) => row.components.map((button) => button.toJSON()).map((b) => ('label' in b ? b.label : undefined)));
    });
    expect(labels).toEqual([
      ['Complete & reflect', 'Practise 5 Whys'],
      ['Complete & reflect', 'Practise Change the Discourse'],
      ['Complete & reflect'],
    ]);
  });

  it("keeps the course list within an embed's 6,000 characters, counting the rest in the footer", () => {
    const long = (i: number) =>
      course(`long-${String(i).padStart(2, '0')}`, { title: `${i} ${'t'.repeat(70)}`, summary: 's'.repeat(700), audience: 'a'.repeat(300) });
    const listed = Array.from({ length: 30 }, (_, i) => ({ entry: { course: long(i), source: 'imported' as const, retired: false }, progress: undefined }));
    const embed = courseListEmbed(t, listed).toJSON();
    const shown = embed.fields?.length ?? 0;
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    expect(embed.footer?.text).toBe(`And ${30 - shown} more; type in /course enroll to find them.`);

    // A short list is shown whole, without the footer.
    const few = courseListEmbed(t, listed.slice(0, 2).map((item) => ({ ...item, entry: { ...item.entry, course: course(item.entry.course.id) } }))).toJSON();
    expect(few.fields?.length).toBe(2);
    expect(few.footer).toBeUndefined();
  });

  it('writes CSV that spreadsheets read as text: quoted commas, and names that look like formulas kept inert', () => {
    const row = { enrolledAt: new Date('2026-12-01T00:00:00.000Z'), lessonsDone: 1, lessonsTotal: 3, lastActivityAt: new Date('2026-12-02T00:00:00.000Z'), finishedAt: undefined };
    const csv = reportCsv(
      t,
      [
        { ...row, userId: '1' },
        { ...row, userId: '2' },
        { ...row, userId: '3' },
      ],
      new Map([
        ['1', 'Ms. Rivera, 7th grade'],
        ['2', '=HYPERLINK("http://x")'],
      ]),
    );
    expect(csv).toBe(
      [
        'member,member_id,enrolled_at,lessons_done,lessons_total,last_activity,finished_at',
        '"Ms. Rivera, 7th grade",1,2026-12-01T00:00:00.000Z,1,3,2026-12-02T00:00:00.000Z,',
        `"'=HYPERLINK(""http://x"")",2,2026-12-01T00:00:00.000Z,1,3,2026-12-02T00:00:00.000Z,`,
        ',3,2026-12-01T00:00:00.000Z,1,3,2026-12-02T00:00:00.000Z,',
        '',
      ].join('\n'),
    );
  });

  it('keeps a long list of import problems within one Discord message', () => {
    const problems = Array.from({ length: 80 }, (_, i) => ({ file: 'course.json', line: i + 1, column: 3, at: `lessons[${i}].title`, message: 'must not be empty' }));
    const text = explainImportProblem({ kind: 'invalid', problems }, ENGLISH);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/…and \d+ more\n```$/);
    expect(text.startsWith("I couldn't import that course, so nothing was changed. Here are 80 things to fix")).toBe(true);
  });

  it('says how long a reflection is against the real limit, and "a little over" only when it is', () => {
    expect(explainCourseProblem({ kind: 'reflection-too-long', length: 4_001, limit: 1_000 }, ENGLISH)).toBe(
      'That reflection is 4,001 characters, and I can keep up to 1,000. Could you shorten it and send it again? Nothing was saved yet.',
    );
    expect(explainCourseProblem({ kind: 'reflection-too-long', length: 1_050, limit: 1_000 }, ENGLISH)).toBe(
      'That reflection is 1,050 characters, a little over the 1,000 I can keep. Could you shorten it and send it again? Nothing was saved yet.',
    );
  });
});
