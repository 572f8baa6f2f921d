// The columnar ticket store: one typed array per field, rows addressed by an id hash table.

import { IdTable } from '../_lib/idTable'
import { CHANNELS, CSAT_SCORES, DURATION_METRICS, TICKET_STATUSES } from '../types'
import type { DurationMetric, MinutePair, TicketRecord } from '../types'

/**
 * Each name's code in the columns: its index in the list.
 *
 * @example
 * codesOf(['good', 'bad']) //=> { good: 0, bad: 1 }
 */
function codesOf<T extends string>(names: readonly T[]): Readonly<Record<T, number>> {
  const codes = new Map<T, number>(names.map((name, i) => [name, i]))
  return Object.fromEntries(codes) as Record<T, number>
}

export const STATUS_CODE = codesOf(TICKET_STATUSES)
export const CHANNEL_CODE = codesOf(CHANNELS)
export const CSAT_CODE = codesOf(CSAT_SCORES)

export const SOLVED = STATUS_CODE.solved
export const CLOSED = STATUS_CODE.closed
export const DELETED = STATUS_CODE.deleted

/** Counts are stored in Int16 with -1 for null; larger counts saturate. */
const COUNT_MAX = 32767

function countIn(v: number | null): number {
  return v === null || !Number.isFinite(v) || v < 0 ? -1 : Math.min(COUNT_MAX, Math.floor(v))
}
function countOut(v: number): number | null {
  return v < 0 ? null : v
}
function numIn(v: number | null): number {
  return v === null || !Number.isFinite(v) ? NaN : v
}
function numOut(v: number): number | null {
  return Number.isNaN(v) ? null : v
}

/** Interns ids (agents, groups) into small indexes; index 0 is "none". */
export class IdDictionary {
  private readonly index = new Map<number, number>()
  readonly ids: (number | null)[] = [null]

  intern(id: number | null): number {
    if (id === null) return 0
    let i = this.index.get(id)
    if (i === undefined) {
      i = this.ids.length
      this.ids.push(id)
      this.index.set(id, i)
    }
    return i
  }

  get size(): number {
    return this.ids.length
  }
}

/** Column arrays of the store; `minutes[m * 2]` is calendar, `minutes[m * 2 + 1]` business. */
export class TicketStore {
  length = 0
  capacity: number
  readonly rows: IdTable
  readonly agents = new IdDictionary()
  readonly groups = new IdDictionary()

  id: Float64Array
  createdAt: Float64Array
  updatedAt: Float64Array
  solvedAt: Float64Array
  requesterId: Float64Array
  organizationId: Float64Array
  assignee: Uint32Array
  group: Uint32Array
  status: Uint8Array
  channel: Uint8Array
  csat: Uint8Array
  replies: Int16Array
  reopens: Int16Array
  stations: Int16Array
  minutes: Float32Array[]

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity)
    this.rows = new IdTable(this.capacity)
    const c = this.capacity
    this.id = new Float64Array(c)
    this.createdAt = new Float64Array(c)
    this.updatedAt = new Float64Array(c)
    this.solvedAt = new Float64Array(c)
    this.requesterId = new Float64Array(c)
    this.organizationId = new Float64Array(c)
    this.assignee = new Uint32Array(c)
    this.group = new Uint32Array(c)
    this.status = new Uint8Array(c)
    this.channel = new Uint8Array(c)
    this.csat = new Uint8Array(c)
    this.replies = new Int16Array(c)
    this.reopens = new Int16Array(c)
    this.stations = new Int16Array(c)
    this.minutes = DURATION_METRICS.flatMap(() => [new Float32Array(c), new Float32Array(c)])
  }

  private grow(): void {
    const c = this.capacity * 2
    const g = <T extends Float64Array | Float32Array | Uint32Array | Uint8Array | Int16Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const next = make(c)
      next.set(a)
      return next
    }
    this.id = g(this.id, (n) => new Float64Array(n))
    this.createdAt = g(this.createdAt, (n) => new Float64Array(n))
    this.updatedAt = g(this.updatedAt, (n) => new Float64Array(n))
    this.solvedAt = g(this.solvedAt, (n) => new Float64Array(n))
    this.requesterId = g(this.requesterId, (n) => new Float64Array(n))
    this.organizationId = g(this.organizationId, (n) => new Float64Array(n))
    this.assignee = g(this.assignee, (n) => new Uint32Array(n))
    this.group = g(this.group, (n) => new Uint32Array(n))
    this.status = g(this.status, (n) => new Uint8Array(n))
    this.channel = g(this.channel, (n) => new Uint8Array(n))
    this.csat = g(this.csat, (n) => new Uint8Array(n))
    this.replies = g(this.replies, (n) => new Int16Array(n))
    this.reopens = g(this.reopens, (n) => new Int16Array(n))
    this.stations = g(this.stations, (n) => new Int16Array(n))
    this.minutes = this.minutes.map((a) => g(a, (n) => new Float32Array(n)))
    this.capacity = c
  }

  /** Appends a new row for the record and returns its index. */
  append(record: TicketRecord): number {
    if (this.length === this.capacity) this.grow()
    const row = this.length++
    this.rows.set(record.id, row)
    this.write(row, record)
    return row
  }

  /** Overwrites every column of `row`. */
  write(row: number, r: TicketRecord): void {
    this.id[row] = r.id
    this.createdAt[row] = r.createdAt
    this.updatedAt[row] = r.updatedAt
    this.solvedAt[row] = numIn(r.solvedAt)
    this.requesterId[row] = numIn(r.requesterId)
    this.organizationId[row] = numIn(r.organizationId)
    this.assignee[row] = this.agents.intern(r.assigneeId)
    this.group[row] = this.groups.intern(r.groupId)
    this.status[row] = STATUS_CODE[r.status]
    this.channel[row] = CHANNEL_CODE[r.channel]
    this.csat[row] = CSAT_CODE[r.csat]
    this.replies[row] = countIn(r.replies)
    this.reopens[row] = countIn(r.reopens)
    this.stations[row] = countIn(r.assigneeStations)
    DURATION_METRICS.forEach((m, i) => {
      const pair = r.minutes[m]
      ;(this.minutes[i * 2] as Float32Array)[row] = numIn(pair.calendar)
      ;(this.minutes[i * 2 + 1] as Float32Array)[row] = numIn(pair.business)
    })
  }

  /** Rebuilds the record held at `row`. */
  read(row: number): TicketRecord {
    const minutes = {} as Record<DurationMetric, MinutePair>
    DURATION_METRICS.forEach((m, i) => {
      minutes[m] = {
        calendar: numOut((this.minutes[i * 2] as Float32Array)[row] as number),
        business: numOut((this.minutes[i * 2 + 1] as Float32Array)[row] as number),
      }
    })
    return {
      id: this.id[row] as number,
      status: TICKET_STATUSES[this.status[row] as number] as TicketRecord['status'],
      channel: CHANNELS[this.channel[row] as number] as TicketRecord['channel'],
      createdAt: this.createdAt[row] as number,
      updatedAt: this.updatedAt[row] as number,
      solvedAt: numOut(this.solvedAt[row] as number),
      requesterId: numOut(this.requesterId[row] as number),
      organizationId: numOut(this.organizationId[row] as number),
      assigneeId: this.agents.ids[this.assignee[row] as number] ?? null,
      groupId: this.groups.ids[this.group[row] as number] ?? null,
      replies: countOut(this.replies[row] as number),
      reopens: countOut(this.reopens[row] as number),
      assigneeStations: countOut(this.stations[row] as number),
      minutes,
      csat: CSAT_SCORES[this.csat[row] as number] as TicketRecord['csat'],
    }
  }

  /** Bytes held by the columns and the id table (allocated capacity, not just used rows). */
  get byteLength(): number {
    const cols = [
      this.id,
      this.createdAt,
      this.updatedAt,
      this.solvedAt,
      this.requesterId,
      this.organizationId,
      this.assignee,
      this.group,
      this.status,
      this.channel,
      this.csat,
      this.replies,
      this.reopens,
      this.stations,
      ...this.minutes,
    ]
    return cols.reduce((sum, a) => sum + a.byteLength, 0) + this.rows.byteLength
  }
}
