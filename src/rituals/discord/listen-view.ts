import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { listenedButton } from './custom-ids.js';
import type { RitualsT } from './messages.js';

/** The podcast post's "I listened" button: on a public post, so in the server's language (`t`). */
export function listenButtonRow(t: RitualsT, occurrenceId: number | null, count: number): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        // A preview has no occurrence yet: the button shows, disabled, and its id matches no post.
        custom_id: listenedButton.encode(occurrenceId ?? 0),
        disabled: occurrenceId === null,
        emoji: { name: '🎧' },
        label: count === 0 ? t('listen.button') : t('listen.button-count', { count }),
      },
    ],
  };
}
