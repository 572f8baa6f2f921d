// The compact on-disk form of one committed export page: every numeric column in ONE ArrayBuffer
// and every subject and tag list in ONE string (IndexedDB clones a buffer as raw bytes and a string
// in one piece, so a page of 1,000 tickets is two values, not 1,000 objects). Pages are replayed
// in commit order on load.

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
// readTicketRecord writes the minute pairs in this order
const MINUTE_ORDER = 'firstReply,firstResolution,fullResolution,requesterWait,agentWait,onHold'
if (DURATION_METRICS.join(',') !== MINUTE_ORDER)
  throw new Error(
    `ticketPage: DURATION_METRICS changed (${DURATION_METRICS.join(',')}); update readTicketRecord`,
  )

/** Pages hold at most this many rows, so a (page, row) pair packs into one number. */
export const PAGE_ROWS_MAX = 65_536

/** A page as stored. */
export interface TicketPageRecord {
  format: typeof TICKET_PAGE_FORMAT
  count: number
  /**
   * 4 when every minute value of the page is exactly a Float32 (Zendesk's metric minutes are whole
   * numbers), else 8: the smaller page loads faster, and no value is ever rounded.
   */
  minuteBytes: 4 | 8
  /**
   * The columns, each `count` long, in this order: `numbers` (Float64 × 8, NaN = null), `minutes`
   * (Float32 or Float64 × 12: calendar then business of each duration metric), `counts` (Int32 × 3, -1 =
   * null), `textEnds` (Uint32 × 2: where each row's subject and tags end in `text`), `codes`
   * (Uint8 × 4).
   */
  columns: ArrayBuffer
  /** Each row's subject then its tags joined by spaces (Zendesk tags hold no spaces). */
  text: string
}

/** A checked page with typed views over its columns. */
export interface TicketColumns {
  count: number
  numbers: Float64Array
  minutes: Float32Array | Float64Array
  counts: Int32Array
  textEnds: Uint32Array
  codes: Uint8Array
  text: string
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

/** Bytes of the columns of a page of `n` rows. */
function columnBytes(n: number, minuteBytes: 4 | 8): number {
  return N * 8 * n + M * minuteBytes * n + C * 4 * n + 2 * 4 * n + K * n
}

/** True when every minute value is exactly representable as a Float32 (or null). */
function minutesFitFloat32(tickets: readonly StoredTicket[]): boolean {
  for (const s of tickets) {
    for (const m of DURATION_METRICS) {
      const { calendar, business } = s.ticket.minutes[m]
      if (calendar !== null && Math.fround(calendar) !== calendar) return false
      if (business !== null && Math.fround(business) !== business) return false
    }
  }
  return true
}

function views(
  buffer: ArrayBuffer,
  n: number,
  minuteBytes: 4 | 8,
): Omit<TicketColumns, 'text' | 'count'> {
  let at = 0
  const take = <T>(make: (offset: number) => T, bytes: number): T => {
    const view = make(at)
    at += bytes
    return view
  }
  return {
    numbers: take((o) => new Float64Array(buffer, o, N * n), N * 8 * n),
    minutes: take(
      (o) =>
        minuteBytes === 4 ? new Float32Array(buffer, o, M * n) : new Float64Array(buffer, o, M * n),
      M * minuteBytes * n,
    ),
    counts: take((o) => new Int32Array(buffer, o, C * n), C * 4 * n),
    textEnds: take((o) => new Uint32Array(buffer, o, 2 * n), 2 * 4 * n),
    codes: take((o) => new Uint8Array(buffer, o, K * n), K * n),
  }
}

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
  const minuteBytes = minutesFitFloat32(tickets) ? 4 : 8
  const columns = new ArrayBuffer(columnBytes(n, minuteBytes))
  const { numbers, minutes, counts, textEnds, codes } = views(columns, n, minuteBytes)
  const parts: string[] = []
  let end = 0
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
    const tags = s.tags.join(' ')
    parts.push(s.subject, tags)
    end += s.subject.length
    textEnds[2 * i] = end
    end += tags.length
    textEnds[2 * i + 1] = end
  })
  return { format: TICKET_PAGE_FORMAT, count: n, minuteBytes, columns, text: parts.join('') }
}

/**
 * A value read from the store as a checked page, or why it is not one (a record cut short,
 * written by another version or damaged).
 *
 * @example
 * decodeTicketPage({ format: 'tickets/2', count: 2, minuteBytes: 8, columns: new ArrayBuffer(8), text: '' })
 * //=> 'columns holds 8 bytes, expected 368 for 2 tickets'
 */
export function decodeTicketPage(value: unknown): TicketColumns | string {
  if (typeof value !== 'object' || value === null)
    return `expected a page object, got ${String(value)}`
  const v = value as Partial<Record<keyof TicketPageRecord, unknown>>
  if (v.format !== TICKET_PAGE_FORMAT)
    return `format is ${v.format === undefined ? 'missing' : JSON.stringify(v.format)}, expected "${TICKET_PAGE_FORMAT}"`
  const n = v.count
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > PAGE_ROWS_MAX)
    return `count is ${String(n)}, expected an integer from 0 to ${PAGE_ROWS_MAX}`
  const minuteBytes = v.minuteBytes
  if (minuteBytes !== 4 && minuteBytes !== 8)
    return `minuteBytes is ${String(minuteBytes)}, expected 4 or 8`
  // by tag, not instanceof: buffers cloned by IndexedDB may come from another realm
  if (Object.prototype.toString.call(v.columns) !== '[object ArrayBuffer]')
    return 'columns is not an ArrayBuffer'
  const buffer = v.columns as ArrayBuffer
  if (buffer.byteLength !== columnBytes(n, minuteBytes))
    return `columns holds ${buffer.byteLength} bytes, expected ${columnBytes(n, minuteBytes)} for ${n} tickets`
  if (typeof v.text !== 'string') return 'text is not a string'
  const cols: TicketColumns = { count: n, text: v.text, ...views(buffer, n, minuteBytes) }
  const { codes, numbers, textEnds } = cols
  for (let c = 0; c < K; c++) {
    const limit = CODE_LIMITS[c] as number
    for (let i = c * n; i < (c + 1) * n; i++) {
      if ((codes[i] as number) >= limit)
        return `${CODE_COLUMNS[c] as string} code ${codes[i] as number} of row ${i - c * n} is unknown`
    }
  }
  let last = 0
  for (let i = 0; i < 2 * n; i++) {
    const end = textEnds[i] as number
    if (end < last || end > v.text.length) return `text ends of row ${i >> 1} are out of order`
    last = end
  }
  for (let i = 0; i < n; i++) {
    const id = numbers[i] as number
    if (!Number.isSafeInteger(id) || id <= 0) return `row ${i} has id ${id}`
    if (!Number.isFinite(numbers[n + i]) || !Number.isFinite(numbers[2 * n + i]))
      return `ticket ${id} has no valid created or updated time`
  }
  return cols
}

/**
 * An empty ticket record (no times, counts or people): the loader reuses one row by row (the
 * engine copies what it keeps), and the sync's tombstones of deleted tickets start from it.
 */
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
 * Fills `into` (from `blankRecord`) with row `i` of a checked page and returns it. Called once per
 * stored ticket on a cold start, so the six minute pairs are written without lookups by name.
 *
 * @example
 * readTicketRecord(page, 0, blankRecord()).id //=> 17
 */
export function readTicketRecord(page: TicketColumns, i: number, into: TicketRecord): TicketRecord {
  const n = page.count
  const { numbers, minutes: mins, counts, codes } = page
  into.id = numbers[i] as number
  into.createdAt = numbers[n + i] as number
  into.updatedAt = numbers[2 * n + i] as number
  into.solvedAt = numOut(numbers[3 * n + i] as number)
  into.requesterId = numOut(numbers[4 * n + i] as number)
  into.organizationId = numOut(numbers[5 * n + i] as number)
  into.assigneeId = numOut(numbers[6 * n + i] as number)
  into.groupId = numOut(numbers[7 * n + i] as number)
  const m = into.minutes
  m.firstReply.calendar = numOut(mins[i] as number)
  m.firstReply.business = numOut(mins[n + i] as number)
  m.firstResolution.calendar = numOut(mins[2 * n + i] as number)
  m.firstResolution.business = numOut(mins[3 * n + i] as number)
  m.fullResolution.calendar = numOut(mins[4 * n + i] as number)
  m.fullResolution.business = numOut(mins[5 * n + i] as number)
  m.requesterWait.calendar = numOut(mins[6 * n + i] as number)
  m.requesterWait.business = numOut(mins[7 * n + i] as number)
  m.agentWait.calendar = numOut(mins[8 * n + i] as number)
  m.agentWait.business = numOut(mins[9 * n + i] as number)
  m.onHold.calendar = numOut(mins[10 * n + i] as number)
  m.onHold.business = numOut(mins[11 * n + i] as number)
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
export function readStoredTicket(page: TicketColumns, i: number): StoredTicket {
  const ticket = readTicketRecord(page, i, blankRecord())
  const p = page.codes[3 * page.count + i] as number
  const start = i === 0 ? 0 : (page.textEnds[2 * i - 1] as number)
  const subjectEnd = page.textEnds[2 * i] as number
  const tags = page.text.slice(subjectEnd, page.textEnds[2 * i + 1])
  return {
    ticket,
    tags: tags === '' ? [] : tags.split(' '),
    priority: p === 0 ? null : (TICKET_PRIORITIES[p - 1] ?? null),
    subject: page.text.slice(start, subjectEnd),
  }
}
