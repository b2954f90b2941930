import type { FastifyRequest } from 'fastify';
import { canonicalTimeZone } from '../rituals/time-zones.js';

/** The viewer's time zone, as their browser reported it (the dashboard's script sets the cookie). */
export function viewerZoneOf(request: FastifyRequest): string | undefined {
  const raw = request.cookies['viewer_zone'];
  return raw === undefined ? undefined : canonicalTimeZone(raw);
}
