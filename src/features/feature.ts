import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import type { ComponentRoute } from '../interactions/handlers.js';

/** Something running in the background (a scheduler, a timer) that shutdown must stop first. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * What a member's data looks like to one feature, for `/privacy export` and `/privacy forget`.
 * Both run inside one transaction across every feature, so a forget is all or nothing.
 */
export interface PrivacyProvider {
  /** A JSON-friendly summary of everything this feature stores about the member in this server. */
  export(db: Db, guildId: string, userId: string): Promise<unknown>;
  /** Deletes it; returns how many records went. */
  forget(trx: Db, guildId: string, userId: string): Promise<number>;
}

/**
 * A feature of the bot (onboarding, rituals, courses, protocols): the parts that are not slash
 * commands. Commands live in `commands/`; everything else a feature needs is declared here so the
 * bot wires it in one place.
 */
export interface Feature {
  readonly name: string;
  /** Buttons, selects and modals not owned by one command (e.g. onboarding buttons in DMs). */
  readonly components?: readonly ComponentRoute[];
  /** Subscribes to gateway events (member joins, thread updates), before the bot logs in. */
  attach?(client: Client, ctx: BotContext): void;
  /** Starts background work once the bot is ready; stopped before the client closes. */
  start?(client: Client<true>, ctx: BotContext): Promise<Stoppable>;
  readonly privacy?: PrivacyProvider;
}
