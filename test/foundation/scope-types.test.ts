import { describe, expectTypeOf, it } from 'vitest';
import { defineComponent, type CommandAction, type Autocomplete } from '../../src/interactions/handlers.js';
import { arg, customId } from '../../src/interactions/custom-id.js';

/**
 * "Server only" is data, checked once in the router, and it narrows what the handler receives:
 * a `'server'` handler's interaction has `guildId: string`, so it needs no guard; an `'anywhere'`
 * one must still allow for a DM. The `@ts-expect-error` lines are the test: `npm run typecheck`
 * fails if one of them stops being an error, that is, if the narrowing is lost or goes too far.
 */
const spec = customId('example', 'press', 1, [arg.snowflake]);

describe("a handler's scope narrows its interaction", () => {
  it("gives a 'server' component a server's id, and an 'anywhere' one maybe none", () => {
    defineComponent({
      kind: 'button',
      spec,
      scope: 'server',
      run: async (interaction, [userId]) => {
        expectTypeOf(interaction.guildId).toEqualTypeOf<string>();
        expectTypeOf(userId).toEqualTypeOf<string>();
      },
    });
    defineComponent({
      kind: 'modal',
      spec,
      scope: 'anywhere',
      run: async (interaction) => {
        expectTypeOf(interaction.guildId).toEqualTypeOf<string | null>();
        // @ts-expect-error outside a server there may be no server
        const guildId: string = interaction.guildId;
        void guildId;
      },
    });
  });

  it("gives a 'server' command and autocomplete a server's id, and an 'anywhere' one maybe none", () => {
    const inServer: CommandAction = {
      access: 'everyone',
      scope: 'server',
      run: async (interaction) => {
        expectTypeOf(interaction.guildId).toEqualTypeOf<string>();
      },
    };
    const anywhere: CommandAction = {
      access: 'everyone',
      scope: 'anywhere',
      run: async (interaction) => {
        // @ts-expect-error outside a server there may be no server
        const guildId: string = interaction.guildId;
        void guildId;
      },
    };
    const suggestions: Autocomplete = {
      scope: 'server',
      run: async (interaction) => {
        expectTypeOf(interaction.guildId).toEqualTypeOf<string>();
      },
    };
    void [inServer, anywhere, suggestions];
  });
});
