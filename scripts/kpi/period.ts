// The report period from the flags, with defaults taken from the data.

import { formatDay, isValidTimeZone, offsetMinutesAt, parseDay } from '@/core'
import type { KpiEngine, ReportRange } from '@/core'
import { UsageError } from '../command/args'

const DAY = 86_400_000
/** Default period length: Zendesk Benchmark's 28-day window (docs/kpi-definitions.md A.1). */
export const DEFAULT_DAYS = 28

function localDay(instant: number, timeZone: string): number {
  return Math.floor((instant + offsetMinutesAt(timeZone, instant) * 60_000) / DAY)
}

/** Checks the flags and fills in missing dates from the data's extent. */
export function resolvePeriod(
  engine: KpiEngine,
  flags: { from: string | undefined; to: string | undefined; timeZone: string },
): ReportRange {
  const { timeZone } = flags
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--tz: unknown time zone '${timeZone}'`)
  for (const [flag, value] of [
    ['--from', flags.from],
    ['--to', flags.to],
  ] as const) {
    if (value !== undefined && parseDay(value) === null) {
      throw new UsageError(`${flag}: expected a date YYYY-MM-DD, got '${value}'`)
    }
  }
  let toDay = flags.to === undefined ? undefined : (parseDay(flags.to) as number)
  let fromDay = flags.from === undefined ? undefined : (parseDay(flags.from) as number)
  if (toDay === undefined) {
    const extent = engine.dataExtent()
    const last = extent === null ? Date.now() : extent.last
    toDay = localDay(last, timeZone) + 1
    if (fromDay !== undefined && toDay <= fromDay) toDay = fromDay + 1
  }
  fromDay ??= toDay - DEFAULT_DAYS
  if (toDay <= fromDay)
    throw new UsageError(`--to (${formatDay(toDay)}) must be after --from (${formatDay(fromDay)})`)
  return { from: formatDay(fromDay), to: formatDay(toDay), timeZone }
}
