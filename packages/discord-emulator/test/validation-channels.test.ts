import { ChannelType, ThreadAutoArchiveDuration } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  validateDmChannelCreate,
  validateThreadFromMessage,
  validateThreadModify,
  validateThreadWithoutMessage,
} from '../src/validation/index.js';
import { accepted, chars, leaf, refused } from './validation-support.js';


describe('starting a thread', () => {
  it.each([
    ['from a message', validateThreadFromMessage],
    ['without a message', validateThreadWithoutMessage],
  ])('%s: a name of 1-100 characters, a known archive duration, a slowmode of 0-21600 seconds', (_, validate) => {
    expect(validate({ name: chars(100), auto_archive_duration: ThreadAutoArchiveDuration.OneWeek, rate_limit_per_user: 21600 }).ok).toBe(true);
    expect(refused(validate({ name: chars(101) }))).toEqual({ name: leaf('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') });
    expect(refused(validate({ name: '' }))).toEqual({ name: leaf('BASE_TYPE_BAD_LENGTH') });
    expect(refused(validate({}))).toEqual({ name: leaf('BASE_TYPE_REQUIRED', 'This field is required') });
    expect(refused(validate({ name: 't', auto_archive_duration: 120 }))).toEqual({
      auto_archive_duration: leaf('BASE_TYPE_CHOICES', 'Value must be one of {60, 1440, 4320, 10080}.'),
    });
    expect(refused(validate({ name: 't', rate_limit_per_user: 21601 }))).toEqual({
      rate_limit_per_user: leaf('NUMBER_TYPE_MAX', 'int value should be less than or equal to 21600.'),
    });
    expect(refused(validate({ name: 't', rate_limit_per_user: -1 }))).toEqual({ rate_limit_per_user: leaf('NUMBER_TYPE_MIN') });
  });

  it('without a message, takes a thread type and invitable', () => {
    expect(accepted(validateThreadWithoutMessage({ name: 'Week 3', type: ChannelType.PrivateThread, invitable: false }))).toEqual({
      name: 'Week 3',
      type: ChannelType.PrivateThread,
      invitable: false,
    });
    expect(validateThreadWithoutMessage({ name: 'Week 3', type: ChannelType.PublicThread }).ok).toBe(true);
    expect(refused(validateThreadWithoutMessage({ name: 'Week 3', type: ChannelType.GuildText }))).toEqual({
      type: leaf('BASE_TYPE_CHOICES', 'Value must be one of {10, 11, 12}.'),
    });
  });
});

describe('modifying a thread', () => {
  it('archives, locks and renames', () => {
    expect(accepted(validateThreadModify({ archived: true, locked: true }))).toEqual({ archived: true, locked: true });
    expect(validateThreadModify({ name: 'Renamed', rate_limit_per_user: null, auto_archive_duration: 60 }).ok).toBe(true);
  });

  it('holds the same limits as creation, and up to 5 tags', () => {
    expect(refused(validateThreadModify({ name: chars(101), archived: 'yes' }))).toEqual({
      name: leaf('BASE_TYPE_BAD_LENGTH'),
      archived: leaf('BOOLEAN_TYPE_CONVERT'),
    });
    expect(refused(validateThreadModify({ applied_tags: ['1', '2', '3', '4', '5', '6'] }))).toEqual({
      applied_tags: leaf('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.'),
    });
  });
});

describe('opening a DM', () => {
  it('takes the recipient as a snowflake string or integer, handed on as a string', () => {
    expect(accepted(validateDmChannelCreate({ recipient_id: '80351110224678912' }))).toEqual({ recipient_id: '80351110224678912' });
    expect(accepted(validateDmChannelCreate({ recipient_id: 1234 }))).toEqual({ recipient_id: '1234' });
  });

  it('refuses anything else', () => {
    expect(refused(validateDmChannelCreate({ recipient_id: 'me' }))).toEqual({
      recipient_id: leaf('NUMBER_TYPE_COERCE', 'Value "me" is not snowflake.'),
    });
    expect(refused(validateDmChannelCreate({}))).toEqual({ recipient_id: leaf('BASE_TYPE_REQUIRED') });
  });
});
