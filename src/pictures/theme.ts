/**
 * Colours of every picture. A picture has its own opaque, light card behind it, so its text reads
 * the same in Discord's dark and light themes (WCAG contrast of at least 4.5:1 against what it sits
 * on); the border, a mid grey, stands at least 3:1 apart from both chat backgrounds so the card's
 * edge shows on the light theme too. Meanings never rest on colour alone: states also differ in
 * shape or carry a word. test/pictures/themes.test.ts checks all of this on every picture.
 */
export const THEME = {
  card: '#fbfaf6',
  border: '#808b83',
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

/** Discord's chat backgrounds, which a picture's edge must stand apart from. */
export const CHAT_BACKGROUNDS = { dark: '#313338', light: '#ffffff' } as const;

/**
 * Discord shows a picture in the chat scaled down to fit about 400 pixels wide (an embed's image is
 * held to about 400 × 300); opened, it shows at full size. Every text must still be this many pixels high
 * at that scale: in a picture W units wide, no text is smaller than 11 × W / 400 units (the pictures
 * are rendered at one pixel a unit).
 */
export const PREVIEW = { width: 400, minTextPx: 11 } as const;
