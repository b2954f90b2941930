/**
 * Colours of every picture. A picture has its own opaque, light card behind it, so it reads the
 * same in Discord's dark and light themes; the border keeps it from melting into the light one.
 * Meanings never rest on colour alone: states also differ in shape or carry a word.
 */
export const THEME = {
  card: '#fbfaf6',
  border: '#cfd8d0',
  ink: '#1d2721',
  muted: '#58655c',
  track: '#e2e8e1',
  green: '#3f8f5a',
  greenDark: '#2c6b41',
  amber: '#b7791f',
  red: '#c0392b',
  grey: '#8a948c',
} as const;

/** The card every picture is drawn on. */
export const CARD = { radius: 14, padding: 24 } as const;
