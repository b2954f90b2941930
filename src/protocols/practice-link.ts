import { z } from 'zod';
import { arg, customId } from '../interactions/custom-id.js';

/** A protocol's id in `data/protocols/` (the file name without `.json`), e.g. `five-whys`. */
export const ProtocolId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be a short id in lowercase letters, digits and dashes, like five-whys');

/**
 * The seam between courses and protocols: a course lesson may name a protocol to practise, and
 * `/course lesson` shows a button with this custom_id; the protocols feature handles the click by
 * starting that protocol in a thread. It lives outside `discord/` because courses build the button
 * (`discord/custom-ids.ts` lists it with the others).
 */
export const practiseProtocol = customId('protocol', 'practise', 1, [arg.key]);
