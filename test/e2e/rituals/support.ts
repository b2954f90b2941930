import { InteractionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { ChannelRecord, EmulatorOptions, GuildRecord, MessageView, Response, UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import type { DatabaseTarget } from '../../../src/db/target.js';
import { createRitualsFeature, RITUALS } from '../../../src/rituals/discord/feature.js';
import type { RuntimeOptions } from '../../../src/rituals/discord/runtime.js';
import { startTestBed, type TestBed } from '../../support/bot.js';

/** A server with a moderator, a member, a #poems channel and a #mod-log, and the rituals feature on a ManualClock. */
export interface RitualBed {
  readonly bed: TestBed;
  readonly clock: ManualClock;
  readonly guild: GuildRecord;
  readonly general: ChannelRecord;
  readonly poems: ChannelRecord;
  readonly modLog: ChannelRecord;
  readonly morgan: UserRecord;
  readonly alice: UserRecord;
  /** Resolves when the rituals ticker and every delivery in flight are done. */
  settled(): Promise<void>;
  /** Moves the clock (a tick follows at once) and waits for the tick to finish. */
  at(iso: string): Promise<void>;
  /** Runs a slash command as the moderator and returns the private reply. */
  asModerator(command: string, options?: Readonly<Record<string, string | number | boolean>>): Promise<MessageView>;
  /** Points the server's log channel at #mod-log, as a moderator would have set it. */
  useLogChannel(): Promise<void>;
  close(): Promise<void>;
}

export function messageOf(response: Response): MessageView {
  if (response.kind !== 'message') throw new Error(`expected a message, got ${response.kind}`);
  return response.message;
}

export async function startRitualBed(start: string, options: { emulator?: EmulatorOptions; runtime?: RuntimeOptions; database?: DatabaseTarget } = {}): Promise<RitualBed> {
  const clock = new ManualClock(Date.parse(start));
  let guild!: GuildRecord;
  let general!: ChannelRecord;
  let poems!: ChannelRecord;
  let modLog!: ChannelRecord;
  let morgan!: UserRecord;
  let alice!: UserRecord;
  const bed = await startTestBed(
    (h) => {
      guild = h.guild('Roots', { owner: 'owner' });
      general = h.channel(guild, 'general');
      poems = h.channel(guild, 'poems');
      modLog = h.channel(guild, 'mod-log');
      morgan = h.member(guild, 'morgan', { roles: [h.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild)] });
      alice = h.member(guild, 'alice');
    },
    {
      clock,
      features: () => [createRitualsFeature(options.runtime)],
      ...(options.emulator ? { emulator: options.emulator } : {}),
      ...(options.database ? { database: options.database } : {}),
    },
  );
  const settled = async () => {
    const rituals = bed.bot.ctx.features.get(RITUALS)?.running();
    if (rituals === undefined) throw new Error('the rituals feature is not running');
    await rituals.settled();
  };
  return {
    bed,
    clock,
    guild,
    general,
    poems,
    modLog,
    morgan,
    alice,
    settled,
    async at(iso) {
      clock.set(Date.parse(iso));
      await settled();
    },
    async asModerator(command, commandOptions = {}) {
      return messageOf(await bed.harness.as(morgan).run('#general', command, commandOptions));
    },
    async useLogChannel() {
      await bed.bot.db.updateTable('guild_settings').set({ log_channel_id: modLog.id }).where('guild_id', '=', guild.id).execute();
    },
    close: () => bed.close(),
  };
}

/** The bot's posts in a channel (what members see), oldest first. */
export function postsIn(rb: RitualBed, channel: ChannelRecord): MessageView[] {
  return rb.bed.harness.read(channel).filter((m) => m.authorId === rb.bed.harness.emulator.bot.id);
}

/**
 * A command that reaches the bot from a member although Discord hides it from them: what happens
 * when a server's admin opens a command to everyone in Server Settings → Integrations.
 */
export async function runDespiteHiding(rb: RitualBed, user: UserRecord, command: string, options: Readonly<Record<string, string>> = {}): Promise<MessageView> {
  const { emulator } = rb.bed.harness;
  const data = emulator.commands.buildData({ command, options }, { guildId: rb.guild.id, channelId: rb.general.id, userId: rb.morgan.id }, () => {
    throw new Error('no uploads here');
  });
  const record = emulator.interactions.create({ type: InteractionType.ApplicationCommand, userId: user.id, channelId: rb.general.id, data });
  return messageOf(await rb.bed.harness.outcome(record));
}

export async function ritualRows(rb: RitualBed) {
  return rb.bed.bot.db.selectFrom('ritual_occurrences').select(['schedule_id', 'occurrence_at', 'state', 'attempts']).orderBy('occurrence_at').execute();
}

export function expectOnePostAt(rb: RitualBed, channel: ChannelRecord, iso: string): MessageView {
  const posts = postsIn(rb, channel);
  expect(posts).toHaveLength(1);
  expect(posts[0]?.embeds[0]?.timestamp).toBe(new Date(iso).toISOString());
  return posts[0] as MessageView;
}
