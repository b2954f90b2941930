import {
  InteractionContextType,
  LabelBuilder,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type AutocompleteInteraction,
} from 'discord.js';
import type { InServer, Run, ServerCommand } from '../../interactions/handlers.js';
import { readerOf } from '../../interactions/reader.js';
import { replyPrivately } from '../../interactions/replies.js';
import { activeEntries, listLibrary, removeEntry, ritualServices } from '../library.js';
import { addEntryForm } from './custom-ids.js';
import { orExplain } from './explain.js';
import { plain, type LibrarySpec } from './libraries.js';
import { ritualMessages } from './messages.js';

/**
 * The handlers of `/poem` and `/podcast` (add through a form, list, remove), and their one
 * definition, in English: its other languages are in command-localizations.ts.
 */

const LIST_LIMIT = 3800;

export function libraryCommandData(spec: LibrarySpec) {
  return new SlashCommandBuilder()
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
    );
}

export interface LibraryHandlers {
  readonly add: Run<ServerCommand>;
  readonly list: Run<ServerCommand>;
  readonly remove: Run<ServerCommand>;
  readonly autocomplete: Run<AutocompleteInteraction<InServer>>;
}

export function libraryHandlers(spec: LibrarySpec): LibraryHandlers {
  return {
    async add(interaction, ctx) {
      const t = ritualMessages.for(await readerOf(interaction, ctx));
      const modal = new ModalBuilder().setCustomId(addEntryForm[spec.kind].encode()).setTitle(t(`library.form.${spec.kind}`));
      for (const field of spec.fields) {
        const input = new TextInputBuilder()
          .setCustomId(field.id)
          .setStyle(field.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short)
          .setRequired(field.required)
          .setMaxLength(field.maxLength);
        if (field.placeholder) input.setPlaceholder(t(field.placeholder));
        modal.addLabelComponents(new LabelBuilder().setLabel(t(field.label)).setTextInputComponent(input));
      }
      await interaction.showModal(modal);
    },
    async list(interaction, ctx) {
      const t = ritualMessages.for(await readerOf(interaction, ctx));
      const entries = await listLibrary(ritualServices(ctx), interaction.guildId, spec.kind);
      if (entries.length === 0) {
        await replyPrivately(interaction, t(`library.empty.${spec.kind}`));
        return;
      }
      const lines: string[] = [];
      let length = 0;
      for (const entry of entries) {
        const line = spec.describe(t, entry);
        if (length + line.length + 1 > LIST_LIMIT) break;
        lines.push(line);
        length += line.length + 1;
      }
      const more = entries.length - lines.length;
      await replyPrivately(interaction, {
        embeds: [
          {
            title: t(`library.count.${spec.kind}`, { count: entries.length }),
            description: [...lines, ...(more > 0 ? [t('library.more', { more })] : [])].join('\n'),
            footer: { text: t(`library.footer.${spec.kind}`) },
          },
        ],
      });
    },
    async remove(interaction, ctx) {
      const reader = await readerOf(interaction, ctx);
      const t = ritualMessages.for(reader);
      const id = interaction.options.getInteger(spec.noun, true);
      const removed = orExplain(reader)(await removeEntry(ritualServices(ctx), interaction.guildId, spec.kind, id));
      await replyPrivately(interaction, t('library.removed', { entry: spec.describe(t, removed) }));
    },
    async autocomplete(interaction, ctx) {
      const t = ritualMessages.for(await readerOf(interaction, ctx));
      const typed = String(interaction.options.getFocused()).toLowerCase().replace(/^#/, '');
      // Read-only on every keystroke: the starter set is seeded by the commands that write.
      const entries = await activeEntries(ctx.db, interaction.guildId, spec.kind);
      const choices = entries
        .map((entry) => ({ name: spec.describe(t, entry, plain).slice(0, 100), value: entry.id }))
        .filter((choice) => choice.name.toLowerCase().includes(typed));
      await interaction.respond(choices.slice(0, 25));
    },
  };
}
