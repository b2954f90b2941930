import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteractionData,
  type APIInteractionDataResolved,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { UploadedFile } from './messages.js';
import type { World } from './world.js';

/**
 * Registered application commands, and how a member's input becomes an interaction's `data`:
 * Discord's client only lets people send options that fit the command, so the emulator refuses
 * anything else before the bot ever sees it.
 */
export class CommandInputError extends Error {
  override readonly name = 'CommandInputError';
}

export type OptionInput = string | number | boolean | { readonly filename: string; readonly data: Buffer | string; readonly contentType?: string };

export interface CommandInput {
  /** `about`, `ritual create`, or `ritual group create`: the command and its subcommand path. */
  readonly command: string;
  readonly options?: Readonly<Record<string, OptionInput>>;
  /** For autocomplete: the option being typed in. */
  readonly focused?: string;
}

export class ApplicationCommands {
  readonly #global: APIApplicationCommand[] = [];
  readonly #guild = new Map<string, APIApplicationCommand[]>();

  constructor(
    private readonly world: World,
    private readonly applicationId: string,
  ) {}

  /** PUT bulk overwrite: commands keep their id when their name and type stay the same, as on Discord. */
  overwrite(guildId: string | null, definitions: RESTPutAPIApplicationCommandsJSONBody): APIApplicationCommand[] {
    const previous = guildId === null ? this.#global : (this.#guild.get(guildId) ?? []);
    const next = definitions.map((definition): APIApplicationCommand => {
      const kept = previous.find((c) => c.name === definition.name && c.type === (definition.type ?? ApplicationCommandType.ChatInput));
      return {
        ...(definition as object),
        id: kept?.id ?? this.world.snowflakes.next(),
        application_id: this.applicationId,
        version: this.world.snowflakes.next(),
        type: definition.type ?? ApplicationCommandType.ChatInput,
        name: definition.name,
        description: 'description' in definition ? (definition.description ?? '') : '',
        default_member_permissions: definition.default_member_permissions ?? null,
        ...(guildId === null ? {} : { guild_id: guildId }),
      } as APIApplicationCommand;
    });
    if (guildId === null) this.#global.splice(0, this.#global.length, ...next);
    else this.#guild.set(guildId, next);
    return next;
  }

  list(guildId: string | null): APIApplicationCommand[] {
    return guildId === null ? [...this.#global] : [...(this.#guild.get(guildId) ?? [])];
  }

  /** What a member sees in a channel: the server's commands first, then global ones. */
  find(guildId: string | null, name: string): APIApplicationCommand | undefined {
    const local = guildId === null ? [] : (this.#guild.get(guildId) ?? []);
    return [...local, ...this.#global].find((c) => c.name === name && c.type === ApplicationCommandType.ChatInput);
  }

  all(guildId: string | null): APIApplicationCommand[] {
    const local = guildId === null ? [] : (this.#guild.get(guildId) ?? []);
    const names = new Set(local.map((c) => c.name));
    return [...local, ...this.#global.filter((c) => !names.has(c.name))];
  }

  /**
   * Builds `data` for a chat-input (or autocomplete) interaction from what a member typed, or throws
   * CommandInputError saying what Discord's client would not have let them send.
   */
  buildData(input: CommandInput, context: { guildId: string | null; channelId: string; userId: string }, upload: (file: UploadedFile) => APIAttachment): APIChatInputApplicationCommandInteractionData {
    const [name = '', ...path] = input.command.trim().replace(/^\//, '').split(/\s+/);
    const command = this.find(context.guildId, name);
    if (!command) throw new CommandInputError(`There is no /${name} command here.`);
    this.#checkAvailable(command, context);

    let level: readonly APIApplicationCommandOption[] = command.options ?? [];
    const trail: { name: string; type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }[] = [];
    for (const segment of path) {
      const option = level.find((o) => o.name === segment);
      if (!option || (option.type !== ApplicationCommandOptionType.Subcommand && option.type !== ApplicationCommandOptionType.SubcommandGroup)) {
        throw new CommandInputError(`/${name} has no subcommand "${segment}".`);
      }
      trail.push({ name: option.name, type: option.type });
      level = option.options ?? [];
    }
    if (level.some((o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup)) {
      const choices = level.map((o) => o.name).join(', ');
      throw new CommandInputError(`/${[name, ...path].join(' ')} needs a subcommand: ${choices}.`);
    }

    const resolved: APIInteractionDataResolved & Record<string, Record<string, unknown>> = {};
    const given = input.options ?? {};
    for (const key of Object.keys(given)) {
      if (!level.some((o) => o.name === key)) throw new CommandInputError(`/${input.command} has no option "${key}".`);
    }
    const values = level.flatMap((option) => {
      const raw = given[option.name];
      if (raw === undefined) {
        if ('required' in option && option.required && input.focused === undefined) throw new CommandInputError(`/${input.command} needs ${option.name}.`);
        return [];
      }
      if (input.focused === option.name) {
        return [{ name: option.name, type: option.type, value: String(raw), focused: true }];
      }
      return [{ name: option.name, type: option.type, value: this.#value(option, raw, context, resolved, upload) }];
    });

    let options: unknown[] = values;
    for (const step of [...trail].reverse()) options = [{ name: step.name, type: step.type, options }];
    return {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(context.guildId === null ? {} : { guild_id: context.guildId }),
      options: options as APIChatInputApplicationCommandInteractionData['options'],
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    } as APIChatInputApplicationCommandInteractionData;
  }

  #checkAvailable(command: APIApplicationCommand, context: { guildId: string | null; channelId: string; userId: string }): void {
    if (context.guildId === null) {
      const contexts = command.contexts ?? null;
      if ((contexts !== null && !contexts.includes(InteractionContextType.BotDM)) || command.dm_permission === false) {
        throw new CommandInputError(`/${command.name} can't be used in DMs.`);
      }
      return;
    }
    if (command.default_member_permissions) {
      const needed = BigInt(command.default_member_permissions);
      const has = this.world.permissionsIn(context.channelId, context.userId);
      if ((has & needed) !== needed) throw new CommandInputError(`/${command.name} is hidden from members without the permissions it needs.`);
    }
  }

  #value(
    option: APIApplicationCommandOption,
    raw: OptionInput,
    context: { guildId: string | null },
    resolved: Record<string, Record<string, unknown>>,
    upload: (file: UploadedFile) => APIAttachment,
  ): string | number | boolean {
    const { world } = this;
    const fail = (why: string): never => {
      throw new CommandInputError(`${option.name}: ${why}.`);
    };
    const text = typeof raw === 'object' ? '' : String(raw);
    const choices = 'choices' in option ? option.choices : undefined;
    const mustBeChoice = (value: string | number) => {
      if (choices && choices.length > 0 && !choices.some((c) => c.value === value)) fail(`pick one of ${choices.map((c) => c.name).join(', ')}`);
      return value;
    };
    const add = (kind: string, id: string, value: unknown) => {
      resolved[kind] ??= {};
      (resolved[kind] as Record<string, unknown>)[id] = value;
    };
    switch (option.type) {
      case ApplicationCommandOptionType.String: {
        if (option.min_length !== undefined && text.length < option.min_length) fail(`must be at least ${option.min_length} characters`);
        if (option.max_length !== undefined && text.length > option.max_length) fail(`must be at most ${option.max_length} characters`);
        if (text.length > 6000) fail('must be at most 6000 characters');
        return mustBeChoice(text);
      }
      case ApplicationCommandOptionType.Integer:
      case ApplicationCommandOptionType.Number: {
        const number = typeof raw === 'number' ? raw : Number(text);
        if (!Number.isFinite(number) || (option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(number))) fail(`must be ${option.type === ApplicationCommandOptionType.Integer ? 'a whole number' : 'a number'}`);
        if (option.min_value !== undefined && number < option.min_value) fail(`must be at least ${option.min_value}`);
        if (option.max_value !== undefined && number > option.max_value) fail(`must be at most ${option.max_value}`);
        return mustBeChoice(number);
      }
      case ApplicationCommandOptionType.Boolean:
        if (typeof raw === 'boolean') return raw;
        if (text === 'true' || text === 'false') return text === 'true';
        return fail('must be true or false');
      case ApplicationCommandOptionType.User:
      case ApplicationCommandOptionType.Mentionable: {
        const user = this.#findUser(text);
        if (user) {
          add('users', user.id, world.apiUser(user.id));
          const member = context.guildId === null ? undefined : world.guild(context.guildId).members.get(user.id);
          if (member && context.guildId) {
            const { user: _user, ...partial } = world.apiMember(member);
            add('members', user.id, { ...partial, permissions: '0' });
          }
          return user.id;
        }
        if (option.type === ApplicationCommandOptionType.Mentionable && context.guildId) {
          const role = this.#findRole(context.guildId, text);
          if (role) {
            add('roles', role.id, role);
            return role.id;
          }
        }
        return fail(`no member called ${text}`);
      }
      case ApplicationCommandOptionType.Role: {
        const role = context.guildId ? this.#findRole(context.guildId, text) : undefined;
        if (!role) return fail(`no role called ${text}`);
        add('roles', role.id, role);
        return role.id;
      }
      case ApplicationCommandOptionType.Channel: {
        const name = text.replace(/^#/, '');
        const channel = [...world.channels.values()].find((c) => c.guildId === context.guildId && (c.id === text || c.name === name));
        if (!channel) return fail(`no channel called ${text}`);
        if (option.channel_types && option.channel_types.length > 0 && !option.channel_types.includes(channel.type as never)) {
          fail(`${text} is not a kind of channel this option accepts`);
        }
        const api = world.apiChannel(channel);
        add('channels', channel.id, {
          id: channel.id,
          name: channel.name,
          type: channel.type,
          permissions: '0',
          ...(channel.parentId ? { parent_id: channel.parentId } : {}),
          ...('thread_metadata' in api ? { thread_metadata: api.thread_metadata } : {}),
        });
        return channel.id;
      }
      case ApplicationCommandOptionType.Attachment: {
        if (typeof raw !== 'object') return fail('must be a file');
        const attachment = upload({ filename: raw.filename, contentType: raw.contentType ?? 'application/octet-stream', data: Buffer.from(raw.data) });
        add('attachments', attachment.id, attachment);
        return attachment.id;
      }
      default:
        return fail('is not an option a member can fill in');
    }
  }

  #findUser(text: string) {
    const key = text.replace(/^<@!?|>$/g, '').replace(/^@/, '');
    return [...this.world.users.values()].find((u) => u.id === key || u.username === key);
  }

  #findRole(guildId: string, text: string) {
    const key = text.replace(/^<@&|>$/g, '').replace(/^@/, '');
    return [...this.world.guild(guildId).roles.values()].find((r) => r.id === key || r.name === key);
  }
}
