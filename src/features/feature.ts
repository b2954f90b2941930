import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import type { ComponentRoute } from '../interactions/handlers.js';
import type { PrivacyProvider } from '../privacy/provider.js';

/** Something running in the background (a scheduler, a timer) that shutdown must stop first. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * A feature of the bot (onboarding, rituals, courses, protocols): the parts that are not slash
 * commands. Each feature is made by a factory (`createRitualsFeature()`), once per bot, and keeps
 * its per-bot state (work in flight, a runtime) inside itself; commands live in `commands/`.
 */
export interface Feature {
  /** Unique among the bot's features: the key of its data in `/privacy export`. */
  readonly name: string;
  /** Buttons, selects and modals not owned by one command (e.g. onboarding buttons in DMs). */
  readonly components?: readonly ComponentRoute[];
  /** Subscribes to gateway events (member joins, thread updates), before the bot logs in. */
  attach?(client: Client, ctx: BotContext): void;
  /** Starts background work once the bot is ready; stopped before the client closes. */
  start?(client: Client<true>, ctx: BotContext): Promise<Stoppable>;
  readonly privacy?: PrivacyProvider;
}
