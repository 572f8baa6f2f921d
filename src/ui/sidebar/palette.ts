import type { DefaultTheme } from 'styled-components'

/**
 * A shade of a Garden palette hue, or `fallback` when the theme lacks it.
 *
 * @example
 * shadeOf(theme, 'red', 700, '#cd3642') //=> '#cd3642'
 */
export function shadeOf(theme: DefaultTheme, hue: string, shade: number, fallback: string): string {
  const colors: unknown = theme.palette[hue]
  if (typeof colors !== 'object' || colors === null) return fallback
  const value: unknown = (colors as Record<number, unknown>)[shade]
  return typeof value === 'string' ? value : fallback
}
