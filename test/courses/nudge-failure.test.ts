import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { nudgeFailureOf } from '../../src/courses/discord/nudge-delivery.js';

const refused = (code: number) => new DiscordAPIError({ code, message: 'refused' }, code, 403, 'POST', '/channels/1/messages', {});

describe('what a refused course nudge means', () => {
  // 50278 and 40003 come from the emulator end to end (test/e2e/courses/moderators.test.ts); an
  // unknown member can't arise from a DM there, so its meaning is pinned here.
  it('takes an unknown member as left, like no server in common, and sorts the rest', () => {
    expect(nudgeFailureOf(refused(10007))).toBe('left');
    expect(nudgeFailureOf(refused(50278))).toBe('left');
    expect(nudgeFailureOf(refused(50007))).toBe('dms-closed');
    expect(nudgeFailureOf(refused(40003))).toBe('later');
    expect(nudgeFailureOf(new Error('socket hang up'))).toBe('failed');
  });
});
