import { describe, expect, it } from 'vitest';
import { GatewayRefusedError, GatewayUnreachableError, StartupError } from '../../src/bot.js';
import { explainStartFailure } from '../../src/lifecycle.js';

const networkError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('explainStartFailure', () => {
  it('says Discord could not be reached, and what to check, without the codes', () => {
    const text = explainStartFailure(networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND discord.com'), undefined);
    expect(text).toContain('Roots Bot could not start: Discord could not be reached.');
    expect(text).toContain('firewall');
    expect(text).not.toContain('ENOTFOUND');
    expect(text).not.toContain('DISCORD_API_URL');
  });

  it('names DISCORD_API_URL when it is set', () => {
    const text = explainStartFailure(new GatewayUnreachableError(5), 'http://127.0.0.1:9/api');
    expect(text).toContain('Discord at http://127.0.0.1:9/api (DISCORD_API_URL) could not be reached.');
    expect(text).toContain('Check that DISCORD_API_URL is right');
  });

  it('finds a network failure among the causes', () => {
    const wrapped = new GatewayUnreachableError(1, { cause: networkError('ECONNRESET', 'socket hang up') });
    expect(explainStartFailure(new StartupError('while connecting', { cause: wrapped }), undefined)).toContain('could not be reached');
  });

  it('has its own sentence for a token the gateway refused (4004) and for the members intent (4014)', () => {
    expect(explainStartFailure(new GatewayRefusedError(4004), undefined)).toContain('Discord did not accept the bot token');
    expect(explainStartFailure(new GatewayRefusedError(4014), undefined)).toContain('Server Members Intent');
  });

  it('points at SHARD_COUNT when Discord refuses the shards (4010) or requires sharding (4011)', () => {
    expect(explainStartFailure(new GatewayRefusedError(4011), undefined)).toContain('Discord requires sharding');
    expect(explainStartFailure(new GatewayRefusedError(4011), undefined)).toContain('SHARD_COUNT=auto');
    expect(explainStartFailure(new GatewayRefusedError(4010), undefined)).toContain('Discord refused the number of shards (SHARD_COUNT)');
  });

  it('passes anything else on with its message', () => {
    expect(explainStartFailure(new StartupError('The content in data/ has problems'), undefined)).toBe('Roots Bot could not start: The content in data/ has problems');
  });
});
