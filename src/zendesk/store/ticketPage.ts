// The compact on-disk form of one committed export page: typed-array columns (cloned by IndexedDB
// as raw bytes, so a page of 1,000 tickets is a handful of buffers, not 1,000 objects) plus string
// columns for the subject and tags. Pages are replayed in commit order on load.

import { CHANNELS, CSAT_SCORES, DURATION_METRICS, TICKET_PRIORITIES, TICKET_STATUSES } from '@/core'
import type { DurationMetric, MinutePair, TicketRecord } from '@/core'
import type { StoredTicket } from './types'

export const TICKET_PAGE_FORMAT = 'tickets/2'

/** Float64 columns of `numbers`, in this order, each `count` long. NaN stands for null. */
export const NUMBER_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'solvedAt',
  'requesterId',
  'organizationId',
  'assigneeId',
  'groupId',
] as const
/** Int32 columns of `counts`; -1 stands for null. */
export const COUNT_COLUMNS = ['replies', 'reopens', 'assigneeStations'] as const
/** Uint8 columns of `codes`: indexes into the core's lists (priority 0 is "none"). */
export const CODE_COLUMNS = ['status', 'channel', 'csat', 'priority'] as const
/** Pages hold at most this many rows, so a (page, row) pair packs into one number. */
export const PAGE_ROWS_MAX = 65_536

export interface TicketPageRecord {
  format: typeof TICKET_PAGE_FORMAT
  count: number
  numbers: Float64Array
  /** Calendar then business minutes of each duration metric: column `2m` and `2m + 1`. */
  minutes: Float64Array
  counts: Int32Array
  codes: Uint8Array
  subjects: string[]
  /** The ticket's tags joined by spaces (Zendesk tags hold no spaces). */
  tags: string[]
}

const N = NUMBER_COLUMNS.length
const M = DURATION_METRICS.length * 2
const C = COUNT_COLUMNS.length
const K = CODE_COLUMNS.length
const STATUS = new Map<string, number>(TICKET_STATUSES.map((s, i) => [s, i]))
const CHANNEL = new Map<string, number>(CHANNELS.map((s, i) => [s, i]))
const CSAT = new Map<string, number>(CSAT_SCORES.map((s, i) => [s, i]))
const PRIORITY = new Map<string, number>(TICKET_PRIORITIES.map((s, i) => [s, i + 1]))
const CODE_LIMITS = [TICKET_STATUSES.length, CHANNELS.length, CSAT_SCORES.length, 5] as const

const numIn = (v: number | null): number => (v === null ? NaN : v)
const numOut = (v: number): number | null => (Number.isNaN(v) ? null : v)

/**
 * Packs stored tickets into one page record.
 *
 * @example
 * encodeTicketPage([stored]).count //=> 1
 */
export function encodeTicketPage(tickets: readonly StoredTicket[]): TicketPageRecord {
  const n = tickets.length
  if (n > PAGE_ROWS_MAX)
    throw new RangeError(`a page holds at most ${PAGE_ROWS_MAX} tickets, got ${n}`)
  const numbers = new Float64Array(N * n)
  const minutes = new Float64Array(M * n)
  const counts = new Int32Array(C * n)
  const codes = new Uint8Array(K * n)
  const subjects: string[] = new Array<string>(n)
  const tags: string[] = new Array<string>(n)
  tickets.forEach((s, i) => {
    const t = s.ticket
    numbers[i] = t.id
    numbers[n + i] = t.createdAt
    numbers[2 * n + i] = t.updatedAt
    numbers[3 * n + i] = numIn(t.solvedAt)
    numbers[4 * n + i] = numIn(t.requesterId)
    numbers[5 * n + i] = numIn(t.organizationId)
    numbers[6 * n + i] = numIn(t.assigneeId)
    numbers[7 * n + i] = numIn(t.groupId)
    DURATION_METRICS.forEach((m, j) => {
      minutes[2 * j * n + i] = numIn(t.minutes[m].calendar)
      minutes[(2 * j + 1) * n + i] = numIn(t.minutes[m].business)
    })
    counts[i] = t.replies ?? -1
    counts[n + i] = t.reopens ?? -1
    counts[2 * n + i] = t.assigneeStations ?? -1
    codes[i] = STATUS.get(t.status) ?? 0
    codes[n + i] = CHANNEL.get(t.channel) ?? CHANNELS.length - 1
    codes[2 * n + i] = CSAT.get(t.csat) ?? 0
    codes[3 * n + i] = s.priority === null ? 0 : (PRIORITY.get(s.priority) ?? 0)
    subjects[i] = s.subject
    tags[i] = s.tags.join(' ')
  })
  return { format: TICKET_PAGE_FORMAT, count: n, numbers, minutes, counts, codes, subjects, tags }
}

function isStringArray(v: unknown, n: number): v is string[] {
  if (!Array.isArray(v) || v.length !== n) return false
  for (const s of v) if (typeof s !== 'string') return false
  return true
}

/**
 * Why a value read from the store is not a usable ticket page (a record cut short, written by
 * another version or damaged), or null when it is one.
 *
 * @example
 * ticketPageProblem({ format: 'tickets/2', count: 2, numbers: new Float64Array(3) })
 * //=> 'numbers holds 3 values, expected 16 (8 columns × 2 tickets)'
 */
export function ticketPageProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null)
    return `expected a page object, got ${String(value)}`
  const v = value as Partial<Record<keyof TicketPageRecord, unknown>>
  if (v.format !== TICKET_PAGE_FORMAT)
    return `format is ${v.format === undefined ? 'missing' : JSON.stringify(v.format)}, expected "${TICKET_PAGE_FORMAT}"`
  const n = v.count
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > PAGE_ROWS_MAX)
    return `count is ${String(n)}, expected an integer from 0 to ${PAGE_ROWS_MAX}`
  const columns: [keyof TicketPageRecord, string, number][] = [
    ['numbers', 'Float64Array', N],
    ['minutes', 'Float64Array', M],
    ['counts', 'Int32Array', C],
    ['codes', 'Uint8Array', K],
  ]
  for (const [name, typeName, width] of columns) {
    const col = v[name]
    // by tag, not instanceof: arrays cloned by IndexedDB may come from another realm
    if (Object.prototype.toString.call(col) !== `[object ${typeName}]`)
      return `${name} is not a ${typeName}`
    const length = (col as Uint8Array).length
    if (length !== width * n)
      return `${name} holds ${length} values, expected ${width * n} (${width} columns × ${n} tickets)`
  }
  if (!isStringArray(v.subjects, n)) return `subjects is not a list of ${n} strings`
  if (!isStringArray(v.tags, n)) return `tags is not a list of ${n} strings`
  const codes = v.codes as Uint8Array
  for (let c = 0; c < K; c++) {
    const limit = CODE_LIMITS[c] as number
    for (let i = c * n; i < (c + 1) * n; i++) {
      if ((codes[i] as number) >= limit)
        return `${CODE_COLUMNS[c] as string} code ${codes[i] as number} of row ${i - c * n} is unknown`
    }
  }
  const numbers = v.numbers as Float64Array
  for (let i = 0; i < n; i++) {
    const id = numbers[i] as number
    if (!Number.isSafeInteger(id) || id <= 0) return `row ${i} has id ${id}`
    if (!Number.isFinite(numbers[n + i]) || !Number.isFinite(numbers[2 * n + i]))
      return `ticket ${id} has no valid created or updated time`
  }
  return null
}

/** A reusable record the loader fills row by row (the engine copies what it keeps). */
export function blankRecord(): TicketRecord {
  const minutes = {} as Record<DurationMetric, MinutePair>
  for (const m of DURATION_METRICS) minutes[m] = { calendar: null, business: null }
  return {
    id: 0,
    status: 'new',
    channel: 'other',
    createdAt: 0,
    updatedAt: 0,
    solvedAt: null,
    requesterId: null,
    organizationId: null,
    assigneeId: null,
    groupId: null,
    replies: null,
    reopens: null,
    assigneeStations: null,
    minutes,
    csat: 'none',
  }
}

const countOut = (v: number): number | null => (v < 0 ? null : v)

/**
 * Fills `into` with row `i` of a checked page and returns it.
 *
 * @example
 * readTicketRecord(page, 0, blankRecord()).id //=> 17
 */
export function readTicketRecord(
  page: TicketPageRecord,
  i: number,
  into: TicketRecord,
): TicketRecord {
  const n = page.count
  const { numbers, minutes, counts, codes } = page
  into.id = numbers[i] as number
  into.createdAt = numbers[n + i] as number
  into.updatedAt = numbers[2 * n + i] as number
  into.solvedAt = numOut(numbers[3 * n + i] as number)
  into.requesterId = numOut(numbers[4 * n + i] as number)
  into.organizationId = numOut(numbers[5 * n + i] as number)
  into.assigneeId = numOut(numbers[6 * n + i] as number)
  into.groupId = numOut(numbers[7 * n + i] as number)
  for (let j = 0; j < DURATION_METRICS.length; j++) {
    const pair = into.minutes[DURATION_METRICS[j] as DurationMetric]
    pair.calendar = numOut(minutes[2 * j * n + i] as number)
    pair.business = numOut(minutes[(2 * j + 1) * n + i] as number)
  }
  into.replies = countOut(counts[i] as number)
  into.reopens = countOut(counts[n + i] as number)
  into.assigneeStations = countOut(counts[2 * n + i] as number)
  into.status = TICKET_STATUSES[codes[i] as number] as TicketRecord['status']
  into.channel = CHANNELS[codes[n + i] as number] as TicketRecord['channel']
  into.csat = CSAT_SCORES[codes[2 * n + i] as number] as TicketRecord['csat']
  return into
}

/**
 * Row `i` of a checked page as a new StoredTicket.
 *
 * @example
 * readStoredTicket(page, 0).subject //=> 'Refund for order 1234'
 */
export function readStoredTicket(page: TicketPageRecord, i: number): StoredTicket {
  const ticket = readTicketRecord(page, i, blankRecord())
  const p = page.codes[3 * page.count + i] as number
  const tags = page.tags[i] as string
  return {
    ticket,
    tags: tags === '' ? [] : tags.split(' '),
    priority: p === 0 ? null : (TICKET_PRIORITIES[p - 1] ?? null),
    subject: page.subjects[i] as string,
  }
}
