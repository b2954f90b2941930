import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { reachFailure } from '../../src/onboarding/discord/delivery.js';

const refused = (code: number) => new DiscordAPIError({ code, message: 'refused' }, code, 400, 'POST', '/users/@me/channels', {});

describe('what a refused attempt to reach a member means', () => {
  it('waits on "opening DMs too fast", takes "no mutual guilds" as closed DMs, and throws the rest on', () => {
    expect(reachFailure(refused(40003))).toBe('later');
    expect(reachFailure(refused(50007))).toBe('closed');
    expect(reachFailure(refused(50278))).toBe('closed');
    expect(reachFailure(refused(0))).toBe('unexpected');
    expect(reachFailure(new Error('socket hang up'))).toBe('unexpected');
  });
});
