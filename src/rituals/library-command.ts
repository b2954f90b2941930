import {
  InteractionContextType,
  LabelBuilder,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { customId } from '../interactions/custom-id.js';
import { UserFacingError } from '../interactions/errors.js';
import { defineCommand, defineComponent, type SlashCommand } from '../interactions/handlers.js';
import { replyPrivately } from '../interactions/replies.js';
import { valueOrExplain } from './explain.js';
import type { Outcome } from './problems.js';
import { activeEntries, listLibrary, removeEntry, ritualServices, type LibraryServices } from './library.js';
import type { LibraryEntry, LibraryKind } from './model.js';

/**
 * `/poem` and `/podcast`: add (through a form), list and remove a server's library entries.
 * Both are the same command over a different library, so they are built here from a spec.
 */

export interface FormField {
  readonly id: string;
  readonly label: string;
  readonly paragraph?: boolean;
  readonly required: boolean;
  readonly maxLength: number;
  readonly placeholder?: string;
}

export interface LibrarySpec<K extends LibraryKind> {
  readonly kind: K;
  readonly description: string;
  /** The word for one entry, as the remove option is named: `poem`, `episode`. */
  readonly noun: string;
  readonly formTitle: string;
  /** At most five: Discord's limit for a form. */
  readonly fields: readonly FormField[];
  add(services: LibraryServices, guildId: string, userId: string, values: Readonly<Record<string, string>>): Promise<Outcome<LibraryEntry>>;
  /** One line naming an entry, in lists and suggestions. */
  describe(entry: LibraryEntry): string;
}

function guildOf(interaction: ChatInputCommandInteraction | ModalSubmitInteraction): string {
  if (!interaction.inGuild()) throw new UserFacingError("Libraries belong to a server: please use this in the server whose library you mean.");
  return interaction.guildId;
}

const LIST_LIMIT = 3800;

export function libraryCommand<K extends LibraryKind>(spec: LibrarySpec<K>): SlashCommand {
  const form = customId(spec.kind, 'add', 1, []);
  return defineCommand({
    data: new SlashCommandBuilder()
      .setName(spec.kind)
      .setDescription(spec.description)
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((sub) => sub.setName('add').setDescription(`Add a ${spec.noun} to this server's library`))
      .addSubcommand((sub) => sub.setName('list').setDescription(`The ${spec.noun}s in this server's library`))
      .addSubcommand((sub) =>
        sub
          .setName('remove')
          .setDescription(`Take a ${spec.noun} out of the rotation`)
          .addIntegerOption((o) => o.setName(spec.noun).setDescription(`Which ${spec.noun} (start typing to choose)`).setRequired(true).setMinValue(1).setAutocomplete(true)),
      ),
    subcommands: {
      add: {
        access: 'moderators',
        scope: 'anywhere',
        async run(interaction) {
          guildOf(interaction);
          const modal = new ModalBuilder().setCustomId(form.encode()).setTitle(spec.formTitle);
          for (const field of spec.fields) {
            const input = new TextInputBuilder()
              .setCustomId(field.id)
              .setStyle(field.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short)
              .setRequired(field.required)
              .setMaxLength(field.maxLength);
            if (field.placeholder) input.setPlaceholder(field.placeholder);
            modal.addLabelComponents(new LabelBuilder().setLabel(field.label).setTextInputComponent(input));
          }
          await interaction.showModal(modal);
        },
      },
      list: {
        access: 'moderators',
        scope: 'anywhere',
        async run(interaction, ctx) {
          const entries = await listLibrary(ritualServices(ctx), guildOf(interaction), spec.kind);
          if (entries.length === 0) {
            await replyPrivately(interaction, `The ${spec.noun} library is empty. \`/${spec.kind} add\` adds one.`);
            return;
          }
          const lines: string[] = [];
          let length = 0;
          for (const entry of entries) {
            const line = spec.describe(entry);
            if (length + line.length + 1 > LIST_LIMIT) break;
            lines.push(line);
            length += line.length + 1;
          }
          const more = entries.length - lines.length;
          await replyPrivately(interaction, {
            embeds: [
              {
                title: `${entries.length} ${spec.noun}${entries.length === 1 ? '' : 's'} in rotation`,
                description: lines.join('\n') + (more > 0 ? `\n…and ${more} more.` : ''),
                footer: { text: `/${spec.kind} add adds one · /${spec.kind} remove takes one out` },
              },
            ],
          });
        },
      },
      remove: {
        access: 'moderators',
        scope: 'anywhere',
        async run(interaction, ctx) {
          const id = interaction.options.getInteger(spec.noun, true);
          const removed = valueOrExplain(await removeEntry(ritualServices(ctx), guildOf(interaction), spec.kind, id));
          await replyPrivately(interaction, `Removed ${spec.describe(removed)}. It won't be posted again; past posts stay.`);
        },
      },
    },
    async autocomplete(interaction, ctx) {
      if (!interaction.inGuild()) {
        await interaction.respond([]);
        return;
      }
      const typed = String(interaction.options.getFocused()).toLowerCase().replace(/^#/, '');
      // Read-only on every keystroke: the starter set is seeded by the commands that write.
      const entries = await activeEntries(ctx.db, interaction.guildId, spec.kind);
      const choices = entries
        .map((entry) => ({ name: spec.describe(entry).slice(0, 100), value: entry.id }))
        .filter((choice) => choice.name.toLowerCase().includes(typed));
      await interaction.respond(choices.slice(0, 25));
    },
    components: [
      defineComponent({
        kind: 'modal',
        spec: form,
        scope: 'anywhere',
        access: 'moderators',
        async run(interaction, _args, ctx) {
          const values = Object.fromEntries(spec.fields.map((field) => [field.id, interaction.fields.getTextInputValue(field.id)]));
          const entry = valueOrExplain(await spec.add(ritualServices(ctx), guildOf(interaction), interaction.user.id, values));
          await replyPrivately(interaction, `Added ${spec.describe(entry)} to this server's library. It joins the rotation.`);
        },
      }),
    ],
  });
}
