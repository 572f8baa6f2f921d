// The KPI engine: a columnar ticket store fed page by page with upserts by ticket id, and reports
// for any date range (and its previous period) computed from the columns.

import { previousPeriod } from '../kpi/period'
import { isValidTimeZone, localMidnight, OffsetTable, parseDay } from '../_lib/zonedTime'
import { CHANNELS, CSAT_SCORES, TICKET_STATUSES } from '../types'
import type {
  DataQuality,
  DataQualityReason,
  KpiReport,
  PeriodReport,
  ReportOptions,
  ReportRange,
  SegmentOptions,
  SlaEvent,
  TicketRecord,
} from '../types'
import type { Figure } from '../view/figure'
import { PeriodAccumulator } from './accumulator'
import { drillScan } from './drill'
import type { DrillRow } from './drill'
import type { PeriodBounds } from './kpis'
import { scanReport } from './scan'
import { SlaStore } from './slaStore'
import { DELETED, TicketStore } from './store'

export const UPSERT_OUTCOMES = ['inserted', 'replaced', 'stale', 'invalid'] as const
export type UpsertOutcome = (typeof UPSERT_OUTCOMES)[number]

export interface KpiEngineOptions {
  /** Rows to allocate up front (the store doubles when full). */
  initialCapacity?: number
}

const STATUS_SET = new Set<string>(TICKET_STATUSES)
const CHANNEL_SET = new Set<string>(CHANNELS)
const CSAT_SET = new Set<string>(CSAT_SCORES)

/** A report kept up to date by every upsert; `report()` only finalises the aggregates. */
export interface LiveReport {
  report(): KpiReport
  /** Stop updating (the engine forgets it). */
  close(): void
}

interface LiveState {
  current: PeriodAccumulator
  previous: PeriodAccumulator
}

function resolveBounds(timeZone: string, fromDay: number, toDay: number): PeriodBounds {
  return {
    fromDay,
    toDay,
    fromMs: localMidnight(timeZone, fromDay),
    toMs: localMidnight(timeZone, toDay),
    timeZone,
  }
}

/**
 * Parses and checks a report range (a caller contract: invalid dates, `to <= from` or an unknown
 * time zone throw a RangeError).
 */
function resolveRange(range: ReportRange): { current: PeriodBounds; previous: PeriodBounds } {
  const timeZone = range.timeZone ?? 'UTC'
  const fromDay = parseDay(range.from)
  const toDay = parseDay(range.to)
  if (fromDay === null)
    throw new RangeError(`report: 'from' must be YYYY-MM-DD, got '${range.from}'`)
  if (toDay === null) throw new RangeError(`report: 'to' must be YYYY-MM-DD, got '${range.to}'`)
  if (toDay <= fromDay)
    throw new RangeError(`report: 'to' (${range.to}) must be after 'from' (${range.from})`)
  if (!isValidTimeZone(timeZone)) throw new RangeError(`report: unknown time zone '${timeZone}'`)
  const prev = previousPeriod(fromDay, toDay)
  return {
    current: resolveBounds(timeZone, fromDay, toDay),
    previous: resolveBounds(timeZone, prev.fromDay, prev.toDay),
  }
}

/**
 * Holds tickets in typed-array columns and reports Explore-aligned KPIs (docs/metrics.md).
 * Never throws on data: invalid records and older versions are counted in `dataQuality()`.
 *
 * @example
 * const engine = new KpiEngine()
 * engine.upsert(ticket) //=> 'inserted'
 * engine.report({ from: '2024-01-01', to: '2024-02-01', timeZone: 'Europe/Paris' }).tickets.created
 * //=> 1
 */
export class KpiEngine {
  private readonly store: TicketStore
  private readonly sla = new SlaStore()
  private readonly lives = new Set<LiveState>()
  private records = 0
  private skipped = 0
  private readonly reasons = new Map<DataQualityReason, number>()

  constructor(options: KpiEngineOptions = {}) {
    this.store = new TicketStore(options.initialCapacity ?? 1024)
  }

  /** Tickets held (deleted ones included, so an older version cannot bring them back). */
  get size(): number {
    return this.store.length
  }

  /** Bytes allocated for tickets: every column at its capacity plus the id table. */
  get byteLength(): number {
    return this.store.byteLength
  }

  /** Counts a documented data-quality rule; with `skipped`, the record was read but not held. */
  note(reason: DataQualityReason, options: { skipped?: boolean; count?: number } = {}): void {
    const count = options.count ?? 1
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + count)
    if (options.skipped === true) {
      this.records += count
      this.skipped += count
    }
  }

  /** Records read, records not held, and the count per rule. `records - skipped` = `size`. */
  dataQuality(): DataQuality {
    return {
      records: this.records,
      skipped: this.skipped,
      reasons: Object.fromEntries([...this.reasons].sort(([a], [b]) => a.localeCompare(b))),
    }
  }

  private applyLive(row: number, sign: number): void {
    for (const live of this.lives) {
      live.current.apply(this.store, row, sign)
      live.previous.apply(this.store, row, sign)
    }
  }

  /**
   * Inserts a ticket or replaces the held version when this one is at least as new
   * (`updatedAt`), so pages in any order give the same result. Live reports follow.
   */
  upsert(record: TicketRecord): UpsertOutcome {
    this.records++
    if (
      !Number.isFinite(record.id) ||
      !Number.isFinite(record.createdAt) ||
      !Number.isFinite(record.updatedAt) ||
      !STATUS_SET.has(record.status) ||
      !CSAT_SET.has(record.csat)
    ) {
      this.skipped++
      this.note('invalidRecord')
      return 'invalid'
    }
    if (!CHANNEL_SET.has(record.channel)) {
      this.note('unknownChannel')
      record = { ...record, channel: 'other' }
    }
    const store = this.store
    const row = store.rows.get(record.id)
    if (row < 0) {
      const added = store.append(record)
      this.applyLive(added, 1)
      if (record.status === 'deleted') this.sla.version++
      return 'inserted'
    }
    this.note('duplicateId')
    this.skipped++
    if (record.updatedAt < (store.updatedAt[row] as number)) return 'stale'
    const wasDeleted = store.status[row] === DELETED
    this.applyLive(row, -1)
    store.write(row, record)
    this.applyLive(row, 1)
    if (wasDeleted !== (record.status === 'deleted')) this.sla.version++
    return 'replaced'
  }

  /** Upserts every record of a page. */
  upsertMany(records: Iterable<TicketRecord>): void {
    for (const r of records) this.upsert(r)
  }

  /** Folds ticket metric events into SLA targets (any order, repeats harmless). */
  addSlaEvents(events: Iterable<SlaEvent>): void {
    for (const e of events) {
      if (!Number.isFinite(e.ticketId) || !Number.isFinite(e.time)) {
        this.note('invalidSlaEvent')
        continue
      }
      this.sla.add(e)
    }
  }

  /** The held version of a ticket. */
  get(id: number): TicketRecord | undefined {
    const row = this.store.rows.get(id)
    return row < 0 ? undefined : this.store.read(row)
  }

  /** Every held ticket, in arrival order. */
  *tickets(): IterableIterator<TicketRecord> {
    for (let row = 0; row < this.store.length; row++) yield this.store.read(row)
  }

  /** Earliest creation and latest creation or solve among non-deleted tickets, or null. */
  dataExtent(): { first: number; last: number } | null {
    const s = this.store
    let first = Infinity
    let last = -Infinity
    for (let row = 0; row < s.length; row++) {
      if (s.status[row] === DELETED) continue
      const c = s.createdAt[row] as number
      const solved = s.solvedAt[row] as number
      if (c < first) first = c
      if (c > last) last = c
      if (solved > last) last = solved
    }
    return first === Infinity ? null : { first, last }
  }

  /**
   * Takes in the tickets and SLA events of another engine (e.g. one fed from another partition
   * of the export), with the same newest-wins rule, and adds its data-quality counts.
   */
  mergeFrom(other: KpiEngine): void {
    for (let row = 0; row < other.store.length; row++) this.upsert(other.store.read(row))
    // the loop above counted other's held tickets as read records: other's own tally covers them
    this.records -= other.store.length
    this.records += other.records
    this.skipped += other.skipped
    for (const [reason, n] of other.reasons)
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + n)
    this.sla.mergeFrom(other.sla)
  }

  private slaFor(bounds: PeriodBounds, segment?: (row: number) => boolean): PeriodReport['sla'] {
    return this.sla.report(bounds.fromMs, bounds.toMs, (ticketId) => {
      const row = this.store.rows.get(ticketId)
      if (row >= 0 && this.store.status[row] === DELETED) return false
      return segment === undefined || (row >= 0 && segment(row))
    })
  }

  private segmentIndex(seg: SegmentOptions): { names: string[]; of: (row: number) => number } {
    const fallback = seg.fallback ?? 'other'
    const names = [...new Set([...seg.map.values(), fallback])]
    const code = new Map(names.map((n, i) => [n, i]))
    const byId = new Map<number, number>()
    for (const [id, name] of seg.map) byId.set(id, code.get(name) as number)
    const fallbackCode = code.get(fallback) as number
    const s = this.store
    const column =
      seg.by === 'ticket' ? s.id : seg.by === 'requester' ? s.requesterId : s.organizationId
    return { names, of: (row) => byId.get(column[row] as number) ?? fallbackCode }
  }

  /**
   * Every KPI of `[from, to)` in the range's time zone, the previous period of equal length,
   * optional segment splits (current period) and data quality. Throws only on an invalid range.
   *
   * @example
   * engine.report({ from: '2024-03-01', to: '2024-04-01' }).oneTouch //=> { count: 12, rate: 0.4 }
   */
  report(range: ReportRange, options: ReportOptions = {}): KpiReport {
    const { current, previous } = resolveRange(range)
    const table = new OffsetTable(current.timeZone, previous.fromMs, current.toMs)
    const seg = options.segments === undefined ? undefined : this.segmentIndex(options.segments)
    // one pass over the rows for the period, its previous period and every segment
    const scan = scanReport(this.store, current, previous, table, seg)
    const out: KpiReport = {
      ...scan.current,
      sla: this.slaFor(current),
      previous: { ...scan.previous, sla: this.slaFor(previous) },
      dataQuality: this.dataQuality(),
    }
    if (seg !== undefined && scan.segments !== undefined) {
      const segments: Record<string, PeriodReport> = {}
      seg.names.forEach((name, i) => {
        segments[name] = {
          ...(scan.segments?.[name] as Omit<PeriodReport, 'sla'>),
          sla: this.slaFor(current, (row) => seg.of(row) === i),
        }
      })
      out.segments = segments
    }
    return out
  }

  /**
   * The tickets behind one figure of `report(figure.range, { segments })`, by the report's own
   * inclusion rules, so their number is the figure's count; each with its value for the figure
   * (minutes for durations and first-reply or resolution buckets, the count for reopens, replies
   * and stations, age in minutes for the backlog, 1 good / 0 bad for CSAT, 1 achieved / 0 breached
   * for SLA, else null). An SLA figure counts targets, so a ticket with several appears once per
   * target. A figure with a `tier` needs the segments its report was split by. Store order.
   * Throws a RangeError on an invalid range or a tier figure without segments.
   *
   * @example
   * engine.figureTickets({ range, select: { kind: 'channel', channel: 'email' } }).length
   * //=> engine.report(range).tickets.byChannel.email
   */
  figureTickets(figure: Figure, options: ReportOptions = {}): DrillRow[] {
    const { current, previous } = resolveRange(figure.range)
    const bounds = figure.period === 'previous' ? previous : current
    const table = new OffsetTable(current.timeZone, previous.fromMs, current.toMs)
    let include: ((row: number) => boolean) | undefined
    if (figure.tier !== undefined) {
      if (options.segments === undefined) {
        throw new RangeError(
          `figureTickets: the figure is of tier '${figure.tier}' but no segments were given`,
        )
      }
      const seg = this.segmentIndex(options.segments)
      const code = seg.names.indexOf(figure.tier)
      include = (row) => seg.of(row) === code
    }
    const select = figure.select
    if (select.kind === 'kpi' && select.kpi === 'sla') {
      const out: DrillRow[] = []
      const rowOf = (ticketId: number): number => this.store.rows.get(ticketId)
      this.sla.forEachOutcome(
        bounds.fromMs,
        bounds.toMs,
        (ticketId) => {
          const row = rowOf(ticketId)
          if (row >= 0 && this.store.status[row] === DELETED) return false
          return include === undefined || (row >= 0 && include(row))
        },
        (ticketId, _metric, achieved) => out.push({ id: ticketId, value: achieved ? 1 : 0 }),
      )
      return out
    }
    return drillScan(this.store, bounds, table, select, include)
  }

  /**
   * A report of `range` that upserts keep current: each upsert removes the ticket's old
   * contribution and adds the new one, so `report()` costs only the finalisation.
   * Equal to `report(range)` at any time. Segments are not supported live.
   */
  live(range: ReportRange): LiveReport {
    const { current, previous } = resolveRange(range)
    // the table must cover any ticket that can fall into either period
    const table = new OffsetTable(current.timeZone, previous.fromMs, current.toMs)
    const state: LiveState = {
      current: new PeriodAccumulator(current, table),
      previous: new PeriodAccumulator(previous, table),
    }
    for (let row = 0; row < this.store.length; row++) {
      state.current.apply(this.store, row, 1)
      state.previous.apply(this.store, row, 1)
    }
    this.lives.add(state)
    let slaVersion = -1
    let slaCache: { current: PeriodReport['sla']; previous: PeriodReport['sla'] } | undefined
    return {
      report: (): KpiReport => {
        if (slaCache === undefined || slaVersion !== this.sla.version) {
          slaCache = { current: this.slaFor(current), previous: this.slaFor(previous) }
          slaVersion = this.sla.version
        }
        return {
          ...state.current.finish(this.store),
          sla: slaCache.current,
          previous: { ...state.previous.finish(this.store), sla: slaCache.previous },
          dataQuality: this.dataQuality(),
        }
      },
      close: (): void => {
        this.lives.delete(state)
      },
    }
  }
}
