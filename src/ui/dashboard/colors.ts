// Garden 9 palette shades the dashboard uses (DEFAULT_THEME.palette), typed as plain strings.

export const COLORS = {
  white: '#fff',
  grey100: '#f8f9f9',
  grey300: '#d8dcde',
  grey400: '#b0b8be',
  grey600: '#848f99',
  grey700: '#5c6970',
  grey800: '#39434b',
  grey1200: '#0a0d0e',
  blue300: '#cce0f1',
  blue600: '#2694d6',
  blue700: '#1f73b7',
  green700: '#037f52',
  red700: '#cd3642',
} as const
