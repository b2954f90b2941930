import { GatewayDispatchEvents, type Client } from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../../context.js';
import type { InFlight } from '../../scheduling/in-flight.js';
import { createKeyedQueue, type KeyedQueue } from '../../scheduling/keyed-queue.js';
import { findOnboardingSettings, type OnboardingSettings } from '../settings.js';
import { admitMember, markLeft, passScreening, passScreeningAgain } from '../walks.js';
import { grantMemberRole, type DeliverOnce } from './delivery.js';

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

/** A member who finished their walk before is back: leaving took their roles, so give the member role back. */
async function giveRoleBack(client: Client, ctx: BotContext, settings: OnboardingSettings, member: Member): Promise<void> {
  const guild = client.guilds.cache.get(member.guild_id);
  if (guild) await grantMemberRole(client, ctx, guild, settings, member.user.id);
}

async function onJoin(client: Client, ctx: BotContext, deliverOnce: DeliverOnce, member: Member): Promise<void> {
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
    case 'already-finished':
      return giveRoleBack(client, ctx, settings, member);
    // A role would let a pending member skip the rules: it waits for the end of screening (onUpdate).
    case 'finished-awaiting-screening':
    case 'awaiting-screening':
    case 'in-progress':
      return;
  }
}

async function onUpdate(client: Client, ctx: BotContext, deliverOnce: DeliverOnce, member: Member): Promise<void> {
  // Every member change arrives here; only the end of rules screening matters.
  if (member.pending !== false) return;
  const passed = await passScreening(ctx, member.guild_id, member.user.id);
  if (passed) {
    await deliverOnce(client, ctx, passed.walk, passed.greeting);
    return;
  }
  // Back after finishing: the member role waited for the rules, as Discord asks of bots.
  if (!(await passScreeningAgain(ctx, member.guild_id, member.user.id))) return;
  const settings = await findOnboardingSettings(ctx.db, member.guild_id);
  if (settings) await giveRoleBack(client, ctx, settings, member);
}

type Unlisten = () => void;

/** Where a member event belongs: one member of one server. */
const memberKey = (data: { guild_id: string; user: { id: string } }) => `${data.guild_id}/${data.user.id}`;

interface Listening {
  readonly client: Client;
  readonly ctx: BotContext;
  readonly work: InFlight;
  /** One member's events are handled in the order Discord sent them: a leave then a quick return must not land as a return then a leave. */
  readonly members: KeyedQueue<string>;
}

function listen<S extends z.ZodType<{ guild_id: string; user: { id: string } }>>({ client, ctx, work, members }: Listening, event: GatewayDispatchEvents, schema: S, handle: (data: z.output<S>) => Promise<void>): Unlisten {
  const listener = (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      ctx.logger.warn({ event, issues: parsed.error.issues }, 'a gateway event did not have the expected shape');
      return;
    }
    // Started at once (after this member's earlier events), not on the next tick as `spawn` would:
    // Discord may send a click right behind the leave before it, and the click must find the member gone.
    const data = parsed.data;
    void work.track(members.serialize(memberKey(data), () => handle(data)).catch((error: unknown) => ctx.logger.error({ err: error, event }, 'onboarding could not handle a gateway event')));
  };
  client.ws.on(event, listener);
  return () => client.ws.off(event, listener);
}

/** Listens until the returned function is called (the feature stopping: no new work after that). */
export function listenForMembers(client: Client, ctx: BotContext, work: InFlight, deliverOnce: DeliverOnce): Unlisten {
  const listening: Listening = { client, ctx, work, members: createKeyedQueue<string>() };
  const unlisten = [
    listen(listening, GatewayDispatchEvents.GuildMemberAdd, MemberPayload, async (member) => {
      if (!member.user.bot) await onJoin(client, ctx, deliverOnce, member);
    }),
    listen(listening, GatewayDispatchEvents.GuildMemberUpdate, MemberPayload, async (member) => {
      if (!member.user.bot) await onUpdate(client, ctx, deliverOnce, member);
    }),
    listen(listening, GatewayDispatchEvents.GuildMemberRemove, RemovePayload, ({ guild_id, user }) => markLeft(ctx, guild_id, user.id)),
  ];
  return () => unlisten.forEach((stop) => stop());
}
