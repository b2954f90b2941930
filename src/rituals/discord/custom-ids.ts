import { arg, customId, type CustomIdSpec } from '../../interactions/custom-id.js';
import type { LibraryKind } from '../model.js';

/** Every custom_id the rituals feature's messages carry. Each one's handler is named beside it. */

/** `/ritual delete`'s confirmation: the ritual's id (ritual-routes.ts). */
export const confirmDelete = customId('ritual', 'delete', 1, [arg.id]);
/** `/ritual delete`'s "Keep it" (ritual-routes.ts). */
export const keepRitual = customId('ritual', 'keep', 1, []);
/** The podcast club's "I listened" button: the post's ledger id (listen-routes.ts). */
export const listenedButton = customId('ritual', 'listened', 1, [arg.id]);
/** The form of `/poem add` and `/podcast add` (library-routes.ts). */
export const addEntryForm: Readonly<Record<LibraryKind, CustomIdSpec<readonly []>>> = {
  poem: customId('poem', 'add', 1, []),
  podcast: customId('podcast', 'add', 1, []),
};
