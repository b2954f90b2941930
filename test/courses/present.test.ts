import { describe, expect, it } from 'vitest';
import { explainImportProblem } from '../../src/courses/present/problems.js';
import { progressBar, protocolName } from '../../src/courses/present/format.js';
import { reportCsv } from '../../src/courses/present/report-csv.js';

describe('course presentation', () => {
  it('draws progress bars of one width', () => {
    expect(progressBar(0, 3)).toBe('▱▱▱▱▱▱▱▱▱▱ 0/3');
    expect(progressBar(2, 3)).toBe('▰▰▰▰▰▰▰▱▱▱ 2/3');
    expect(progressBar(5, 5)).toBe('▰▰▰▰▰▰▰▰▰▰ 5/5');
  });

  it('names protocols from their ids for the practise button', () => {
    expect(['prepare-your-soil', 'change-the-discourse', 'center-student-perspectives', 'fishbone', 'five-whys'].map(protocolName)).toEqual([
      'Prepare Your Soil',
      'Change the Discourse',
      'Center Student Perspectives',
      'Fishbone',
      'Five Whys',
    ]);
  });

  it('writes CSV that spreadsheets read as text: quoted commas, and names that look like formulas kept inert', () => {
    const row = { enrolledAt: '2026-12-01T00:00:00.000Z', lessonsDone: 1, lessonsTotal: 3, lastActivityAt: '2026-12-02T00:00:00.000Z', finishedAt: undefined };
    const csv = reportCsv(
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
    const text = explainImportProblem({ kind: 'invalid', problems });
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/…and \d+ more\n```$/);
    expect(text.startsWith("I couldn't import that course, so nothing was changed. Here are 80 things to fix")).toBe(true);
  });
});
