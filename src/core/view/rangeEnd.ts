// The instant a report range ends: local midnight starting its `to` day, capped at `now`.

import { localMidnight, parseDay } from '../_lib/zonedTime'
import type { ReportRange } from '../types'

/**
 * The first instant after `range` (its `to` date is exclusive) in the range's time zone (default
 * UTC), or `now` when that comes first: figures "as of the end of a range" never look past now.
 *
 * @throws RangeError naming the bad date when `range.to` is not a YYYY-MM-DD date
 * @example
 * rangeEnd({ from: '2026-10-01', to: '2026-11-01', timeZone: 'UTC' }) //=> Date.UTC(2026, 10, 1)
 */
export function rangeEnd(range: ReportRange, now = Number.POSITIVE_INFINITY): number {
  const day = parseDay(range.to)
  if (day === null) throw new RangeError(`range.to must be a date YYYY-MM-DD, got '${range.to}'`)
  return Math.min(localMidnight(range.timeZone ?? 'UTC', day), now)
}
