// Time-zone arithmetic with Intl.DateTimeFormat only (a JS builtin): local dates, offsets, and an
// offset table so that a million instants map to local day/weekday/hour without Intl calls.

import { madeOnce } from './madeOnce'
import { DAY_MS as DAY, MINUTE_MS as MINUTE } from './time'

/** Offsets are tabulated per 15 minutes: every real zone changes offset on a quarter hour. */
const SLOT = 15 * MINUTE
/** Read once: the CommonJS build (node, jest) turns an imported binding into a getter call. */
const MINUTE_MS_LOCAL = MINUTE

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  // throws RangeError on an unknown zone: a caller contract violation
  return madeOnce(
    formatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  )
}

/**
 * Whether `timeZone` is an IANA zone this runtime knows.
 *
 * @example
 * isValidTimeZone('Europe/Paris') //=> true
 * isValidTimeZone('Mars/Olympus') //=> false
 */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/**
 * Offset of local time from UTC, in minutes, at an instant.
 *
 * @example
 * offsetMinutesAt('Europe/Paris', Date.UTC(2024, 6, 1)) //=> 120
 */
export function offsetMinutesAt(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant))
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  const seconds = Math.floor(instant / 1000) * 1000
  return Math.round((local - seconds) / MINUTE)
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date, or null when it is not a valid date.
 *
 * @example
 * parseDay('1970-01-02') //=> 1
 * parseDay('2024-02-30') //=> null
 */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (m === null) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null
  }
  return ms / DAY
}

/**
 * `YYYY-MM-DD` of a day number.
 *
 * @example
 * formatDay(19723) //=> '2024-01-01'
 */
export function formatDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10)
}

/**
 * The UTC instant of local midnight starting `day` in `timeZone` (the first instant of that
 * local date; on a DST gap at midnight, the first existing local time).
 *
 * @example
 * localMidnight('Europe/Paris', 19723) //=> Date.UTC(2023, 11, 31, 23)
 */
export function localMidnight(timeZone: string, day: number): number {
  const wall = day * DAY
  let guess = wall - offsetMinutesAt(timeZone, wall) * MINUTE
  guess = wall - offsetMinutesAt(timeZone, guess) * MINUTE
  // a DST gap can leave us one offset step late or early: settle on the first instant of the day
  const localDay = Math.floor((guess + offsetMinutesAt(timeZone, guess) * MINUTE) / DAY)
  if (localDay > day) guess -= 60 * MINUTE
  return guess
}

/**
 * Offsets tabulated per quarter hour over `[start, end)`, so `localTime(t)` is an array lookup.
 * Built from one Intl call per UTC day, refined to quarter hours only on days where the offset
 * changes.
 */
export class OffsetTable {
  readonly start: number
  readonly end: number
  private readonly slots: Int16Array

  constructor(timeZone: string, start: number, end: number) {
    this.start = Math.floor(start / SLOT) * SLOT
    this.end = Math.max(this.start, end)
    const n = Math.ceil((this.end - this.start) / SLOT) + 1
    this.slots = new Int16Array(n)
    const perDay = DAY / SLOT
    let prev = offsetMinutesAt(timeZone, this.start)
    for (let s = 0; s < n; s += perDay) {
      const last = Math.min(n, s + perDay)
      const next = offsetMinutesAt(timeZone, this.start + last * SLOT)
      if (next === prev) this.slots.fill(prev, s, last)
      else
        for (let i = s; i < last; i++)
          this.slots[i] = offsetMinutesAt(timeZone, this.start + i * SLOT)
      prev = next
    }
  }

  /** Local wall-clock time (as if UTC) of an instant inside the table's span. */
  localTime(instant: number): number {
    const slot = Math.floor((instant - this.start) / SLOT)
    const off = this.slots[slot]
    return off === undefined ? NaN : instant + off * MINUTE_MS_LOCAL
  }
}
