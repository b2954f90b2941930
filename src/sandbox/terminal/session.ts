import { HarnessError, viewMessage, type ChannelRecord, type GuildRecord, type Harness, type MessageView, type Response, type UserRecord } from '@roots-bot/discord-emulator';
import { formatUptime } from '../../about/about-card.js';
import type { ManualClock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { BotFeed, type BotChange } from './feed.js';
import { SavedFiles } from './files.js';
import { commandHelp, generalHelp } from './help.js';
import type { Io } from './io.js';
import { formatTimestamp } from './markdown.js';
import { fillModal } from './modal.js';
import { parseLine, type Command, type ShowTarget } from './parse.js';
import { renderedText, type RenderContext } from './render.js';
import { settle, type SettleOptions } from './settle.js';
import { runSlash } from './slash.js';
import type { Style } from './style.js';
import { Transcript } from './transcript.js';
import { describePlace, displayName, findChannel, findPerson, findThread, namesIn, peopleIn, promptPlace, textChannels } from './world-names.js';

/**
 * The sandbox terminal's state and what each command does: who you are, where you are, and what
 * the bot has shown you. Each line is carried out completely (the bot's answer, any form it opens,
 * and whatever it does in the background because of it) before the next is read.
 */

export interface SessionOptions {
  readonly harness: Harness;
  readonly guild: GuildRecord;
  /** Who you are and where, at the start; `leave` brings you back to them. */
  readonly start: { readonly person: UserRecord; readonly channel: ChannelRecord };
  readonly clock: ManualClock;
  readonly io: Io;
  readonly style: Style;
  readonly logger?: Logger | undefined;
  readonly settle?: SettleOptions | undefined;
  readonly width?: number | undefined;
  readonly timeZone?: string | undefined;
  /** Where the files the bot sends are saved (`data/sandbox-files`); without it they are only listed. */
  readonly filesDir?: string | undefined;
}

/** A long export is read in a file viewer; the terminal shows its beginning. */
const OPEN_LINES = 200;

/** Commands that can set the bot working; the others only read. */
const ACTS: ReadonlySet<Command['kind']> = new Set(['slash', 'click', 'select', 'say', 'join', 'leave', 'time']);
const HISTORY = 10;

export class Session {
  #me: UserRecord;
  #here: string;
  readonly #render: RenderContext;
  readonly #transcript: Transcript;
  readonly #feed: BotFeed;
  readonly #files: SavedFiles | undefined;

  constructor(private readonly options: SessionOptions) {
    const { harness, clock, style } = options;
    this.#me = options.start.person;
    this.#here = options.start.channel.id;
    const files = options.filesDir === undefined ? undefined : new SavedFiles(options.filesDir, (id) => harness.world.files.get(id));
    this.#files = files;
    this.#render = {
      style,
      names: namesIn(harness.world),
      place: (id) => describePlace(harness.world, harness.emulator.bot.id, id),
      width: options.width,
      timeZone: options.timeZone,
      // Discord draws a timestamp in the reader's own language: whoever you are acting as.
      locale: () => this.#me.locale,
      now: () => clock.now(),
      saveFile: files ? (attachment) => files.save(attachment) : undefined,
    };
    this.#transcript = new Transcript(options.io, this.#render);
    this.#feed = new BotFeed(harness.world, harness.emulator.bot.id, (change) => this.#onBotChange(change));
  }

  get #world() {
    return this.options.harness.world;
  }

  get #botId() {
    return this.options.harness.emulator.bot.id;
  }

  get prompt(): string {
    return `${this.#me.username} in ${promptPlace(this.#world, this.#botId, this.#here)}> `;
  }

  /** Reads and carries out lines until `quit` or the end of input. */
  async run(): Promise<void> {
    for (;;) {
      const line = await this.options.io.next(this.prompt);
      if (line === null || (await this.handle(line)) === 'quit') return;
    }
  }

  async handle(line: string): Promise<'continue' | 'quit'> {
    const command = parseLine(line);
    if (command.kind === 'quit') return 'quit';
    this.#feed.hold();
    try {
      await this.#execute(command);
    } catch (error) {
      this.#explain(error);
    } finally {
      if (ACTS.has(command.kind)) await settle(this.options.harness.emulator, this.options.settle);
      this.#feed.release();
    }
    return 'continue';
  }

  stop(): void {
    this.#feed.stop();
  }

  #print(...lines: string[]): void {
    this.options.io.print(...lines);
  }

  /** A line of its own, set apart from the messages around it. */
  #note(text: string, tone: 'plain' | 'warn' | 'dim' = 'plain'): void {
    const { style } = this.options;
    this.#print('', tone === 'plain' ? text : style[tone](text));
  }

  #explain(error: unknown): void {
    if (error instanceof HarnessError) {
      this.#note(error.message, 'warn');
      return;
    }
    this.options.logger?.error({ err: error }, 'the sandbox terminal hit an unexpected error');
    const message = error instanceof Error ? error.message : String(error);
    this.#note(`Something went wrong on my side (${message}). The bot's log has the details.`, 'warn');
  }

  async #execute(command: Command): Promise<void> {
    switch (command.kind) {
      case 'slash':
        return this.#slash(command);
      case 'click':
        return this.#click(command.button);
      case 'select':
        return this.#select(command.choices);
      case 'as':
        return this.#becomeNamed(command.name, command.locale);
      case 'join':
        return this.#join(command.name, command.locale);
      case 'leave':
        return this.#leave(command.name);
      case 'show':
        return this.#show(command.target);
      case 'say':
        return this.#say(command.channel, command.text);
      case 'time':
        return this.#time(command.advanceMs);
      case 'open':
        return this.#open(command.file);
      case 'help':
        return this.#help(command.topic);
      case 'invalid':
        return this.#note(command.message, 'warn');
      case 'nothing':
      case 'quit':
        return;
    }
  }

  // ---- acting as a member ---------------------------------------------------------------------

  get #actor() {
    return this.options.harness.as(this.#me);
  }

  async #slash(command: Extract<Command, { kind: 'slash' }>): Promise<void> {
    const outcome = await runSlash(this.options.harness, this.#actor, this.#here, command);
    if (outcome.kind === 'response') return this.#respond(outcome.response);
    const { style } = this.options;
    if (outcome.choices.length === 0) return this.#note(`No suggestions for ${outcome.option} right now.`);
    this.#print('', style.bold(`Suggestions for ${outcome.option}:`), ...outcome.choices.map((c) => `  ${c.name}  ${style.dim(`→ ${outcome.option}:${String(c.value)}`)}`));
  }

  async #respond(response: Response): Promise<void> {
    switch (response.kind) {
      case 'message':
        this.#transcript.message(response.message);
        return;
      case 'update':
        if (response.message === null) this.#note('The bot took note.', 'dim');
        else this.#transcript.message(response.message);
        return;
      case 'modal': {
        const form = await fillModal(response.modal, this.options.io, this.options.style, (name) => findPerson(this.#world, name)?.id, (text) => renderedText(text, this.#render));
        if (form.kind === 'closed') return this.#note(form.why, 'warn');
        return this.#respond(await this.#actor.submit(response.modal, form.values));
      }
      case 'choices':
        return this.#print(...response.choices.map((c) => `  ${c.name}`));
    }
  }

  #interactive(want: 'buttons' | 'selects'): MessageView {
    const last = this.#transcript.lastInteractive;
    if (last === null) throw new HarnessError(`There's nothing to ${want === 'buttons' ? 'click' : 'select'} right now: no message you've seen has ${want === 'buttons' ? 'buttons' : 'a menu'}.`);
    if (last[want].length === 0) throw new HarnessError(want === 'buttons' ? 'The last message you saw has a menu, not buttons: use select.' : 'The last message you saw has buttons, not a menu: use click.');
    return last;
  }

  async #click(button: number | string): Promise<void> {
    const message = this.#interactive('buttons');
    // Labels are matched as a person reads them, whatever their case.
    const byLabel = typeof button === 'string' ? message.buttons.find((b) => b.label.toLowerCase() === button.toLowerCase()) : undefined;
    await this.#respond(await this.#actor.click(message, byLabel?.index ?? button));
  }

  async #select(choices: readonly string[]): Promise<void> {
    const message = this.#interactive('selects');
    const [menu] = message.selects;
    if (!menu) return;
    const values = choices.map((choice) => {
      const option =
        menu.options.find((o) => o.value === choice) ??
        menu.options.find((o) => o.label.toLowerCase() === choice.toLowerCase()) ??
        (/^\d+$/.test(choice) ? menu.options[Number(choice) - 1] : undefined);
      if (!option) throw new HarnessError(`"${choice}" isn't one of the options; pick a number from 1 to ${menu.options.length}.`);
      return option.value;
    });
    await this.#respond(await this.#actor.select(message, values, menu.customId));
  }

  #say(channel: string | null, text: string): void {
    const target = channel === null ? this.#here : this.#channelNamed(channel).id;
    this.#transcript.message(this.#actor.say(target, text));
  }

  #time(advanceMs: number | null): void {
    const { clock } = this.options;
    if (advanceMs !== null) clock.advance(advanceMs);
    const now = formatTimestamp(clock.now().getTime() / 1000, 'F', this.#render);
    this.#note(advanceMs === null ? `The bot's clock says ${now}.` : `⏩ ${formatUptime(advanceMs)} later: it's now ${now}.`);
  }

  #open(number: number | null): void {
    const files = this.#files;
    if (!files || files.count === 0) throw new HarnessError("The bot hasn't sent you any files yet. Files it sends (like /course report) get a number to open them by.");
    const file = files.find(number);
    if (!file) throw new HarnessError(`There's no file ${number ?? ''}; the files so far are numbered 1 to ${files.count}.`);
    if (!file.text) return this.#note(`${file.filename} isn't text I can show here; it's saved as ${file.path}.`);
    // The bot's file goes to a terminal: control characters in it must not move the cursor or change colours.
    const lines = (files.text(file) ?? '').replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\n$/, '').split('\n');
    const { style } = this.options;
    this.#print('', style.bold(`── ${file.filename} ──`) + style.dim(` ${file.path}`), ...lines.slice(0, OPEN_LINES).map((line) => `  ${line}`));
    if (lines.length > OPEN_LINES) this.#print(style.dim(`  (${lines.length - OPEN_LINES} more lines in ${file.path})`));
  }

  // ---- who you are ----------------------------------------------------------------------------

  #person(name: string): UserRecord {
    const person = findPerson(this.#world, name);
    if (person) return person;
    const people = peopleIn(this.#world, this.options.guild).map((p) => p.username);
    throw new HarnessError(`There's nobody called ${name}. People here: ${people.join(', ')}. To bring someone new, type join ${name}.`);
  }

  #isMember(person: UserRecord): boolean {
    return this.options.guild.members.has(person.id);
  }

  /** Becomes `person`, staying where you are if they can see it. */
  #become(person: UserRecord): string {
    this.#me = person;
    if (!this.#world.channels.has(this.#here) || !this.#world.canView(this.#here, person.id)) {
      this.#here = this.#isMember(person) && this.#world.canView(this.options.start.channel.id, person.id) ? this.options.start.channel.id : this.#dm().id;
    }
    return `You are now ${displayName(person)}, in ${promptPlace(this.#world, this.#botId, this.#here)}.`;
  }

  #becomeNamed(name: string, locale: string | undefined): void {
    const person = this.#person(name);
    const note = this.#isMember(person) ? '' : ` ${displayName(person)} isn't in ${this.options.guild.name} right now, so only DMs with the bot will work.`;
    this.#note(this.#become(person) + this.#speak(person, locale) + note);
  }

  /** Gives `person` a Discord language, which Discord sends with each of their clicks and commands: the bot answers in it. */
  #speak(person: UserRecord, locale: string | undefined): string {
    if (locale === undefined) return '';
    person.locale = locale;
    return ` Their Discord is in ${locale}.`;
  }

  #join(name: string, locale: string | undefined): void {
    const existing = findPerson(this.#world, name);
    if (existing && this.#isMember(existing)) throw new HarnessError(`${displayName(existing)} is already in ${this.options.guild.name}. To act as them, type as ${existing.username}.`);
    const person = existing ?? this.options.harness.user(name);
    // Their language is set before they arrive, so it is theirs from their first click on the welcome.
    const language = this.#speak(person, locale);
    this.options.harness.join(this.options.guild, person.username);
    this.#note(`${displayName(person)} joined ${this.options.guild.name}. ${this.#become(person)}${language}`);
  }

  #leave(name: string): void {
    const { guild, start } = this.options;
    const person = this.#person(name);
    if (!this.#isMember(person)) throw new HarnessError(`${displayName(person)} isn't in ${guild.name}.`);
    if (person.id === guild.ownerId) throw new HarnessError(`${displayName(person)} owns ${guild.name}, so they can't leave it.`);
    this.options.harness.leave(guild, person);
    const left = `${displayName(person)} left ${guild.name}.`;
    this.#note(person.id === this.#me.id ? `${left} ${this.#become(start.person)}` : left);
  }

  // ---- looking around ---------------------------------------------------------------------------

  #dm(): ChannelRecord {
    // Opening your DMs with the bot creates the channel if needed, as Discord's client does.
    return this.#world.dmChannel(this.#botId, this.#me.id);
  }

  #channelNamed(name: string): ChannelRecord {
    const { guild } = this.options;
    const channel = findChannel(this.#world, guild, name);
    if (!channel) {
      const names = textChannels(this.#world, guild).map((c) => `#${c.name ?? ''}`);
      throw new HarnessError(`There is no channel #${name.replace(/^#/, '')}. Channels: ${names.join(' ')}`);
    }
    if (!this.#world.canView(channel.id, this.#me.id)) throw new HarnessError(`${displayName(this.#me)} can't see #${channel.name ?? ''}.`);
    return channel;
  }

  #place(target: ShowTarget): string {
    switch (target.kind) {
      case 'here':
        return this.#here;
      case 'dm':
        return this.#dm().id;
      case 'channel':
        return this.#channelNamed(target.name).id;
      case 'thread': {
        const thread = findThread(this.#world, this.options.guild, target.name, this.#me);
        if (!thread) throw new HarnessError(`There's no thread called "${target.name}" that ${displayName(this.#me)} can see.`);
        return thread.id;
      }
    }
  }

  #show(target: ShowTarget): void {
    const { style, harness } = this.options;
    this.#here = this.#place(target);
    const channel = this.#world.channel(this.#here);
    const title = promptPlace(this.#world, this.#botId, this.#here);
    this.#print('', style.bold(`── ${title} ──`) + (channel.topic ? style.dim(` ${channel.topic}`) : ''));
    const messages = harness.read(this.#here, this.#me);
    if (messages.length === 0) this.#print(style.dim('  No messages yet.'));
    if (messages.length > HISTORY) this.#print(style.dim(`  (${messages.length - HISTORY} earlier messages not shown)`));
    for (const message of messages.slice(-HISTORY)) this.#transcript.history(message);
    const threads = harness.threadsOf(channel).filter((t) => this.#world.canView(t.id, this.#me.id));
    if (threads.length > 0) this.#print('', style.dim(`Threads here: ${threads.map((t) => `"${t.name ?? ''}"`).join(', ')} (show thread NAME)`));
  }

  #help(topic: string | null): void {
    const { guild, style, harness } = this.options;
    const commands = harness.emulator.commands.all(this.#world.channel(this.#here).guildId);
    if (topic !== null) return this.#print(...commandHelp(commands, topic, style, this.#me.locale));
    this.#print(
      ...generalHelp(
        {
          you: this.#me.username,
          place: promptPlace(this.#world, this.#botId, this.#here),
          people: peopleIn(this.#world, guild).map((p) => p.username),
          places: textChannels(this.#world, guild).filter((c) => this.#world.canView(c.id, this.#me.id)).map((c) => `#${c.name ?? ''}`),
          commands,
          locale: this.#me.locale,
        },
        style,
      ),
    );
  }

  // ---- the bot's own activity -------------------------------------------------------------------

  #onBotChange(change: BotChange): void {
    if (change.type === 'removed') return this.#transcript.removed(change.messageId, this.#render.place(change.channelId));
    const { record } = change;
    const channelId = record.message.channel_id;
    if (record.visibleTo !== null && record.visibleTo !== this.#me.id) return;
    if (!this.#world.channels.has(channelId) || !this.#world.canView(channelId, this.#me.id)) return;
    this.#transcript.message(viewMessage(this.options.harness.emulator, record));
  }
}
