import type { MessageRecord, World, WorldEvent } from '@roots-bot/discord-emulator';

export type BotChange = { readonly type: 'posted'; readonly record: MessageRecord } | { readonly type: 'removed'; readonly channelId: string; readonly messageId: string };

/**
 * Everything the bot writes, delivered to the terminal: at once while the person is idle, held back
 * while one of their commands runs so its direct answer prints first. Several edits to one message
 * while held collapse into its latest state.
 */
export class BotFeed {
  readonly #held = new Map<string, BotChange>();
  #holding = false;
  readonly #listener = (event: WorldEvent) => this.#receive(event);

  constructor(
    private readonly world: World,
    private readonly botId: string,
    private readonly deliver: (change: BotChange) => void,
  ) {
    world.events.on('change', this.#listener);
  }

  #receive(event: WorldEvent): void {
    let change: BotChange;
    let key: string;
    if (event.type === 'message' || event.type === 'messageUpdate') {
      if (event.record.message.author.id !== this.botId) return;
      change = { type: 'posted', record: event.record };
      key = event.record.message.id;
    } else if (event.type === 'messageDelete') {
      change = { type: 'removed', channelId: event.channelId, messageId: event.messageId };
      key = event.messageId;
    } else {
      return;
    }
    if (!this.#holding) return this.deliver(change);
    // A Map keeps first-insertion order: messages print in the order they were posted, as in a channel.
    this.#held.set(key, change);
  }

  hold(): void {
    this.#holding = true;
  }

  release(): void {
    this.#holding = false;
    const changes = [...this.#held.values()];
    this.#held.clear();
    for (const change of changes) this.deliver(change);
  }

  stop(): void {
    this.world.events.off('change', this.#listener);
  }
}
