import {
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
  type APIApplicationCommandOptionChoice,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  type APIOverwrite,
} from 'discord-api-types/v10';
import { DiscordApiError } from './api-error.js';
import { CommandInputError, type OptionInput } from './commands.js';
import { DiscordEmulator, type EmulatorOptions } from './emulator.js';
import { InteractionFailedError, type InteractionOutcome, type InteractionRecord, type NewInteraction } from './interactions.js';
import { attachmentsFor, composeMessage, type MessageBody } from './messages.js';
import type { ChannelRecord, GuildRecord, MessageRecord, UserRecord, WorldEvent } from './world.js';

/**
 * The harness: a typed way to act as people in the emulated Discord and read what the bot wrote,
 * used by the end-to-end tests and by the sandbox terminal alike.
 */

export interface ButtonView {
  /** 1-based, in reading order, as the terminal numbers them. */
  readonly index: number;
  readonly label: string;
  readonly customId: string | null;
  readonly url: string | null;
  readonly style: ButtonStyle;
  readonly disabled: boolean;
}

export interface SelectView {
  readonly customId: string;
  readonly placeholder: string | null;
  readonly options: readonly { readonly label: string; readonly value: string; readonly description: string | null }[];
}

/** A message as a member sees it. */
export interface MessageView {
  readonly id: string;
  readonly channelId: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  readonly buttons: readonly ButtonView[];
  readonly selects: readonly SelectView[];
  readonly attachments: readonly APIAttachment[];
  readonly ephemeral: boolean;
  /** Still "thinking": a deferred reply not yet edited. */
  readonly loading: boolean;
  /** Who this message would have notified. */
  readonly pinged: { readonly users: readonly string[]; readonly roles: readonly string[]; readonly everyone: boolean };
  readonly threadId: string | null;
  readonly raw: APIMessage;
}

export type Response =
  | { readonly kind: 'message'; readonly message: MessageView }
  | { readonly kind: 'update'; readonly message: MessageView | null }
  | { readonly kind: 'modal'; readonly modal: ModalView }
  | { readonly kind: 'choices'; readonly choices: readonly APIApplicationCommandOptionChoice[] };

export interface ModalView {
  readonly interaction: InteractionRecord;
  readonly customId: string;
  readonly title: string;
  readonly fields: readonly {
    readonly customId: string;
    readonly label: string;
    readonly required: boolean;
    readonly style: number;
    readonly minLength: number | null;
    readonly maxLength: number | null;
    readonly value: string | null;
    readonly placeholder: string | null;
    /** The Label's description, which Discord shows under the label; null in an action row. */
    readonly description: string | null;
  }[];
  /** The modal's Text Display components (type 10), in order: what it says above its fields. */
  readonly texts: readonly string[];
  /** Select menus inside Labels; `submit` takes a list of values (option values or user ids) for each. */
  readonly selects: readonly ModalSelectView[];
  /** Every field's and menu's custom_id, in the order the form shows them. */
  readonly order: readonly string[];
}

export interface ModalSelectView {
  readonly customId: string;
  readonly label: string;
  /** The Label's description, shown under its label; null without one. */
  readonly description: string | null;
  readonly type: ComponentType.StringSelect | ComponentType.UserSelect | ComponentType.RoleSelect | ComponentType.MentionableSelect | ComponentType.ChannelSelect;
  readonly required: boolean;
  readonly minValues: number;
  readonly maxValues: number;
  /** A string select's options; the others are filled by Discord's client. */
  readonly options: readonly { readonly label: string; readonly value: string }[];
}

const MODAL_SELECT_TYPES: ReadonlySet<ComponentType> = new Set([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

/** Selects in a modal, which Discord allows inside a Label (Component Reference, "Label"). */
function modalSelects(modal: APIModalInteractionResponseCallbackData): ModalSelectView[] {
  return modal.components.flatMap((top): ModalSelectView[] => {
    if (top.type !== ComponentType.Label || !MODAL_SELECT_TYPES.has(top.component.type)) return [];
    const select = top.component as { type: ModalSelectView['type']; custom_id: string; required?: boolean; min_values?: number; max_values?: number; options?: { label: string; value: string }[] };
    return [
      {
        customId: select.custom_id,
        label: top.label,
        description: top.description ?? null,
        type: select.type,
        // In a modal a select is required unless it says otherwise; min and max default to 1.
        required: select.required ?? true,
        minValues: select.min_values ?? 1,
        maxValues: select.max_values ?? 1,
        options: (select.options ?? []).map((o) => ({ label: o.label, value: o.value })),
      },
    ];
  });
}

/** A clock moved by hand, as the bot's ManualClock is: read it, and hear when it jumps. */
export interface FollowedClock {
  now(): Date;
  onJump(listener: () => void): () => void;
}

export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}

export function viewMessage(emulator: DiscordEmulator, record: MessageRecord): MessageView {
  const { message } = record;
  let index = 0;
  const buttons: ButtonView[] = [];
  const selects: SelectView[] = [];
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type === ComponentType.Button) {
        buttons.push({
          index: ++index,
          label: 'label' in component ? (component.label ?? '') : '',
          customId: 'custom_id' in component ? component.custom_id : null,
          url: 'url' in component ? component.url : null,
          style: component.style,
          disabled: component.disabled ?? false,
        });
      } else if (component.type === ComponentType.StringSelect) {
        selects.push({
          customId: component.custom_id,
          placeholder: component.placeholder ?? null,
          options: component.options.map((o) => ({ label: o.label, value: o.value, description: o.description ?? null })),
        });
      }
    }
  }
  const flags = message.flags ?? 0;
  const author = emulator.world.users.get(message.author.id);
  return {
    id: message.id,
    channelId: message.channel_id,
    authorId: message.author.id,
    authorName: author?.globalName ?? author?.username ?? message.author.username,
    content: message.content,
    embeds: message.embeds,
    buttons,
    selects,
    attachments: message.attachments,
    ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
    loading: (flags & MessageFlags.Loading) !== 0,
    pinged: record.pings,
    threadId: emulator.world.channels.has(message.id) ? message.id : null,
    raw: message,
  };
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly channelId?: string;
  /** Only messages this user can see (ephemeral ones are seen by one person). */
  readonly visibleTo?: string;
  readonly where?: (message: MessageView) => boolean;
  /** Only the response or follow-ups of this interaction. */
  readonly interactionId?: string;
}

export class Harness {
  private constructor(readonly emulator: DiscordEmulator) {}

  static async start(options: EmulatorOptions = {}): Promise<Harness> {
    return new Harness(await DiscordEmulator.start(options));
  }

  get world() {
    return this.emulator.world;
  }

  async close(): Promise<void> {
    await this.emulator.close();
  }

  // ---- building a world ---------------------------------------------------------------------

  /** A person; `locale` is their Discord client's language (default "en-US"). */
  user(username: string, options: { dmsOpen?: boolean; globalName?: string; locale?: string } = {}): UserRecord {
    const existing = [...this.world.users.values()].find((u) => u.username === username);
    return existing ?? this.world.createUser({ username, ...options });
  }

  /** A server owned by `owner`, with the bot in it holding a role of its own. */
  guild(name: string, options: { owner: string; rulesScreening?: boolean; botPermissions?: bigint; preferredLocale?: string } = { owner: 'owner' }): GuildRecord {
    const owner = this.user(options.owner);
    const guild = this.world.createGuild({
      name,
      ownerId: owner.id,
      rulesScreening: options.rulesScreening ?? false,
      ...(options.preferredLocale === undefined ? {} : { preferredLocale: options.preferredLocale }),
    });
    const botRole = this.world.createRole(guild.id, {
      name: this.emulator.application.name,
      managed: true,
      permissions:
        options.botPermissions ??
        (PermissionFlagsBits.ViewChannel |
          PermissionFlagsBits.SendMessages |
          PermissionFlagsBits.SendMessagesInThreads |
          PermissionFlagsBits.EmbedLinks |
          PermissionFlagsBits.AttachFiles |
          PermissionFlagsBits.ReadMessageHistory |
          PermissionFlagsBits.CreatePublicThreads |
          PermissionFlagsBits.CreatePrivateThreads |
          PermissionFlagsBits.ManageThreads |
          PermissionFlagsBits.ManageRoles),
    });
    this.world.seatMember(guild.id, this.emulator.bot.id, [botRole.id]);
    return guild;
  }

  /** A text channel, or an announcement channel with `type: ChannelType.GuildAnnouncement`. */
  channel(guild: GuildRecord, name: string, options: { overwrites?: APIOverwrite[]; topic?: string; type?: ChannelType.GuildText | ChannelType.GuildAnnouncement } = {}): ChannelRecord {
    return this.world.createChannel({ guildId: guild.id, name, ...options });
  }

  role(guild: GuildRecord, name: string, permissions: bigint = 0n): string {
    return this.world.createRole(guild.id, { name, permissions }).id;
  }

  /** Someone who is already a member (no join event): for setting the scene. */
  member(guild: GuildRecord, username: string, options: { roles?: string[]; dmsOpen?: boolean; locale?: string } = {}): UserRecord {
    const { roles: _roles, ...personal } = options;
    const user = this.user(username, personal);
    this.world.seatMember(guild.id, user.id, options.roles ?? []);
    return user;
  }

  /** A person joins the server now (GUILD_MEMBER_ADD reaches the bot). */
  join(guild: GuildRecord, username: string, options: { dmsOpen?: boolean; locale?: string } = {}): UserRecord {
    const user = this.user(username, options);
    this.world.addMember(guild.id, user.id);
    return user;
  }

  /** A pending member accepts the server's rules (GUILD_MEMBER_UPDATE with pending: false). */
  passScreening(guild: GuildRecord, user: UserRecord): void {
    this.world.updateMember(guild.id, user.id, { pending: false });
  }

  leave(guild: GuildRecord, user: UserRecord): void {
    this.world.removeMember(guild.id, user.id);
  }

  // ---- time ---------------------------------------------------------------------------------

  /** Lets `ms` pass in the emulated Discord: threads left inactive that long archive themselves. */
  advance(ms: number): void {
    this.world.advance(ms);
  }

  /**
   * Keeps the world's time with a clock that a test or the sandbox moves by hand (the bot's), so
   * "a week later" for the bot is a week later in Discord too: first catching up if the clock is
   * ahead, then following each jump forward. Returns the function that stops following.
   */
  followClock(clock: FollowedClock): () => void {
    let last = clock.now().getTime();
    const behind = last - this.world.now();
    if (behind > 0) this.world.advance(behind);
    return clock.onJump(() => {
      const at = clock.now().getTime();
      if (at > last) this.world.advance(at - last);
      last = at;
    });
  }

  // ---- reading ------------------------------------------------------------------------------

  /** A channel by record, id, or `#name`. */
  channelId(channel: ChannelRecord | string): string {
    if (typeof channel !== 'string') return channel.id;
    const name = channel.replace(/^#/, '');
    const found = [...this.world.channels.values()].find((c) => c.id === channel || (c.name === name && c.guildId !== null));
    if (!found) throw new HarnessError(`There is no channel ${channel}.`);
    return found.id;
  }

  /** The channel's messages, oldest first, as `viewer` sees them. */
  read(channel: ChannelRecord | string, viewer?: UserRecord): MessageView[] {
    const id = this.channelId(channel);
    return this.world
      .messagesIn(id)
      .filter((record) => record.visibleTo === null || record.visibleTo === viewer?.id)
      .map((record) => viewMessage(this.emulator, record));
  }

  /**
   * Puts a message in a channel as `authorId` wrote it, straight into the world (no REST, no
   * checks): for setting a scene, such as an old bot message a member finds and clicks.
   */
  post(authorId: string, channel: ChannelRecord | string, body: MessageBody): MessageView {
    const channelId = this.channelId(channel);
    const { message, pings } = composeMessage(this.world, { channelId, authorId, body });
    return viewMessage(this.emulator, this.world.addMessage(channelId, message, { pings }));
  }

  /** The DM channel between the bot and `user`, if the bot opened one. */
  dmOf(user: UserRecord): ChannelRecord | undefined {
    return [...this.world.channels.values()].find((c) => c.type === ChannelType.DM && c.recipients.includes(user.id));
  }

  threadsOf(channel: ChannelRecord): ChannelRecord[] {
    return [...this.world.channels.values()].filter((c) => c.parentId === channel.id && c.thread !== null);
  }

  /** Resolves with the next message the bot posts (or edits into being) that matches. */
  nextPost(options: WaitOptions = {}): Promise<MessageView> {
    const { timeoutMs = 5000 } = options;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.world.events.off('change', listener);
        reject(new HarnessError(`The bot posted nothing matching within ${timeoutMs} ms.`));
      }, timeoutMs);
      const listener = (event: WorldEvent) => {
        if (event.type !== 'message' && event.type !== 'messageUpdate') return;
        const { record } = event;
        if (record.message.author.id !== this.emulator.bot.id) return;
        if (options.channelId && record.message.channel_id !== options.channelId) return;
        if (options.interactionId && record.interactionId !== options.interactionId) return;
        if (record.visibleTo !== null && record.visibleTo !== options.visibleTo) return;
        const view = viewMessage(this.emulator, record);
        if (view.loading || (options.where && !options.where(view))) return;
        clearTimeout(timer);
        this.world.events.off('change', listener);
        resolve(view);
      };
      this.world.events.on('change', listener);
    });
  }

  // ---- acting ---------------------------------------------------------------------------------

  /** Acts as `user`: what a person can do in Discord's client. */
  as(user: UserRecord): Actor {
    return new Actor(this, user);
  }

  /** Waits for the bot's first answer and what a person would see of it. */
  async outcome(record: InteractionRecord): Promise<Response> {
    let outcome: InteractionOutcome;
    try {
      outcome = await record.outcome;
    } catch (error) {
      if (error instanceof InteractionFailedError) throw new HarnessError(error.message);
      throw error;
    }
    switch (outcome.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return { kind: 'message', message: viewMessage(this.emulator, outcome.message) };
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        // Deferred: the member sees "thinking…" until the bot edits its reply in (or replaces it
        // with a follow-up); whichever comes first is the answer.
        const current = viewMessage(this.emulator, outcome.message);
        if (!current.loading) return { kind: 'message', message: current };
        const answer = await this.nextPost({ interactionId: record.id, visibleTo: record.userId, timeoutMs: 15_000 });
        return { kind: 'message', message: answer };
      }
      case InteractionResponseType.UpdateMessage:
      case InteractionResponseType.DeferredMessageUpdate:
        return { kind: 'update', message: outcome.message ? viewMessage(this.emulator, outcome.message) : null };
      case InteractionResponseType.Modal:
        return { kind: 'modal', modal: modalView(record, outcome.modal) };
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        return { kind: 'choices', choices: outcome.choices };
    }
  }
}

function modalView(interaction: InteractionRecord, modal: APIModalInteractionResponseCallbackData): ModalView {
  const fields: ModalView['fields'][number][] = [];
  for (const top of modal.components as { type: ComponentType; components?: unknown[]; component?: unknown; label?: string; description?: string }[]) {
    // Classic modals wrap each text input in an action row; newer ones use a Label around it.
    const inputs = top.type === ComponentType.ActionRow ? (top.components ?? []) : top.component ? [{ ...(top.component as object), label: top.label, description: top.description }] : [];
    for (const input of inputs as { type: ComponentType; custom_id: string; label?: string; description?: string; required?: boolean; style?: number; min_length?: number; max_length?: number; value?: string; placeholder?: string }[]) {
      if (input.type !== ComponentType.TextInput) continue;
      fields.push({
        customId: input.custom_id,
        label: input.label ?? '',
        required: input.required ?? true,
        style: input.style ?? 1,
        minLength: input.min_length ?? null,
        maxLength: input.max_length ?? null,
        value: input.value ?? null,
        placeholder: input.placeholder ?? null,
        description: input.description ?? null,
      });
    }
  }
  const texts = modal.components.flatMap((top) => (top.type === ComponentType.TextDisplay ? [top.content] : []));
  const selects = modalSelects(modal);
  const inputs = new Set([...fields.map((f) => f.customId), ...selects.map((m) => m.customId)]);
  const order = modal.components
    .flatMap((top) => {
      if (top.type === ComponentType.ActionRow) return top.components.map((input) => input.custom_id);
      if (top.type === ComponentType.Label && 'custom_id' in top.component) return [top.component.custom_id];
      return [];
    })
    .filter((id) => inputs.has(id));
  return { interaction, customId: modal.custom_id, title: modal.title, fields, texts, selects, order };
}

export class Actor {
  constructor(
    private readonly harness: Harness,
    readonly user: UserRecord,
  ) {}

  get #emulator() {
    return this.harness.emulator;
  }

  #channelId(channel: ChannelRecord | string): string {
    return this.harness.channelId(channel);
  }

  #interact(type: NewInteraction['type'], channelId: string, data: unknown, source: MessageRecord | null = null): InteractionRecord {
    const { world } = this.#emulator;
    world.archiveInactiveThreads();
    if (!world.canView(channelId, this.user.id)) throw new HarnessError(`${this.user.username} can't see that channel.`);
    return this.#emulator.interactions.create({ type, userId: this.user.id, channelId, data, sourceMessage: source });
  }

  #commandData(channelId: string, command: string, options: Readonly<Record<string, OptionInput>>, focused?: string) {
    const { world, commands } = this.#emulator;
    const channel = world.channel(channelId);
    try {
      return commands.buildData(
        { command, options, ...(focused === undefined ? {} : { focused }) },
        { guildId: channel.guildId, channelId, userId: this.user.id },
        (file) => attachmentsFor(world, [file], undefined, this.#emulator.httpUrl)[0] as APIAttachment,
      );
    } catch (error) {
      if (error instanceof CommandInputError) throw new HarnessError(error.message);
      throw error;
    }
  }

  /** Runs a slash command, e.g. `run('#general', 'ritual create', { kind: 'poem', channel: '#poems' })`. */
  async run(channel: ChannelRecord | string, command: string, options: Readonly<Record<string, OptionInput>> = {}): Promise<Response> {
    const channelId = this.#channelId(channel);
    const record = this.#interact(InteractionType.ApplicationCommand, channelId, this.#commandData(channelId, command, options));
    return this.harness.outcome(record);
  }

  /** Types into an option that offers suggestions; returns what the bot suggested. */
  async autocomplete(channel: ChannelRecord | string, command: string, options: Readonly<Record<string, OptionInput>>, focused: string): Promise<readonly APIApplicationCommandOptionChoice[]> {
    const channelId = this.#channelId(channel);
    const record = this.#interact(InteractionType.ApplicationCommandAutocomplete, channelId, this.#commandData(channelId, command, options, focused));
    const response = await this.harness.outcome(record);
    if (response.kind !== 'choices') throw new HarnessError('The bot did not answer with suggestions.');
    return response.choices;
  }

  #source(message: MessageView): MessageRecord {
    const record = this.#emulator.world.findMessage(message.channelId, message.id);
    if (record.visibleTo !== null && record.visibleTo !== this.user.id) throw new HarnessError(`${this.user.username} can't see that message.`);
    return record;
  }

  /** Clicks a button by its number, label, or custom_id — on the message as it is now. */
  async click(message: MessageView, button: number | string): Promise<Response> {
    const source = this.#source(message);
    const current = viewMessage(this.#emulator, source);
    const target = current.buttons.find((b) => b.index === button || b.label === button || b.customId === button);
    if (!target) throw new HarnessError(`No button ${JSON.stringify(button)} on that message (it has: ${current.buttons.map((b) => `${b.index} ${b.label}`).join(', ') || 'none'}).`);
    if (target.disabled) throw new HarnessError(`The button "${target.label}" is disabled.`);
    if (target.customId === null) throw new HarnessError(`"${target.label}" is a link to ${target.url ?? 'nowhere'}.`);
    const record = this.#interact(InteractionType.MessageComponent, source.message.channel_id, { custom_id: target.customId, component_type: ComponentType.Button }, source);
    return this.harness.outcome(record);
  }

  /**
   * What a modified client can send: a button click with any custom_id, on any message it can see,
   * whether or not that message carries such a button. For testing that a bot checks what a click
   * claims (which server, which record, which prompt) instead of trusting the custom_id.
   */
  async forgeClick(message: MessageView, customId: string): Promise<Response> {
    const source = this.#source(message);
    const record = this.#interact(InteractionType.MessageComponent, source.message.channel_id, { custom_id: customId, component_type: ComponentType.Button }, source);
    return this.harness.outcome(record);
  }

  /** Picks values in a select menu on the message. */
  async select(message: MessageView, values: readonly string[], customId?: string): Promise<Response> {
    const source = this.#source(message);
    const current = viewMessage(this.#emulator, source);
    const select = customId ? current.selects.find((s) => s.customId === customId) : current.selects[0];
    if (!select) throw new HarnessError('No select menu on that message.');
    const unknown = values.filter((v) => !select.options.some((o) => o.value === v));
    if (unknown.length > 0) throw new HarnessError(`Not among the options: ${unknown.join(', ')}.`);
    const record = this.#interact(InteractionType.MessageComponent, source.message.channel_id, { custom_id: select.customId, component_type: ComponentType.StringSelect, values }, source);
    return this.harness.outcome(record);
  }

  /** Fills in and submits a modal the bot showed; checks what Discord's client checks. */
  async submit(modal: ModalView, values: Readonly<Record<string, string | readonly string[]>>): Promise<Response> {
    for (const key of Object.keys(values)) {
      const known = modal.fields.some((f) => f.customId === key || f.label === key) || modal.selects.some((s) => s.customId === key || s.label === key);
      if (!known) throw new HarnessError(`The form "${modal.title}" has no field ${key}.`);
    }
    const filled: unknown[] = modal.fields.map((field) => {
      // A field the person leaves alone is sent with the text the bot pre-filled, as Discord does.
      const given = values[field.customId] ?? values[field.label] ?? field.value ?? '';
      if (typeof given !== 'string') throw new HarnessError(`"${field.label}" is a text field: give it a string.`);
      const value = given;
      if (field.required && value.length === 0) throw new HarnessError(`"${field.label}" is required.`);
      if (value.length > 0 && field.minLength !== null && value.length < field.minLength) throw new HarnessError(`"${field.label}" needs at least ${field.minLength} characters.`);
      if (field.maxLength !== null && value.length > field.maxLength) throw new HarnessError(`"${field.label}" allows at most ${field.maxLength} characters.`);
      return { type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: field.customId, value }] };
    });
    const origin = modal.interaction;
    const selected = this.#modalSelections(modal, values, origin.guildId);
    filled.push(...selected.components);
    const source = origin.sourceMessage;
    const data = { custom_id: modal.customId, components: filled, ...(selected.resolved ? { resolved: selected.resolved } : {}) };
    const record = this.#interact(InteractionType.ModalSubmit, origin.channelId, data, source);
    return this.harness.outcome(record);
  }

  /**
   * A modal's selects as Discord submits them: each in its Label, with the users and members
   * picked in a user select in `resolved` (Receiving and Responding, "Modal Submit Data").
   */
  #modalSelections(modal: ModalView, values: Readonly<Record<string, string | readonly string[]>>, guildId: string | null): { components: unknown[]; resolved: { users: Record<string, unknown>; members?: Record<string, unknown> } | null } {
    const { world } = this.#emulator;
    const users: Record<string, unknown> = {};
    const members: Record<string, unknown> = {};
    const components = modal.selects.map((select) => {
      const given = values[select.customId] ?? values[select.label] ?? [];
      if (typeof given === 'string') throw new HarnessError(`"${select.label}" is a menu: give it a list of values.`);
      const picked = [...given];
      if (picked.length === 0 && select.required) throw new HarnessError(`"${select.label}" is required.`);
      if (picked.length > 0 && (picked.length < select.minValues || picked.length > select.maxValues)) {
        throw new HarnessError(`"${select.label}" takes ${select.minValues} to ${select.maxValues} choices.`);
      }
      if (select.type === ComponentType.StringSelect) {
        const unknown = picked.filter((v) => !select.options.some((o) => o.value === v));
        if (unknown.length > 0) throw new HarnessError(`Not among the options of "${select.label}": ${unknown.join(', ')}.`);
      } else if (select.type === ComponentType.UserSelect) {
        for (const id of picked) {
          // The client offers the server's members only.
          const member = guildId === null ? undefined : world.guild(guildId).members.get(id);
          if (!world.users.has(id) || (guildId !== null && !member)) throw new HarnessError(`"${select.label}" can't offer ${id}: not a member here.`);
          users[id] = world.apiUser(id);
          if (guildId !== null && member) {
            const { user: _user, deaf: _deaf, mute: _mute, ...rest } = world.apiMember(member);
            members[id] = { ...rest, permissions: world.permissionsIn(modal.interaction.channelId, id).toString() };
          }
        }
      } else {
        throw new HarnessError(`Filling a ${ComponentType[select.type]} in a modal isn't emulated yet.`);
      }
      return { type: ComponentType.Label, component: { type: select.type, custom_id: select.customId, values: picked } };
    });
    const anyUsers = Object.keys(users).length > 0;
    return { components, resolved: anyUsers ? { users, ...(guildId === null ? {} : { members }) } : null };
  }

  /** Writes a message in a channel or thread (the bot gets MESSAGE_CREATE). */
  say(channel: ChannelRecord | string, content: string): MessageView {
    const channelId = this.#channelId(channel);
    const { world } = this.#emulator;
    world.archiveInactiveThreads();
    if (!world.canView(channelId, this.user.id)) throw new HarnessError(`${this.user.username} can't see that channel.`);
    // A member's message wakes an archived thread, unless a moderator locked it.
    try {
      world.wakeForMessage(channelId, this.user.id);
    } catch (error) {
      if (error instanceof DiscordApiError) throw new HarnessError(`${this.user.username} can't write in that thread: it is archived and locked.`);
      throw error;
    }
    return this.harness.post(this.user.id, channelId, { content });
  }
}
