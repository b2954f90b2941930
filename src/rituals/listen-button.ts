import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { z } from 'zod';
import { customId } from '../interactions/custom-id.js';

/** The podcast club's "I listened" button: its custom_id carries the post's ledger id. */
export const listenedButton = customId('ritual', 'listened', 1, [z.string().regex(/^\d{1,15}$/).transform(Number)]);

export function listenButtonRow(occurrenceId: number | null, count: number): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        // A preview has no occurrence yet: the button shows, but there is nothing to count.
        custom_id: listenedButton.encode(occurrenceId ?? 0),
        disabled: occurrenceId === null,
        emoji: { name: '🎧' },
        label: count === 0 ? 'I listened' : `I listened · ${count}`,
      },
    ],
  };
}
