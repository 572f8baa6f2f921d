// The last day inside a range, for the custom range's date inputs.

import { formatDay, parseDay } from '@/core'
import type { ReportRange } from '@/core'

/**
 * The last day inside a range (its `to` is exclusive), for the custom range's date inputs.
 *
 * @example
 * lastDayOf({ from: '2026-10-01', to: '2026-11-01' }) //=> '2026-10-31'
 */
export function lastDayOf(range: ReportRange): string {
  const to = parseDay(range.to)
  return to === null ? range.to : formatDay(to - 1)
}
