// The compact on-disk form of one committed page of ticket metric events (SLA): typed-array
// columns, replayed into the engine on load (repeats are harmless there).

import { SLA_EVENT_TYPES, SLA_METRICS } from '@/core'
import type { SlaEvent } from '@/core'

export const EVENT_PAGE_FORMAT = 'slaEvents/2'

export interface EventPageRecord {
  format: typeof EVENT_PAGE_FORMAT
  count: number
  /** Float64 columns: id, ticketId, time (epoch ms). */
  numbers: Float64Array
  instanceIds: Int32Array
  /** Uint8 columns: metric, type, deleted (0/1). */
  codes: Uint8Array
}

const METRIC = new Map<string, number>(SLA_METRICS.map((s, i) => [s, i]))
const TYPE = new Map<string, number>(SLA_EVENT_TYPES.map((s, i) => [s, i]))

/**
 * Packs SLA events into one page record.
 *
 * @example
 * encodeEventPage([event]).count //=> 1
 */
export function encodeEventPage(events: readonly SlaEvent[]): EventPageRecord {
  const n = events.length
  const numbers = new Float64Array(3 * n)
  const instanceIds = new Int32Array(n)
  const codes = new Uint8Array(3 * n)
  events.forEach((e, i) => {
    numbers[i] = e.id
    numbers[n + i] = e.ticketId
    numbers[2 * n + i] = e.time
    instanceIds[i] = e.instanceId
    codes[i] = METRIC.get(e.metric) ?? 0
    codes[n + i] = TYPE.get(e.type) ?? 0
    codes[2 * n + i] = e.deleted ? 1 : 0
  })
  return { format: EVENT_PAGE_FORMAT, count: n, numbers, instanceIds, codes }
}

const tagOf = (v: unknown): string => Object.prototype.toString.call(v)

/**
 * Why a stored value is not a usable event page, or null when it is one.
 *
 * @example
 * eventPageProblem({ format: 'slaEvents/2', count: 1 }) //=> 'numbers is not a Float64Array'
 */
export function eventPageProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null)
    return `expected a page object, got ${String(value)}`
  const v = value as Partial<Record<keyof EventPageRecord, unknown>>
  if (v.format !== EVENT_PAGE_FORMAT)
    return `format is ${v.format === undefined ? 'missing' : JSON.stringify(v.format)}, expected "${EVENT_PAGE_FORMAT}"`
  const n = v.count
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    return `count is ${String(n)}, expected a non-negative integer`
  if (tagOf(v.numbers) !== '[object Float64Array]') return 'numbers is not a Float64Array'
  if (tagOf(v.instanceIds) !== '[object Int32Array]') return 'instanceIds is not an Int32Array'
  if (tagOf(v.codes) !== '[object Uint8Array]') return 'codes is not a Uint8Array'
  const numbers = v.numbers as Float64Array
  const codes = v.codes as Uint8Array
  if (numbers.length !== 3 * n) return `numbers holds ${numbers.length} values, expected ${3 * n}`
  if ((v.instanceIds as Int32Array).length !== n)
    return `instanceIds holds the wrong number of values`
  if (codes.length !== 3 * n) return `codes holds ${codes.length} values, expected ${3 * n}`
  for (let i = 0; i < n; i++) {
    if (
      (codes[i] as number) >= SLA_METRICS.length ||
      (codes[n + i] as number) >= SLA_EVENT_TYPES.length
    )
      return `event ${numbers[i] as number} has an unknown metric or type code`
    if (!Number.isFinite(numbers[n + i]) || !Number.isFinite(numbers[2 * n + i]))
      return `event ${numbers[i] as number} has no valid ticket id or time`
  }
  return null
}

/**
 * Fills `into` with event `i` of a checked page and returns it.
 *
 * @example
 * fillEvent(page, 0, {} as SlaEvent).ticketId //=> 17
 */
export function fillEvent(page: EventPageRecord, i: number, into: SlaEvent): SlaEvent {
  const n = page.count
  into.id = page.numbers[i] as number
  into.ticketId = page.numbers[n + i] as number
  into.time = page.numbers[2 * n + i] as number
  into.instanceId = page.instanceIds[i] as number
  into.metric = SLA_METRICS[page.codes[i] as number] as SlaEvent['metric']
  into.type = SLA_EVENT_TYPES[page.codes[n + i] as number] as SlaEvent['type']
  into.deleted = page.codes[2 * n + i] === 1
  return into
}

/**
 * The events of a checked page.
 *
 * @example
 * readEvents(encodeEventPage([event]))[0] //=> event
 */
export function readEvents(page: EventPageRecord): SlaEvent[] {
  const out = new Array<SlaEvent>(page.count)
  for (let i = 0; i < page.count; i++) out[i] = fillEvent(page, i, {} as SlaEvent)
  return out
}
