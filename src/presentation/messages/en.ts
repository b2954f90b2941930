/** What the shared presentation helpers write beside a feature's own words. */
export default {
  'picture.not-drawn': "(I couldn't draw the picture this time; the numbers are all here. Reference for a moderator: `{reference}`.)",
} as const;
