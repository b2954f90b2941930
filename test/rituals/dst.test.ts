import { describe, expect, it } from 'vitest';
import { parseCron } from '../../src/rituals/cron.js';
import { dstOutlook } from '../../src/rituals/dst.js';

const spec = (cron: string) => {
  const parsed = parseCron(cron);
  if (!parsed.ok) throw new Error(cron);
  return parsed.spec;
};
const from = new Date('2026-01-01T00:00:00Z');

describe('what daylight saving does to a schedule in the coming year', () => {
  it('finds both clock changes and the run that falls in the skipped hour', () => {
    const outlook = dstOutlook(spec('30 2 * * 0'), 'America/New_York', from);
    expect(outlook.changes.map((change) => change.day)).toEqual([{ year: 2026, month: 3, day: 8 }, { year: 2026, month: 11, day: 1 }]);
    expect(outlook.effects).toEqual([{ kind: 'gap', wall: { year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, postsAt: new Date('2026-03-08T07:00:00Z') }]);
  });

  it('finds the run that falls in the repeated hour, posted the first time', () => {
    const [effect] = dstOutlook(spec('30 1 * * 0'), 'America/New_York', from).effects;
    expect(effect).toMatchObject({ kind: 'overlap', postsAt: new Date('2026-11-01T05:30:00Z'), skippedRepeat: new Date('2026-11-01T06:30:00Z') });
  });

  it('says nothing changes in UTC, and nothing is affected by a run at 9:00', () => {
    expect(dstOutlook(spec('0 9 * * 1'), 'UTC', from)).toEqual({ changes: [], effects: [] });
    const sydney = dstOutlook(spec('0 9 * * 1'), 'Australia/Sydney', from);
    expect(sydney.changes.map((change) => change.day.month)).toEqual([4, 10]);
    expect(sydney.effects).toEqual([]);
  });
});
