/**
 * Discord's brake on bots opening many new DM channels in a short time: past it, `POST
 * /users/@me/channels` answers 403 with 40003 "You are opening direct messages too fast"
 * (JSON Error Codes; the 403 status as bots report it, e.g. davidhozic/discord-advertisement-framework#82,
 * DasWolke/SnowTransfer#43: "a few dozen at once").
 *
 * UNVERIFIED: Discord publishes neither the number nor the window, nor whether reopening a DM
 * channel the bot already has counts. The emulator counts only new channels, and its default
 * (`DISCORD_DM_OPENINGS`) is a guess kept in this one place; tests tighten it to provoke 40003.
 */

export interface DmOpeningLimit {
  /** How many new DM channels the bot may open within `windowMs`. */
  readonly limit: number;
  readonly windowMs: number;
}

/** UNVERIFIED guess: ten new DM channels a minute. */
export const DISCORD_DM_OPENINGS: DmOpeningLimit = { limit: 10, windowMs: 60_000 };

export class DmOpenings {
  readonly #opened: number[] = [];

  /** `null`: no brake at all (benchmarks that study other limits). */
  constructor(
    private readonly rule: DmOpeningLimit | null,
    /** The world's clock, so a test moving time forward lets the window pass. */
    private readonly now: () => number,
  ) {}

  /** Takes one opening if the window allows it; false means Discord would answer 40003. */
  take(): boolean {
    if (this.rule === null) return true;
    const now = this.now();
    while (this.#opened.length > 0 && (this.#opened[0] ?? 0) <= now - this.rule.windowMs) this.#opened.shift();
    if (this.#opened.length >= this.rule.limit) return false;
    this.#opened.push(now);
    return true;
  }
}
