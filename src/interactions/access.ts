import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';

/**
 * Who may do what, decided in one place. A moderator is a member with Manage Server in the server
 * where the interaction happens; in DMs nobody is.
 */
export type Access = 'everyone' | 'moderators';

export const MODERATOR_PERMISSION = PermissionFlagsBits.ManageGuild;

export function isModerator(interaction: BaseInteraction): boolean {
  return interaction.inGuild() && (interaction.memberPermissions?.has(MODERATOR_PERMISSION) ?? false);
}

export function isAllowed(access: Access, interaction: BaseInteraction): boolean {
  return access === 'everyone' || isModerator(interaction);
}
