// The glance's styles as one static style sheet, made from Garden's default theme (sizes, spacing,
// palette) and installed once when the page loads. The glance is the first thing an agent sees, and
// styled-components works out, compiles and inserts each component's CSS the first time it renders
// (and creates its style element on the page's first styled render): for the dozen static parts of
// the glance that was most of the first render. A class name costs nothing at render time. The
// parts below the glance (history, Why?, notices) stay Garden's styled components.
import { DEFAULT_THEME } from '@zendeskgarden/react-theming'
import type { DefaultTheme } from 'styled-components'

import { shadeOf } from './palette'

/** The glance's class names. */
export const glance = {
  sidebar: 'rr-sidebar',
  belowTheFold: 'rr-below-the-fold',
  smallText: 'rr-sm',
  smallLabel: 'rr-sm-label',
  mediumText: 'rr-md',
  mediumStrong: 'rr-md-strong',
  largeStrong: 'rr-lg-strong',
  score: 'rr-score',
  row: 'rr-row',
  wrapRow: 'rr-wrap-row',
  reasons: 'rr-reasons',
  pill: 'rr-pill',
  facts: 'rr-facts',
  countdown: 'rr-countdown',
} as const

/** The Garden hues the pills use (levels and tiers). */
export const PILL_HUES = ['red', 'orange', 'blue', 'grey', 'kale', 'yellow'] as const

type Size = 'sm' | 'md' | 'lg' | 'xxl'

/** Garden's font size, line height and weight for `size` (as its SM/MD/LG/XXL render them). */
function font(theme: DefaultTheme, size: Size, weight: 'regular' | 'semibold'): string {
  return `font-size: ${theme.fontSizes[size]}; line-height: ${theme.lineHeights[size]}; font-weight: ${theme.fontWeights[weight]};`
}

/**
 * The glance's style sheet for `theme` (the app renders in Garden's default theme).
 *
 * @example
 * glanceCss().includes('.rr-score') //=> true
 */
export function glanceCss(theme: DefaultTheme = DEFAULT_THEME): string {
  const { space } = theme
  const c = glance
  const pillHues = PILL_HUES.map(
    (hue) =>
      `.${c.pill}[data-hue='${hue}'] { background: ${shadeOf(theme, hue, 200, '#e9ebed')}; color: ${shadeOf(theme, hue, 900, '#1f2b33')}; }`,
  )
  return [
    `.${c.sidebar} { display: flex; flex-direction: column; gap: ${space.sm}; padding: ${space.xs}; overflow-wrap: anywhere; }`,
    `.${c.belowTheFold} { min-height: ${theme.space.base * 8}px; }`,
    `.${c.smallText} { ${font(theme, 'sm', 'regular')} }`,
    `.${c.smallLabel} { ${font(theme, 'sm', 'semibold')} }`,
    `.${c.mediumText} { ${font(theme, 'md', 'regular')} }`,
    `.${c.mediumStrong} { ${font(theme, 'md', 'semibold')} }`,
    `.${c.largeStrong} { ${font(theme, 'lg', 'semibold')} }`,
    `.${c.score} { ${font(theme, 'xxl', 'semibold')} }`,
    `.${c.row} { display: flex; align-items: center; gap: ${space.sm}; }`,
    `.${c.wrapRow} { display: flex; flex-wrap: wrap; align-items: center; gap: ${space.xs}; }`,
    `.${c.reasons} { margin: ${space.xxs} 0 0; padding-inline-start: ${space.md}; }`,
    `.${c.pill} { display: inline-block; border-radius: 999px; padding: 2px ${space.xs}; ${font(theme, 'sm', 'semibold')} white-space: nowrap; }`,
    ...pillHues,
    `.${c.facts} { display: grid; grid-template-columns: auto 1fr; gap: ${space.xxs} ${space.sm}; margin: 0; }`,
    `.${c.facts} dd { margin: 0; }`,
    `.${c.countdown} { border-inline-start: 4px solid ${shadeOf(theme, 'yellow', 700, '#ac5918')}; padding-inline-start: ${space.xs}; }`,
    `.${c.countdown}[data-state='breached'] { border-inline-start-color: ${shadeOf(theme, 'red', 700, '#cd3642')}; }`,
  ].join('\n')
}

const STYLE_ID = 'rr-glance-styles'

/**
 * Adds the glance's style sheet to `doc` once (again on the same document does nothing).
 *
 * @example
 * installGlanceStyles() // in the sidebar's entry, as the page loads
 */
export function installGlanceStyles(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID) !== null) return
  const style = doc.createElement('style')
  style.id = STYLE_ID
  style.textContent = glanceCss()
  doc.head.append(style)
}
