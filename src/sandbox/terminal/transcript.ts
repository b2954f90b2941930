import type { MessageView } from '@roots-bot/discord-emulator';
import type { Io } from './io.js';
import { renderMessage, type RenderContext } from './render.js';

/**
 * What the person has been shown. It prints each message once per version (so the bot's direct
 * answer and the same message arriving through the feed don't print twice), and remembers the
 * last message with buttons or a menu, which `click` and `select` act on.
 */
export class Transcript {
  readonly #shown = new Map<string, string>();
  #interactive: MessageView | null = null;

  constructor(
    private readonly io: Io,
    private readonly context: RenderContext,
  ) {}

  get lastInteractive(): MessageView | null {
    return this.#interactive;
  }

  /** Prints the message unless this version of it is already on screen; says whether it printed. */
  message(view: MessageView): boolean {
    if (view.loading) return false;
    const version = JSON.stringify([view.content, view.embeds, view.raw.components ?? [], view.attachments]);
    const before = this.#shown.get(view.id);
    if (before === version) return false;
    this.#shown.set(view.id, version);
    this.#track(view);
    this.io.print('', ...renderMessage(view, this.context, { edited: before !== undefined }));
    return true;
  }

  /** A message from the history of a channel: shown as it is now, without "edited". */
  history(view: MessageView): void {
    this.#shown.delete(view.id);
    this.message(view);
  }

  removed(messageId: string, place: string): void {
    if (!this.#shown.delete(messageId)) return;
    if (this.#interactive?.id === messageId) this.#interactive = null;
    this.io.print('', this.context.style.dim(`The bot removed one of its messages in ${place}.`));
  }

  #track(view: MessageView): void {
    if (view.buttons.length > 0 || view.selects.length > 0) this.#interactive = view;
    else if (this.#interactive?.id === view.id) this.#interactive = null;
  }
}
