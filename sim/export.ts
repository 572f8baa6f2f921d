// Streaming exports: the incremental ticket export (`/api/v2/incremental/tickets/cursor.json` with
// `include=metric_sets,users,organizations`) and the ticket metric event export, as sync generators of
// page objects exactly as the API returns them (sim/dataset.ts writes them as NDJSON files).
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
import { type Lifecycle, type TicketState, buildLifecycle, stateAt } from './lifecycle'
import { ticketParties } from './ticketParties'
import { type Skeleton, buildSkeleton, orgIndex } from './skeleton'
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

export function checkPerPage(perPage: number): void {
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) {
    throw new Error(`perPage must be an integer from 1 to 1000 (got ${perPage})`)
  }
}

/**
 * Export order of all tickets at `now`: by `generated_timestamp`, then id. Returns packed keys
 * (`timestamp * 2^21 + id`), sorted.
 */
export function exportOrder(skeleton: Skeleton, now: number): Float64Array {
  const keys = new Float64Array(skeleton.ticketCount)
  for (let id = 1; id <= skeleton.ticketCount; id++) {
    const state = stateAt(buildLifecycle(skeleton, id), now)
    keys[id - 1] = unix(state.updatedMs) * ID_SPACE + id
  }
  keys.sort()
  return keys
}

export const unpackKey = (key: number): { timestamp: number; id: number } => {
  const timestamp = Math.floor(key / ID_SPACE)
  return { timestamp, id: key - timestamp * ID_SPACE }
}

type PageRenderers<T> = {
  ticket: (lifecycle: Lifecycle, state: TicketState) => T
  metricSet: ((lifecycle: Lifecycle, state: TicketState) => T) | null
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
  skeleton: Skeleton,
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
    const lifecycle = buildLifecycle(skeleton, id)
    const state = stateAt(lifecycle, now)
    parts.tickets.push(render.ticket(lifecycle, state))
    const ts = unix(state.updatedMs)
    if (k === 0 && !first) parts.beforeCursor = encodeExportCursor(ts, id - 1)
    lastTs = ts
    lastId = id
    if (state.status !== 'deleted' && render.metricSet !== null) {
      parts.metricSets.push(render.metricSet(lifecycle, state))
    }
    const who = ticketParties(skeleton, lifecycle, state)
    addUser(who.requesterId)
    if (who.assigneeId !== null) addUser(who.assigneeId)
    const org = who.organizationId
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
  skeleton: Skeleton,
  ids: ArrayLike<number>,
  now: number,
  baseUrl: string,
  options: { first: boolean; last: boolean; include?: ReadonlySet<string> },
): TicketExportPage {
  const include = options.include ?? new Set(['metric_sets', 'users', 'organizations'])
  const parts = collectPage<Json>(skeleton, ids, now, options.first, {
    ticket: (lifecycle, state) => ticketJson(skeleton, lifecycle, state, baseUrl),
    metricSet: include.has('metric_sets')
      ? (lifecycle, state) => metricSetJson(lifecycle, state, baseUrl)
      : null,
    user: include.has('users') ? (u) => userJson(skeleton, u, baseUrl) : null,
    organization: include.has('organizations')
      ? (o) => organizationJson(skeleton, orgIndex(skeleton, o) ?? 0, baseUrl)
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
  skeleton: Skeleton,
  ids: ArrayLike<number>,
  now: number,
  baseUrl: string,
  options: { first: boolean; last: boolean },
): string {
  const parts = collectPage<string>(skeleton, ids, now, options.first, {
    ticket: (lifecycle, state) => ticketString(skeleton, lifecycle, state, baseUrl),
    metricSet: (lifecycle, state) => metricSetString(lifecycle, state, baseUrl),
    user: (u) => {
      const user = userJson(skeleton, u, baseUrl)
      return user === undefined ? undefined : JSON.stringify(user)
    },
    organization: (o) =>
      JSON.stringify(organizationJson(skeleton, orgIndex(skeleton, o) ?? 0, baseUrl)),
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
  const skeleton = buildSkeleton(options)
  yield* pagesOfSkeleton(skeleton, perPage, options.baseUrl ?? DEFAULT_BASE_URL)
}

/**
 * The account's tickets in export order, cut into pages of `perPage` ids. The ids buffer is reused:
 * each slice is valid until the next one is taken.
 */
function* pageSlices(
  skeleton: Skeleton,
  perPage: number,
): Generator<{ ids: Uint32Array; first: boolean; last: boolean }> {
  const order = exportOrder(skeleton, skeleton.endMs)
  const ids = new Uint32Array(perPage)
  for (let start = 0; start < order.length; start += perPage) {
    const count = Math.min(perPage, order.length - start)
    for (let k = 0; k < count; k++) ids[k] = unpackKey(order[start + k] ?? 0).id
    yield { ids: ids.subarray(0, count), first: start === 0, last: start + count >= order.length }
  }
}

/** Export pages as JSON strings (what `writeDataset` writes). */
export function* pageStringsOfSkeleton(
  skeleton: Skeleton,
  perPage: number,
  baseUrl: string,
): Generator<string> {
  for (const { ids, first, last } of pageSlices(skeleton, perPage)) {
    yield ticketPageString(skeleton, ids, skeleton.endMs, baseUrl, { first, last })
  }
}

export function* pagesOfSkeleton(
  skeleton: Skeleton,
  perPage: number,
  baseUrl: string,
): Generator<TicketExportPage> {
  for (const { ids, first, last } of pageSlices(skeleton, perPage)) {
    yield buildTicketPage(skeleton, ids, skeleton.endMs, baseUrl, { first, last })
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
export function* streamMetricEvents(
  skeleton: Skeleton,
  now: number = skeleton.endMs,
): Generator<Json> {
  const heap = new EventHeap()
  let seq = 0
  for (let id = 1; id <= skeleton.ticketCount; id++) {
    const lifecycle = buildLifecycle(skeleton, id)
    while (heap.size > 0 && (heap.peek()?.timeMs ?? Infinity) < lifecycle.createdMs) {
      const e = heap.pop()
      if (e) yield metricEventJson(e)
    }
    for (const e of metricEvents(lifecycle, stateAt(lifecycle, now), now)) heap.push(e, seq++)
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
  const skeleton = buildSkeleton(options)
  yield* eventPagesOfSkeleton(skeleton, perPage, options.baseUrl ?? DEFAULT_BASE_URL)
}

export function* eventPagesOfSkeleton(
  skeleton: Skeleton,
  perPage: number,
  baseUrl: string,
): Generator<MetricEventPage> {
  let batch: Json[] = []
  const make = (events: Json[], last: boolean): MetricEventPage => {
    const lastTime = events.length > 0 ? String(events[events.length - 1]?.time) : null
    const endTime = lastTime === null ? unix(skeleton.endMs) : unix(Date.parse(lastTime))
    return {
      ticket_metric_events: events,
      next_page: `${baseUrl}/api/v2/incremental/ticket_metric_events.json?start_time=${endTime}`,
      count: events.length,
      end_time: endTime,
      end_of_stream: last,
    }
  }
  let pending: Json[] | null = null
  for (const e of streamMetricEvents(skeleton)) {
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
