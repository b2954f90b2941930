import type {
  AutocompleteInteraction,
  ButtonInteraction,
  CacheType,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Access } from './access.js';
import type { CommandLocalizations } from './command-localizations.js';
import type { CustomIdSpec } from './custom-id.js';

export type Run<I> = (interaction: I, ctx: BotContext) => Promise<void>;

/**
 * Where a command or component works. `'server'` is checked once, in the router, which answers
 * anywhere else with one kind sentence; the handler's interaction is typed as in a server, so it
 * needs no guard of its own.
 */
export type Scope = 'anywhere' | 'server';

/** The cache types of an interaction that happened in a server (`guildId` is a string). */
export type InServer = Exclude<CacheType, undefined>;

/** A chat-input command that happened in a server. */
export type ServerCommand = ChatInputCommandInteraction<InServer>;

/**
 * One command or subcommand handler: who may run it (`access`) and where (`scope`). The scope is
 * a discriminant, so `run`'s parameter is narrowed by it at the definition.
 */
export type CommandAction =
  | { readonly access: Access; readonly scope: 'anywhere'; readonly run: Run<ChatInputCommandInteraction> }
  | { readonly access: Access; readonly scope: 'server'; readonly run: Run<ServerCommand> };

/**
 * Suggestions while a member types an option. Like a command action, `'server'` is checked once in
 * the router (anywhere else nothing is suggested), and the handler's interaction is typed as in a server.
 */
export type Autocomplete =
  | { readonly scope: 'anywhere'; readonly run: Run<AutocompleteInteraction> }
  | { readonly scope: 'server'; readonly run: Run<AutocompleteInteraction<InServer>> };

/** What a `commands/*.ts` file exports by default. */
export type SlashCommand = {
  /** A SlashCommandBuilder (or anything that serializes to a chat-input command). */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  readonly autocomplete?: Autocomplete;
  /** Buttons, selects and modals that this command's messages carry. */
  readonly components?: readonly ComponentRoute[];
  /** The command's names and descriptions in the other languages (`command-localizations.ts`). */
  readonly localizations?: CommandLocalizations;
} & (
  | CommandAction
  /** Keyed by subcommand name, or `group subcommand` for grouped ones; each with its own access. */
  | { readonly subcommands: Readonly<Record<string, CommandAction>> }
);

export function defineCommand(command: SlashCommand): SlashCommand {
  return command;
}

export type ComponentKind = 'button' | 'select' | 'modal';

type InteractionOf<K extends ComponentKind, C extends CacheType> = K extends 'button'
  ? ButtonInteraction<C>
  : K extends 'select'
    ? StringSelectMenuInteraction<C>
    : ModalSubmitInteraction<C>;

export type BoundHandler = (ctx: BotContext) => Promise<void>;

export type ComponentInteraction = MessageComponentInteraction | ModalSubmitInteraction;

/** A component handler with its argument types erased, so routes of every shape share one table. */
export interface ComponentRoute {
  readonly kind: ComponentKind;
  readonly spec: CustomIdSpec;
  readonly access: Access;
  readonly scope: Scope;
  /**
   * Undefined when the interaction is of another kind, happened outside the route's scope, or its
   * arguments no longer fit (a message older than the handler's version): the router tells the
   * member which.
   */
  bind(interaction: ComponentInteraction, rawArgs: readonly string[]): BoundHandler | undefined;
}

type ArgsOf<S> = S extends CustomIdSpec<infer A> ? { readonly [K in keyof A]: z.output<A[K]> } : never;

function isKind<K extends ComponentKind>(kind: K, interaction: ComponentInteraction): interaction is InteractionOf<K, CacheType> {
  switch (kind) {
    case 'button':
      return interaction.isButton();
    case 'select':
      return interaction.isStringSelectMenu();
    case 'modal':
      return interaction.isModalSubmit();
  }
  return false;
}

interface RouteBase<K extends ComponentKind, S extends CustomIdSpec> {
  readonly kind: K;
  readonly spec: S;
  readonly access?: Access;
}

type RouteDefinition<K extends ComponentKind, S extends CustomIdSpec> =
  | (RouteBase<K, S> & {
      readonly scope: 'anywhere';
      readonly run: (interaction: InteractionOf<K, CacheType>, args: ArgsOf<S>, ctx: BotContext) => Promise<void>;
    })
  | (RouteBase<K, S> & {
      readonly scope: 'server';
      readonly run: (interaction: InteractionOf<K, InServer>, args: ArgsOf<S>, ctx: BotContext) => Promise<void>;
    });

export function defineComponent<K extends ComponentKind, S extends CustomIdSpec>(route: RouteDefinition<K, S>): ComponentRoute {
  return {
    kind: route.kind,
    spec: route.spec,
    access: route.access ?? 'everyone',
    scope: route.scope,
    bind(interaction, rawArgs) {
      if (!isKind(route.kind, interaction)) return undefined;
      const args = route.spec.decodeArgs(rawArgs) as ArgsOf<S> | undefined;
      if (args === undefined) return undefined;
      if (route.scope === 'server') {
        if (!interaction.inGuild()) return undefined;
        // inGuild() has just shown what the cast says; TS can't carry it through the generic kind.
        const inServer = interaction as InteractionOf<K, InServer>;
        const run = route.run;
        return (ctx) => run(inServer, args, ctx);
      }
      const run = route.run;
      return (ctx) => run(interaction, args, ctx);
    },
  };
}
