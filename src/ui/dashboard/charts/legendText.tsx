import { COLORS } from '../colors'

/**
 * Legend labels in the text colour: Recharts colours them like their series, and light series
 * colours (the grey previous period, the orange buckets) fail the 4.5:1 contrast for text.
 */
export function legendText(value: unknown) {
  return <span style={{ color: COLORS.grey800 }}>{String(value)}</span>
}
