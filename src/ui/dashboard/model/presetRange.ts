// The dashboard's ranges: a preset (last 7, 30 or 90 days) or a custom pair of local dates.

import { DAY_MS, formatDay, isValidTimeZone, MINUTE_MS, offsetMinutesAt } from '@/core'
import type { ReportRange } from '@/core'

export const RANGE_PRESETS = ['7', '30', '90'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

/**
 * The range of a preset: the `days` local days up to and including the day of `anchorMs` in
 * `timeZone` (`to` is exclusive, as in `npm run kpi -- --from --to`). The anchor is the data's
 * latest activity, so a preset matches the kpi command's own default end date.
 *
 * @example
 * presetRange('7', Date.parse('2026-10-31T23:59:59Z'), 'UTC')
 * //=> { from: '2026-10-25', to: '2026-11-01', timeZone: 'UTC' }
 */
export function presetRange(preset: RangePreset, anchorMs: number, timeZone: string): ReportRange {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC'
  const toDay = Math.floor((anchorMs + offsetMinutesAt(zone, anchorMs) * MINUTE_MS) / DAY_MS) + 1
  return { from: formatDay(toDay - Number(preset)), to: formatDay(toDay), timeZone: zone }
}
