// A custom range picked as two local dates.

import { formatDay, isValidTimeZone, parseDay } from '@/core'
import type { ReportRange } from '@/core'

/** Why a custom range was refused (a translation key under dashboard.range.errors). */
export type CustomRangeError = 'badFrom' | 'badTo' | 'order' | 'tooLong'

/** Longest custom range, in days: two years keeps the heatmap and day chart readable. */
export const MAX_CUSTOM_DAYS = 731

/**
 * A custom range from two date inputs (`to` inclusive, as people pick it), or why it is refused.
 *
 * @example
 * customRange('2026-10-01', '2026-10-31', 'UTC') //=> { range: { from: '2026-10-01', to: '2026-11-01', timeZone: 'UTC' } }
 * customRange('2026-10-31', '2026-10-01', 'UTC') //=> { error: 'order' }
 */
export function customRange(
  from: string,
  toInclusive: string,
  timeZone: string,
): { range: ReportRange } | { error: CustomRangeError } {
  const fromDay = parseDay(from)
  const toDay = parseDay(toInclusive)
  if (fromDay === null) return { error: 'badFrom' }
  if (toDay === null) return { error: 'badTo' }
  if (toDay < fromDay) return { error: 'order' }
  if (toDay - fromDay + 1 > MAX_CUSTOM_DAYS) return { error: 'tooLong' }
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC'
  return { range: { from: formatDay(fromDay), to: formatDay(toDay + 1), timeZone: zone } }
}
