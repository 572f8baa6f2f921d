// Time helpers shared by the generator and the API: Zendesk timestamps, the account's business-hours
// schedule and the holiday calendar used for volume dips.

export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/** Default last day of the generated account (the account's clock starts at 23:59:59 UTC that day). */
export const DEFAULT_END_DATE = '2026-10-31'

/** Business hours of the simulated account: Monday–Friday, 08:00–18:00 UTC (600 minutes a day). */
export const BUSINESS_START_MINUTE = 8 * 60
export const BUSINESS_END_MINUTE = 18 * 60
const BUSINESS_DAY_MINUTES = BUSINESS_END_MINUTE - BUSINESS_START_MINUTE
// 1970-01-05 was a Monday: day 4 after the epoch.
const REFERENCE_MONDAY_DAY = 4

/** Zendesk's timestamp format: `2026-10-31T23:59:59Z` (no milliseconds). */
export function iso(ms: number): string {
  const sec = Math.floor(ms / 1000)
  const day = Math.floor(sec / 86_400)
  let prefix = dayPrefixCache.get(day)
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11)
    if (dayPrefixCache.size > 4096) dayPrefixCache.clear()
    dayPrefixCache.set(day, prefix)
  }
  const s = sec - day * 86_400
  const h = Math.floor(s / 3600)
  const m = Math.floor((s - h * 3600) / 60)
  const x = s - h * 3600 - m * 60
  return `${prefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[x]}Z`
}

const dayPrefixCache = new Map<number, string>()
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'))

/** Parses `YYYY-MM-DD` into the account clock instant for the end of that day (23:59:59 UTC). */
export function parseEndDate(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) throw new Error(`invalid end date '${value}': expected YYYY-MM-DD`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d, 23, 59, 59)
  const check = new Date(ms)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new Error(`invalid end date '${value}': no such day`)
  }
  if (y < 2000 || y > 2100) throw new Error(`invalid end date '${value}': year must be 2000–2100`)
  return ms
}

/**
 * Business minutes between the epoch and `ms` under the account schedule (Mon–Fri 08:00–18:00 UTC, no
 * holidays in the schedule). Business minutes between two instants are `businessMinutesAt(b) - businessMinutesAt(a)`.
 */
export function businessMinutesAt(ms: number): number {
  const totalMinutes = Math.floor(ms / MINUTE_MS)
  const day = Math.floor(totalMinutes / 1440)
  const minuteOfDay = totalMinutes - day * 1440
  const d = day - REFERENCE_MONDAY_DAY
  const weeks = Math.floor(d / 7)
  const weekday = d - weeks * 7 // 0 = Monday … 6 = Sunday
  let minutes = weeks * 5 * BUSINESS_DAY_MINUTES + Math.min(weekday, 5) * BUSINESS_DAY_MINUTES
  if (weekday < 5) {
    minutes += Math.min(Math.max(minuteOfDay - BUSINESS_START_MINUTE, 0), BUSINESS_DAY_MINUTES)
  }
  return minutes
}

/** Business minutes between two instants (0 when `to <= from`). */
export function businessMinutesBetween(from: number, to: number): number {
  if (to <= from) return 0
  return businessMinutesAt(to) - businessMinutesAt(from)
}

/** True when `ms` falls inside the account's business hours. */
export function isBusinessHours(ms: number): boolean {
  const day = Math.floor(ms / DAY_MS)
  const weekday = (((day - REFERENCE_MONDAY_DAY) % 7) + 7) % 7
  if (weekday >= 5) return false
  const minuteOfDay = Math.floor((ms - day * DAY_MS) / MINUTE_MS)
  return minuteOfDay >= BUSINESS_START_MINUTE && minuteOfDay < BUSINESS_END_MINUTE
}

/** The next instant at or after `ms` inside business hours. */
export function nextBusinessStart(ms: number): number {
  if (isBusinessHours(ms)) return ms
  let day = Math.floor(ms / DAY_MS)
  const minuteOfDay = Math.floor((ms - day * DAY_MS) / MINUTE_MS)
  if (minuteOfDay >= BUSINESS_START_MINUTE) day++
  for (;;) {
    const start = day * DAY_MS + BUSINESS_START_MINUTE * MINUTE_MS
    if (weekdayOf(start) < 5) return start
    day++
  }
}

/** Day of week of `ms` in UTC, 0 = Monday … 6 = Sunday. */
export function weekdayOf(ms: number): number {
  const day = Math.floor(ms / DAY_MS)
  return (((day - REFERENCE_MONDAY_DAY) % 7) + 7) % 7
}

/**
 * Public holidays of the simulated account (fixed-date ones plus US Thanksgiving and the Friday after):
 * ticket volume dips to about a third on these days.
 */
export function isHoliday(ms: number): boolean {
  const d = new Date(ms)
  const month = d.getUTCMonth() + 1
  const date = d.getUTCDate()
  if (month === 1 && date === 1) return true
  if (month === 7 && date === 4) return true
  if (month === 12 && (date === 24 || date === 25 || date === 26 || date === 31)) return true
  if (month === 11) {
    // Fourth Thursday of November and the day after.
    const first = new Date(Date.UTC(d.getUTCFullYear(), 10, 1)).getUTCDay() // 0 = Sunday
    const firstThursday = 1 + ((4 - first + 7) % 7)
    const thanksgiving = firstThursday + 21
    if (date === thanksgiving || date === thanksgiving + 1) return true
  }
  return false
}

/** Unix seconds. */
export function unix(ms: number): number {
  return Math.floor(ms / 1000)
}
