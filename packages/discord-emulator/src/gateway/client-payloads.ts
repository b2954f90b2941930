import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import { z } from 'zod';

/** Discord's documented cap on a client payload; larger ones close the socket with 4002. */
export const MAX_CLIENT_PAYLOAD_BYTES = 4096;

const snowflake = z.string().regex(/^\d{1,20}$/);

const envelopeSchema = z.object({ op: z.number().int(), d: z.unknown() });

const identifySchema = z.object({
  token: z.string(),
  properties: z.object({ os: z.string(), browser: z.string(), device: z.string() }),
  compress: z.boolean().optional(),
  large_threshold: z.number().int().optional(),
  shard: z.tuple([z.number().int().min(0), z.number().int().min(1)]).optional(),
  presence: z.unknown().optional(),
  // Checked separately: a missing or malformed value is 4013 (invalid intents), not a shape error.
  intents: z.unknown().optional(),
  capabilities: z.number().int().optional(),
});

const resumeSchema = z.object({
  token: z.string(),
  session_id: z.string(),
  seq: z.number().int().min(0),
});

const heartbeatSchema = z.number().int().nullable();

const requestGuildMembersSchema = z
  .object({
    guild_id: snowflake,
    query: z.string().optional(),
    limit: z.number().int().min(0).optional(),
    presences: z.boolean().optional(),
    user_ids: z.union([snowflake, z.array(snowflake).max(100)]).optional(),
    nonce: z.string().max(32).optional(),
  })
  .refine((d) => d.query !== undefined || d.user_ids !== undefined, 'query or user_ids is required');

const presenceUpdateSchema = z.object({
  since: z.number().nullable(),
  activities: z.array(z.unknown()),
  status: z.string(),
  afk: z.boolean(),
});

/** Accepted for completeness; the emulator has no voice or soundboard to act on. */
const ignoredSchema = z.unknown();

export type IdentifyData = z.infer<typeof identifySchema>;
export type ResumeData = z.infer<typeof resumeSchema>;
export type RequestGuildMembersData = z.infer<typeof requestGuildMembersSchema>;

export type ClientPayload =
  | { op: GatewayOpcodes.Heartbeat; d: number | null }
  | { op: GatewayOpcodes.Identify; d: IdentifyData }
  | { op: GatewayOpcodes.Resume; d: ResumeData }
  | { op: GatewayOpcodes.RequestGuildMembers; d: RequestGuildMembersData }
  | { op: GatewayOpcodes.PresenceUpdate; d: z.infer<typeof presenceUpdateSchema> }
  | {
      op: GatewayOpcodes.VoiceStateUpdate | GatewayOpcodes.RequestSoundboardSounds | GatewayOpcodes.RequestChannelInfo;
      d: unknown;
    };

export type DecodeResult =
  | { ok: true; payload: ClientPayload }
  | { ok: false; code: GatewayCloseCodes; reason: string };

function fail(code: GatewayCloseCodes, reason: string): DecodeResult {
  return { ok: false, code, reason };
}

/**
 * Turns one client frame into a typed payload or the close code Discord would use: 4002 when the
 * frame can't be read as a JSON payload at all, 4001 for an unknown opcode or a malformed `d`.
 */
export function decodeClientFrame(raw: Buffer): DecodeResult {
  if (raw.byteLength > MAX_CLIENT_PAYLOAD_BYTES) return fail(GatewayCloseCodes.DecodeError, 'Payload too large.');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return fail(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return fail(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
  const { op, d } = envelope.data;

  switch (op) {
    case GatewayOpcodes.Heartbeat:
      return check(op, heartbeatSchema, d);
    case GatewayOpcodes.Identify:
      return check(op, identifySchema, d);
    case GatewayOpcodes.Resume:
      return check(op, resumeSchema, d);
    case GatewayOpcodes.RequestGuildMembers:
      return check(op, requestGuildMembersSchema, d);
    case GatewayOpcodes.PresenceUpdate:
      return check(op, presenceUpdateSchema, d);
    case GatewayOpcodes.VoiceStateUpdate:
    case GatewayOpcodes.RequestSoundboardSounds:
    case GatewayOpcodes.RequestChannelInfo:
      return check(op, ignoredSchema, d);
    default:
      return fail(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
  }
}

function check<Op extends ClientPayload['op'], S extends z.ZodType>(op: Op, schema: S, d: unknown): DecodeResult {
  const parsed = schema.safeParse(d);
  if (!parsed.success) return fail(GatewayCloseCodes.UnknownOpcode, `Invalid payload for opcode ${op}.`);
  // The switch in decodeClientFrame pairs each opcode with its schema; TS can't follow that pairing.
  return { ok: true, payload: { op, d: parsed.data } as ClientPayload };
}

/** A copy of `d` safe to keep in test logs. */
export function redactToken(d: unknown): unknown {
  if (typeof d === 'object' && d !== null && 'token' in d) return { ...d, token: '[redacted]' };
  return d;
}
