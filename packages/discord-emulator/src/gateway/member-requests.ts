import {
  GatewayIntentBits,
  type APIGuildMember,
  type GatewayGuildCreateDispatchData,
  type GatewayGuildMembersChunkDispatchData,
} from 'discord-api-types/v10';
import type { RequestGuildMembersData } from './client-payloads.js';
import { hasIntent } from './intents.js';
import type { SessionViewer } from './types.js';

const MEMBERS_PER_CHUNK = 1000;

/**
 * The GUILD_MEMBERS_CHUNK dispatches answering an op 8 REQUEST_GUILD_MEMBERS, or null where Discord
 * stays silent: an unknown guild, or the whole member list asked for without GUILD_MEMBERS.
 */
export function answerMemberRequest(
  request: RequestGuildMembersData,
  guild: GatewayGuildCreateDispatchData | undefined,
  viewer: SessionViewer,
): GatewayGuildMembersChunkDispatchData[] | null {
  if (!guild) return null;
  if (request.query === '' && !hasIntent(viewer.intents, GatewayIntentBits.GuildMembers)) return null;

  const allMembers = guild.members ?? [];
  let matched: APIGuildMember[];
  let notFound: string[] | undefined;
  if (request.user_ids !== undefined) {
    const wanted = Array.isArray(request.user_ids) ? request.user_ids : [request.user_ids];
    matched = allMembers.filter((member) => wanted.includes(member.user.id));
    const found = new Set(matched.map((member) => member.user.id));
    notFound = wanted.filter((id) => !found.has(id));
  } else {
    const query = (request.query ?? '').toLowerCase();
    matched = allMembers.filter(
      (member) =>
        member.user.username.toLowerCase().startsWith(query) || (member.nick ?? '').toLowerCase().startsWith(query),
    );
    if (request.limit) matched = matched.slice(0, request.limit);
  }

  const withPresences = request.presences === true && hasIntent(viewer.intents, GatewayIntentBits.GuildPresences);
  const chunkCount = Math.max(1, Math.ceil(matched.length / MEMBERS_PER_CHUNK));
  const chunks: GatewayGuildMembersChunkDispatchData[] = [];
  for (let index = 0; index < chunkCount; index++) {
    const members = matched.slice(index * MEMBERS_PER_CHUNK, (index + 1) * MEMBERS_PER_CHUNK);
    const ids = new Set(members.map((member) => member.user.id));
    chunks.push({
      guild_id: guild.id,
      members,
      chunk_index: index,
      chunk_count: chunkCount,
      ...(index === 0 && notFound ? { not_found: notFound } : {}),
      ...(withPresences
        ? { presences: (guild.presences ?? []).filter((presence) => ids.has(presence.user.id)) }
        : {}),
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    });
  }
  return chunks;
}
