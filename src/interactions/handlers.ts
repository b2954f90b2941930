import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Access } from './access.js';
import type { CustomIdSpec } from './custom-id.js';

export type Run<I> = (interaction: I, ctx: BotContext) => Promise<void>;

export interface CommandAction {
  readonly access: Access;
  readonly run: Run<ChatInputCommandInteraction>;
}

/** What a `commands/*.ts` file exports by default. */
export type SlashCommand = {
  /** A SlashCommandBuilder (or anything that serializes to a chat-input command). */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  readonly autocomplete?: Run<AutocompleteInteraction>;
  /** Buttons, selects and modals that this command's messages carry. */
  readonly components?: readonly ComponentRoute[];
} & (
  | CommandAction
  /** Keyed by subcommand name, or `group subcommand` for grouped ones; each with its own access. */
  | { readonly subcommands: Readonly<Record<string, CommandAction>> }
);

export function defineCommand(command: SlashCommand): SlashCommand {
  return command;
}

export type ComponentKind = 'button' | 'select' | 'modal';

type InteractionOf<K extends ComponentKind> = K extends 'button'
  ? ButtonInteraction
  : K extends 'select'
    ? StringSelectMenuInteraction
    : ModalSubmitInteraction;

export type BoundHandler = (ctx: BotContext) => Promise<void>;

/** A component handler with its argument types erased, so routes of every shape share one table. */
export interface ComponentRoute {
  readonly kind: ComponentKind;
  readonly spec: CustomIdSpec;
  readonly access: Access;
  /** Undefined when the arguments no longer fit (a message older than the handler's version). */
  bind(interaction: MessageComponentInteraction | ModalSubmitInteraction, rawArgs: readonly string[]): BoundHandler | undefined;
}

type ArgsOf<S> = S extends CustomIdSpec<infer A> ? { readonly [K in keyof A]: z.output<A[K]> } : never;

function matchesKind(kind: ComponentKind, interaction: MessageComponentInteraction | ModalSubmitInteraction): boolean {
  switch (kind) {
    case 'button':
      return interaction.isButton();
    case 'select':
      return interaction.isStringSelectMenu();
    case 'modal':
      return interaction.isModalSubmit();
  }
}

export function defineComponent<K extends ComponentKind, S extends CustomIdSpec>(route: {
  readonly kind: K;
  readonly spec: S;
  readonly access?: Access;
  readonly run: (interaction: InteractionOf<K>, args: ArgsOf<S>, ctx: BotContext) => Promise<void>;
}): ComponentRoute {
  return {
    kind: route.kind,
    spec: route.spec,
    access: route.access ?? 'everyone',
    bind(interaction, rawArgs) {
      if (!matchesKind(route.kind, interaction)) return undefined;
      const args = route.spec.decodeArgs(rawArgs) as ArgsOf<S> | undefined;
      if (args === undefined) return undefined;
      return (ctx) => route.run(interaction as InteractionOf<K>, args, ctx);
    },
  };
}
