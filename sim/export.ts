// Streaming exports: the incremental ticket export (`/api/v2/incremental/tickets/cursor.json` with
// `include=metric_sets,users,organizations`) and the ticket metric event export, as sync generators of
// page objects exactly as the API returns them, plus `writeDataset` which writes them as NDJSON.
import { closeSync, openSync, writeSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

import {
  DEFAULT_BASE_URL,
  type Json,
  type RawMetricEvent,
  metricEventJson,
  metricEvents,
  metricSetJson,
  organizationJson,
  ticketJson,
  userJson,
} from './entities'
import { metricSetString, ticketString } from './fastJson'
import {
  type Lifecycle,
  type TicketState,
  lifecycle,
  stateAt,
  ticketAgentId,
  ticketOrgId,
  ticketRequesterId,
} from './lifecycle'
import type { DatasetWorkerData, DatasetWorkerMessage } from './datasetWorker'
import { type Skeleton, buildSkeleton, orgIndex } from './skeleton'
import { DEFAULT_END_DATE } from './time'
import { unix } from './time'

export type ExportOptions = {
  /** Number of tickets, 1 … 1,000,000. */
  tickets: number
  /** Integer seed, default 1. */
  seed?: number
  /** Last day of the account, `YYYY-MM-DD`, default `DEFAULT_END_DATE` (2026-10-31). */
  end?: string
  /** Items per page, 1 … 1000, default 1000. */
  perPage?: number
  /** Origin used in `url`, `after_url` etc., default `https://retention-radar.zendesk.com`. */
  baseUrl?: string
}

/** One page of the cursor-based incremental ticket export with sideloads. */
export type TicketExportPage = {
  tickets: Json[]
  metric_sets: Json[]
  users: Json[]
  organizations: Json[]
  after_url: string | null
  after_cursor: string | null
  before_url: string | null
  before_cursor: string | null
  end_of_stream: boolean
  count: number
}

/** One page of the ticket metric event export. */
export type MetricEventPage = {
  ticket_metric_events: Json[]
  next_page: string | null
  count: number
  end_time: number
  end_of_stream: boolean
}

const ID_SPACE = 2_097_152 // 2^21 > max ticket id

/** Zendesk-style export cursor: base64 of `<generated_timestamp>.0||<ticket id>|`. */
export function encodeExportCursor(timestamp: number, id: number): string {
  return Buffer.from(`${timestamp}.0||${id}|`).toString('base64')
}

/** Decodes a cursor made by `encodeExportCursor`, or undefined when it is not one. */
export function decodeExportCursor(cursor: string): { timestamp: number; id: number } | undefined {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(cursor)) return undefined
  const text = Buffer.from(cursor, 'base64').toString('utf8')
  const m = /^(\d+)\.0\|\|(\d+)\|$/.exec(text)
  if (!m) return undefined
  return { timestamp: Number(m[1]), id: Number(m[2]) }
}

function checkPerPage(perPage: number): void {
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) {
    throw new Error(`perPage must be an integer from 1 to 1000 (got ${perPage})`)
  }
}

/**
 * Export order of all tickets at `now`: by `generated_timestamp`, then id. Returns packed keys
 * (`timestamp * 2^21 + id`), sorted.
 */
export function exportOrder(sk: Skeleton, now: number): Float64Array {
  const keys = new Float64Array(sk.ticketCount)
  for (let id = 1; id <= sk.ticketCount; id++) {
    const st = stateAt(lifecycle(sk, id), now)
    keys[id - 1] = unix(st.updatedMs) * ID_SPACE + id
  }
  keys.sort()
  return keys
}

export const unpackKey = (key: number): { timestamp: number; id: number } => {
  const timestamp = Math.floor(key / ID_SPACE)
  return { timestamp, id: key - timestamp * ID_SPACE }
}

type PageRenderers<T> = {
  ticket: (lc: Lifecycle, st: TicketState) => T
  metricSet: ((lc: Lifecycle, st: TicketState) => T) | null
  user: ((id: number) => T | undefined) | null
  organization: ((id: number) => T) | null
}

type PageParts<T> = {
  tickets: T[]
  metricSets: T[]
  users: T[]
  organizations: T[]
  afterCursor: string | null
  beforeCursor: string | null
}

/**
 * Walks one export page's tickets in order: renders each ticket and metric set, the requester and
 * assignee and the organization once each (the sideloads), and works out the page's cursors. Shared
 * by the object and the string builders so both give the same page.
 */
function collectPage<T>(
  sk: Skeleton,
  ids: ArrayLike<number>,
  now: number,
  first: boolean,
  render: PageRenderers<T>,
): PageParts<T> {
  const parts: PageParts<T> = {
    tickets: [],
    metricSets: [],
    users: [],
    organizations: [],
    afterCursor: null,
    beforeCursor: null,
  }
  const seenUsers = new Set<number>()
  const seenOrgs = new Set<number>()
  const addUser = (u: number) => {
    if (u === 0 || seenUsers.has(u) || render.user === null) return
    seenUsers.add(u)
    const user = render.user(u)
    if (user !== undefined) parts.users.push(user)
  }
  let lastTs = 0
  let lastId = 0
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] ?? 0
    const lc = lifecycle(sk, id)
    const st = stateAt(lc, now)
    parts.tickets.push(render.ticket(lc, st))
    const ts = unix(st.updatedMs)
    if (k === 0 && !first) parts.beforeCursor = encodeExportCursor(ts, id - 1)
    lastTs = ts
    lastId = id
    if (st.status !== 'deleted' && render.metricSet !== null) {
      parts.metricSets.push(render.metricSet(lc, st))
    }
    addUser(ticketRequesterId(lc))
    if (st.assigned) addUser(ticketAgentId(lc))
    const org = ticketOrgId(sk, lc)
    if (org !== null && !seenOrgs.has(org) && render.organization !== null) {
      seenOrgs.add(org)
      parts.organizations.push(render.organization(org))
    }
  }
  if (ids.length > 0) parts.afterCursor = encodeExportCursor(lastTs, lastId)
  return parts
}

const cursorUrl = (baseUrl: string, cursor: string | null): string | null =>
  cursor === null ? null : `${baseUrl}/api/v2/incremental/tickets/cursor.json?cursor=${cursor}`

/** Builds one export page from the ticket ids in `ids` (already in export order). */
export function buildTicketPage(
  sk: Skeleton,
  ids: ArrayLike<number>,
  now: number,
  baseUrl: string,
  options: { first: boolean; last: boolean; include?: ReadonlySet<string> },
): TicketExportPage {
  const include = options.include ?? new Set(['metric_sets', 'users', 'organizations'])
  const parts = collectPage<Json>(sk, ids, now, options.first, {
    ticket: (lc, st) => ticketJson(sk, lc, st, baseUrl),
    metricSet: include.has('metric_sets') ? (lc, st) => metricSetJson(lc, st, baseUrl) : null,
    user: include.has('users') ? (u) => userJson(sk, u, baseUrl) : null,
    organization: include.has('organizations')
      ? (o) => organizationJson(sk, orgIndex(sk, o) ?? 0, baseUrl)
      : null,
  })
  const page: Partial<TicketExportPage> = { tickets: parts.tickets }
  if (include.has('metric_sets')) page.metric_sets = parts.metricSets
  if (include.has('users')) page.users = parts.users
  if (include.has('organizations')) page.organizations = parts.organizations
  return {
    ...page,
    after_url: cursorUrl(baseUrl, parts.afterCursor),
    after_cursor: parts.afterCursor,
    before_url: cursorUrl(baseUrl, parts.beforeCursor),
    before_cursor: parts.beforeCursor,
    end_of_stream: options.last,
    count: parts.tickets.length,
  } as TicketExportPage
}

/**
 * The same page as `JSON.stringify(buildTicketPage(...))` with all sideloads, built as a string (the fast
 * path of `writeDataset`).
 */
export function ticketPageString(
  sk: Skeleton,
  ids: ArrayLike<number>,
  now: number,
  baseUrl: string,
  options: { first: boolean; last: boolean },
): string {
  const parts = collectPage<string>(sk, ids, now, options.first, {
    ticket: (lc, st) => ticketString(sk, lc, st, baseUrl),
    metricSet: (lc, st) => metricSetString(lc, st, baseUrl),
    user: (u) => {
      const user = userJson(sk, u, baseUrl)
      return user === undefined ? undefined : JSON.stringify(user)
    },
    organization: (o) => JSON.stringify(organizationJson(sk, orgIndex(sk, o) ?? 0, baseUrl)),
  })
  const str = (v: string | null): string => (v === null ? 'null' : `"${v}"`)
  return (
    `{"tickets":[${parts.tickets.join(',')}],"metric_sets":[${parts.metricSets.join(',')}],` +
    `"users":[${parts.users.join(',')}],"organizations":[${parts.organizations.join(',')}],` +
    `"after_url":${str(cursorUrl(baseUrl, parts.afterCursor))},"after_cursor":${str(parts.afterCursor)},` +
    `"before_url":${str(cursorUrl(baseUrl, parts.beforeCursor))},"before_cursor":${str(parts.beforeCursor)},` +
    `"end_of_stream":${options.last},"count":${ids.length}}`
  )
}

/**
 * Streams the whole account as incremental ticket export pages (oldest update first), the last one
 * with `end_of_stream: true`. Memory stays flat: only the skeleton and one page are held.
 *
 * @example
 * for (const page of generateExportPages({ tickets: 5000, seed: 7 })) console.log(page.count)
 */
export function* generateExportPages(options: ExportOptions): Generator<TicketExportPage> {
  const perPage = options.perPage ?? 1000
  checkPerPage(perPage)
  const sk = buildSkeleton(options)
  yield* pagesOfSkeleton(sk, perPage, options.baseUrl ?? DEFAULT_BASE_URL)
}

/**
 * The account's tickets in export order, cut into pages of `perPage` ids. The ids buffer is reused:
 * each slice is valid until the next one is taken.
 */
function* pageSlices(
  sk: Skeleton,
  perPage: number,
): Generator<{ ids: Uint32Array; first: boolean; last: boolean }> {
  const order = exportOrder(sk, sk.endMs)
  const ids = new Uint32Array(perPage)
  for (let start = 0; start < order.length; start += perPage) {
    const count = Math.min(perPage, order.length - start)
    for (let k = 0; k < count; k++) ids[k] = unpackKey(order[start + k] ?? 0).id
    yield { ids: ids.subarray(0, count), first: start === 0, last: start + count >= order.length }
  }
}

/** Export pages as JSON strings (what `writeDataset` writes). */
export function* pageStringsOfSkeleton(
  sk: Skeleton,
  perPage: number,
  baseUrl: string,
): Generator<string> {
  for (const { ids, first, last } of pageSlices(sk, perPage)) {
    yield ticketPageString(sk, ids, sk.endMs, baseUrl, { first, last })
  }
}

export function* pagesOfSkeleton(
  sk: Skeleton,
  perPage: number,
  baseUrl: string,
): Generator<TicketExportPage> {
  for (const { ids, first, last } of pageSlices(sk, perPage)) {
    yield buildTicketPage(sk, ids, sk.endMs, baseUrl, { first, last })
  }
}

// METRIC EVENTS

/** Binary min-heap of raw events ordered by (time, ticket id, sequence). */
class EventHeap {
  private readonly items: { e: RawMetricEvent; seq: number }[] = []
  get size(): number {
    return this.items.length
  }
  private less(
    a: { e: RawMetricEvent; seq: number },
    b: { e: RawMetricEvent; seq: number },
  ): boolean {
    if (a.e.timeMs !== b.e.timeMs) return a.e.timeMs < b.e.timeMs
    if (a.e.ticketId !== b.e.ticketId) return a.e.ticketId < b.e.ticketId
    return a.seq < b.seq
  }
  peek(): RawMetricEvent | undefined {
    return this.items[0]?.e
  }
  push(e: RawMetricEvent, seq: number): void {
    const items = this.items
    items.push({ e, seq })
    let i = items.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      const item = items[i]
      const parent = items[p]
      if (!item || !parent || !this.less(item, parent)) break
      items[i] = parent
      items[p] = item
      i = p
    }
  }
  pop(): RawMetricEvent | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (!top || !last) return undefined
    if (items.length > 0) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        const li = items[l]
        const ri = items[r]
        const mi = items[m]
        if (li && mi && this.less(li, mi)) m = l
        const m2 = items[m]
        if (ri && m2 && this.less(ri, m2)) m = r
        if (m === i) break
        const a = items[i]
        const b = items[m]
        if (!a || !b) break
        items[i] = b
        items[m] = a
        i = m
      }
    }
    return top.e
  }
}

/**
 * All ticket metric events of the account up to `now`, in time order, streamed: tickets are visited in
 * creation order and a heap holds only the events of tickets still in flight.
 */
export function* streamMetricEvents(sk: Skeleton, now: number = sk.endMs): Generator<Json> {
  const heap = new EventHeap()
  let seq = 0
  for (let id = 1; id <= sk.ticketCount; id++) {
    const lc = lifecycle(sk, id)
    while (heap.size > 0 && (heap.peek()?.timeMs ?? Infinity) < lc.createdMs) {
      const e = heap.pop()
      if (e) yield metricEventJson(e)
    }
    for (const e of metricEvents(lc, stateAt(lc, now), now)) heap.push(e, seq++)
  }
  while (heap.size > 0) {
    const e = heap.pop()
    if (e) yield metricEventJson(e)
  }
}

/** Pages of the ticket metric event export (`/api/v2/incremental/ticket_metric_events`). */
export function* generateEventPages(options: ExportOptions): Generator<MetricEventPage> {
  const perPage = options.perPage ?? 1000
  checkPerPage(perPage)
  const sk = buildSkeleton(options)
  yield* eventPagesOfSkeleton(sk, perPage, options.baseUrl ?? DEFAULT_BASE_URL)
}

export function* eventPagesOfSkeleton(
  sk: Skeleton,
  perPage: number,
  baseUrl: string,
): Generator<MetricEventPage> {
  let batch: Json[] = []
  const make = (events: Json[], last: boolean): MetricEventPage => {
    const lastTime = events.length > 0 ? String(events[events.length - 1]?.time) : null
    const endTime = lastTime === null ? unix(sk.endMs) : unix(Date.parse(lastTime))
    return {
      ticket_metric_events: events,
      next_page: `${baseUrl}/api/v2/incremental/ticket_metric_events.json?start_time=${endTime}`,
      count: events.length,
      end_time: endTime,
      end_of_stream: last,
    }
  }
  let pending: Json[] | null = null
  for (const e of streamMetricEvents(sk)) {
    batch.push(e)
    if (batch.length === perPage) {
      if (pending) yield make(pending, false)
      pending = batch
      batch = []
    }
  }
  if (pending && batch.length === 0) yield make(pending, true)
  else {
    if (pending) yield make(pending, false)
    yield make(batch, true)
  }
}

// FILES

export type WriteDatasetOptions = ExportOptions & {
  /** NDJSON file for the ticket export pages. */
  out: string
  /** Optional NDJSON file for the ticket metric event pages. */
  eventsOut?: string
}

export type WriteDatasetResult = {
  tickets: number
  pages: number
  bytes: number
  eventPages: number
}

function writePages(file: string, pages: Iterable<unknown>): { pages: number; bytes: number } {
  const fd = openSync(file, 'w')
  let count = 0
  let bytes = 0
  try {
    for (const page of pages) {
      // One write per page (a few MB): no intermediate Buffer copies, and the OS absorbs the stream.
      bytes += writeSync(fd, `${typeof page === 'string' ? page : JSON.stringify(page)}\n`)
      count++
    }
  } finally {
    closeSync(fd)
  }
  return { pages: count, bytes }
}

/** Writes the account as NDJSON (one export page per line) and optionally the metric event pages. */
export function writeDataset(options: WriteDatasetOptions): WriteDatasetResult {
  const perPage = options.perPage ?? 1000
  checkPerPage(perPage)
  const sk = buildSkeleton(options)
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL
  const main = writePages(options.out, pageStringsOfSkeleton(sk, perPage, baseUrl))
  let eventPages = 0
  if (options.eventsOut !== undefined) {
    eventPages = writePages(options.eventsOut, eventPagesOfSkeleton(sk, perPage, baseUrl)).pages
  }
  return { tickets: sk.ticketCount, pages: main.pages, bytes: main.bytes, eventPages }
}

/**
 * `writeDataset` on several worker threads (same bytes): the main thread computes the export order and
 * writes pages in order while workers render them. Use 2 workers on a 2-core machine.
 */
export async function writeDatasetParallel(
  options: WriteDatasetOptions & { workers?: number },
): Promise<WriteDatasetResult> {
  const workers = options.workers ?? 2
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) {
    throw new Error(`workers must be an integer from 1 to 16 (got ${workers})`)
  }
  if (workers === 1) return writeDataset(options)
  const perPage = options.perPage ?? 1000
  checkPerPage(perPage)
  const sk = buildSkeleton(options)
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL
  const keys = exportOrder(sk, sk.endMs)
  const shared = new SharedArrayBuffer(keys.byteLength)
  new Float64Array(shared).set(keys)
  const pages = Math.ceil(keys.length / perPage)
  const fd = openSync(options.out, 'w')
  let bytes = 0
  try {
    await new Promise<void>((resolve, reject) => {
      const pending = new Map<number, string>()
      let next = 0
      let finished = 0
      const pool: Worker[] = []
      const file = path.join(__dirname, `datasetWorker${path.extname(__filename)}`)
      // Workers load TypeScript through tsx's CommonJS hook when the simulator runs from source.
      const execArgv = file.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : []
      const fail = (err: unknown): void => {
        for (const w of pool) void w.terminate()
        reject(err instanceof Error ? err : new Error(String(err)))
      }
      for (let index = 0; index < workers; index++) {
        const data: DatasetWorkerData = {
          tickets: sk.ticketCount,
          seed: sk.seed,
          end: options.end ?? DEFAULT_END_DATE,
          perPage,
          baseUrl,
          order: shared,
          index,
          workers,
        }
        const worker = new Worker(file, { workerData: data, execArgv })
        pool.push(worker)
        worker.on('error', fail)
        worker.on('message', (msg: DatasetWorkerMessage) => {
          if ('done' in msg) {
            finished++
            if (finished === workers && next >= pages) resolve()
            return
          }
          pending.set(msg.page, msg.text)
          try {
            while (pending.has(next)) {
              const text = pending.get(next) ?? ''
              pending.delete(next)
              bytes += writeSync(fd, `${text}\n`)
              pool[next % workers]?.postMessage(1)
              next++
            }
          } catch (err) {
            fail(err)
            return
          }
          if (finished === workers && next >= pages) resolve()
        })
        worker.postMessage(3)
      }
      if (pages === 0) resolve()
    })
  } finally {
    closeSync(fd)
  }
  let eventPages = 0
  if (options.eventsOut !== undefined) {
    eventPages = writePages(options.eventsOut, eventPagesOfSkeleton(sk, perPage, baseUrl)).pages
  }
  return { tickets: sk.ticketCount, pages, bytes, eventPages }
}
