import { GatewayDispatchEvents, type Client } from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../context.js';
import { deliverOnce, grantMemberRole } from './delivery.js';
import { findOnboardingSettings } from './settings.js';
import { admitMember, markLeft, passScreening } from './walks.js';

/**
 * Joins, rules screening and departures, straight from the gateway. The raw events are used rather
 * than discord.js' member events because those depend on the member cache: a member who joined
 * before a restart, in a large server, may not be cached, and their screening would go unseen.
 */

const GatewayUser = z.object({ id: z.string(), username: z.string(), global_name: z.string().nullish(), bot: z.boolean().optional() });
const MemberPayload = z.object({ guild_id: z.string(), user: GatewayUser, nick: z.string().nullish(), pending: z.boolean().optional() });
const RemovePayload = z.object({ guild_id: z.string(), user: GatewayUser });

type Member = z.output<typeof MemberPayload>;

const displayName = (member: Member) => member.nick ?? member.user.global_name ?? member.user.username;

async function onJoin(client: Client, ctx: BotContext, member: Member): Promise<void> {
  const settings = await findOnboardingSettings(ctx.db, member.guild_id);
  if (!settings) return;
  const result = await admitMember(ctx, {
    guildId: member.guild_id,
    userId: member.user.id,
    displayName: displayName(member),
    pending: member.pending ?? false,
    defaults: ctx.content.onboarding.tenets,
  });
  switch (result.kind) {
    case 'deliver':
      await deliverOnce(client, ctx, result.walk, result.greeting);
      return;
    case 'already-finished': {
      // They walked it before; leaving took their roles, so give the member role back.
      const guild = client.guilds.cache.get(member.guild_id);
      if (guild) await grantMemberRole(client, ctx, guild, settings, member.user.id);
      return;
    }
    case 'awaiting-screening':
    case 'in-progress':
      return;
  }
}

async function onUpdate(client: Client, ctx: BotContext, member: Member): Promise<void> {
  // Every member change arrives here; only the end of rules screening matters.
  if (member.pending !== false) return;
  const passed = await passScreening(ctx, member.guild_id, member.user.id);
  if (passed) await deliverOnce(client, ctx, passed.walk, passed.greeting);
}

/** Runs background work and lets shutdown wait for it, refusing new work once stopping. */
export interface WorkTracker {
  run(name: string, task: () => Promise<void>): void;
}

function listen<S extends z.ZodType>(client: Client, ctx: BotContext, work: WorkTracker, event: GatewayDispatchEvents, schema: S, handle: (data: z.output<S>) => Promise<void>): void {
  client.ws.on(event, (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      ctx.logger.warn({ event, issues: parsed.error.issues }, 'a gateway event did not have the expected shape');
      return;
    }
    work.run(event, () => handle(parsed.data));
  });
}

export function listenForMembers(client: Client, ctx: BotContext, work: WorkTracker): void {
  listen(client, ctx, work, GatewayDispatchEvents.GuildMemberAdd, MemberPayload, async (member) => {
    if (!member.user.bot) await onJoin(client, ctx, member);
  });
  listen(client, ctx, work, GatewayDispatchEvents.GuildMemberUpdate, MemberPayload, async (member) => {
    if (!member.user.bot) await onUpdate(client, ctx, member);
  });
  listen(client, ctx, work, GatewayDispatchEvents.GuildMemberRemove, RemovePayload, ({ guild_id, user }) => markLeft(ctx, guild_id, user.id));
}
