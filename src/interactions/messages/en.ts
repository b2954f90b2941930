/** What the router and its safety net say, whatever the feature. */
export default {
  'server-only': 'That works inside a server, so please use it there: each community keeps its own.',
  'stale-component': "This button is from an older message and doesn't work anymore. Please run the command again to get a fresh one.",
  'unknown-command': "I don't know that command anymore; it may have been renamed. Type `/` to see what I can do.",
  'not-a-moderator': 'Only moderators (members with **Manage Server**) can do that. If you think you should be able to, ask a moderator.',
  'something-went-wrong':
    "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment; if it keeps happening, share this reference with a moderator: `{reference}`.",
  'database-busy-nothing-saved': "The database is busy for a moment, so I couldn't do that, and nothing was saved. Please try again in a minute.",
  'database-busy-partly-saved': "The database got busy partway through, so I couldn't finish that; some of it may already be saved. Please try again in a minute.",
} as const;
