import type { AutocompleteInteraction, BaseInteraction, ChatInputCommandInteraction, Interaction, MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { isAllowed } from './access.js';
import { parseCustomId } from './custom-id.js';
import { isDatabaseBusy, recordingWrites, type WriteRecord } from '../db/busy.js';
import { databaseBusy, errorReference, somethingWentWrong, UserFacingError } from './errors.js';
import { writingForServer } from '../db/write-scope.js';
import type { BoundHandler, CommandAction, ComponentRoute } from './handlers.js';
import { CommandRegistryError, type CommandRegistry } from './registry.js';
import { interactionMessages } from './messages.js';
import { localeReaderOf } from './reader.js';
import { replyPrivately } from './replies.js';
import { createInFlight } from '../scheduling/in-flight.js';

type RouterSays = 'server-only' | 'stale-component' | 'unknown-command' | 'not-a-moderator';

/** What the router itself tells a member, in their language. */
function refusal(interaction: BaseInteraction, key: RouterSays): UserFacingError {
  return new UserFacingError(interactionMessages.for(localeReaderOf(interaction))(key));
}

/** The answer to a click on a button its message no longer carries, or an old version of it. */
export const staleComponent = (interaction: BaseInteraction): UserFacingError => refusal(interaction, 'stale-component');

export interface InteractionRouter {
  handle(interaction: Interaction): Promise<void>;
  /** Resolves when every handler that has started has finished: graceful shutdown waits on it. */
  settled(): Promise<void>;
}

function subcommandKey(interaction: ChatInputCommandInteraction): string | undefined {
  const sub = interaction.options.getSubcommand(false);
  if (sub === null) return undefined;
  const group = interaction.options.getSubcommandGroup(false);
  return group === null ? sub : `${group} ${sub}`;
}

function describe(interaction: Interaction): Record<string, string | null> {
  return {
    id: interaction.id,
    type: String(interaction.type),
    user: interaction.user.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null,
    customId: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : null,
  };
}

/**
 * Dispatches every interaction to its handler inside one safety net: a member always gets an answer,
 * an unexpected error is logged with a reference the member can quote, and the process never dies
 * of a handler's error.
 */
export function createRouter(registry: CommandRegistry, ctx: BotContext, extraComponents: readonly ComponentRoute[] = []): InteractionRouter {
  const components = new Map(registry.components);
  for (const route of extraComponents) {
    // A silent override would send one feature's clicks to another's handler.
    if (components.has(route.spec.key)) throw new CommandRegistryError([`the custom_id "${route.spec.key}" is handled twice`]);
    components.set(route.spec.key, route);
  }
  const inFlight = createInFlight(ctx.logger);

  async function runCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = registry.commands.get(interaction.commandName);
    if (command === undefined) throw refusal(interaction, 'unknown-command');
    let action: CommandAction | undefined;
    if ('subcommands' in command) {
      const key = subcommandKey(interaction);
      action = key === undefined ? undefined : command.subcommands[key];
    } else {
      action = command;
    }
    if (action === undefined) throw refusal(interaction, 'unknown-command');
    if (action.scope === 'server') {
      if (!interaction.inGuild()) throw refusal(interaction, 'server-only');
      if (!isAllowed(action.access, interaction)) throw refusal(interaction, 'not-a-moderator');
      await action.run(interaction, ctx);
      return;
    }
    if (!isAllowed(action.access, interaction)) throw refusal(interaction, 'not-a-moderator');
    await action.run(interaction, ctx);
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const autocomplete = registry.commands.get(interaction.commandName)?.autocomplete;
    if (autocomplete?.scope === 'server') {
      // A server's courses, rituals and runs mean nothing anywhere else.
      if (interaction.inGuild()) await autocomplete.run(interaction, ctx);
      else await interaction.respond([]);
      return;
    }
    if (autocomplete === undefined) await interaction.respond([]);
    else await autocomplete.run(interaction, ctx);
  }

  async function runComponent(interaction: MessageComponentInteraction | ModalSubmitInteraction): Promise<void> {
    const parsed = parseCustomId(interaction.customId);
    const route = parsed && components.get(parsed.key);
    if (route?.scope === 'server' && !interaction.inGuild()) throw refusal(interaction, 'server-only');
    // A click is only as good as the message it came from: a custom_id that message doesn't carry
    // was written by hand, and must not act on (or rewrite) a message it was never part of.
    if (interaction.isMessageComponent() && !interaction.component) throw staleComponent(interaction);
    const bound: BoundHandler | undefined =
      parsed && route && route.spec.version === parsed.version ? route.bind(interaction, parsed.args) : undefined;
    if (route === undefined || bound === undefined) throw staleComponent(interaction);
    if (!isAllowed(route.access, interaction)) throw refusal(interaction, 'not-a-moderator');
    await bound(ctx);
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) return runCommand(interaction);
    if (interaction.isAutocomplete()) return runAutocomplete(interaction);
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) return runComponent(interaction);
  }

  async function tellMember(interaction: Interaction, message: string): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      await replyPrivately(interaction, message);
    }
  }

  async function handleSafely(interaction: Interaction): Promise<void> {
    // Whether this interaction committed anything, so a busy database is explained truthfully.
    const writes: WriteRecord = { wrote: false };
    try {
      // In a server, everything it writes is that server's: other servers' work may write meanwhile.
      await recordingWrites(writes, () => writingForServer(interaction.guildId, () => dispatch(interaction)));
    } catch (error) {
      let message: string;
      if (error instanceof UserFacingError) {
        message = error.message;
      } else if (isDatabaseBusy(error)) {
        // Not a bug: another program held the database. The member can simply try again.
        ctx.logger.warn({ err: error, wrote: writes.wrote, interaction: describe(interaction) }, 'the database was busy; the member was asked to try again');
        message = databaseBusy(writes.wrote, localeReaderOf(interaction));
      } else {
        const ref = errorReference();
        ctx.logger.error({ err: error, ref, interaction: describe(interaction) }, 'an interaction handler failed');
        message = somethingWentWrong(ref, localeReaderOf(interaction));
      }
      try {
        await tellMember(interaction, message);
      } catch (replyError) {
        ctx.logger.warn({ err: replyError, interaction: describe(interaction) }, 'could not tell the member about a failure');
      }
    }
  }

  return {
    handle: (interaction) => inFlight.track(handleSafely(interaction)),
    settled: inFlight.settled,
  };
}
