// Admin exports: the incremental ticket export (cursor), ticket metric events, satisfaction ratings
// and SLA policies.
import type { TicketView } from '../../account'
import type { Json } from '../../entities'
import { SLA_POLICIES, metricEventJson, slaPolicyJson } from '../../entities'
import { decodeExportCursor, encodeExportCursor } from '../../export'
import { unix } from '../../time'
import { ApiError, badRequest, invalidValue } from '../errors'
import { paginate } from '../paging'
import { type Route, type RouteContext, includes, p } from './context'
import { sideloads } from './tickets'

// INCREMENTAL EXPORTS

function exportOrder(ctx: RouteContext): { key: number; id: number }[] {
  return ctx.account
    .tickets()
    .map((v) => ({ key: unix(ctx.account.updatedMs(v)), id: v.lifecycle.id }))
    .sort((a, b) => a.key - b.key || a.id - b.id)
}

function incrementalTickets(ctx: RouteContext): Json {
  const q = ctx.url.searchParams
  const now = ctx.account.clock.now()
  const perPageRaw = q.get('per_page') ?? '1000'
  if (!/^\d+$/.test(perPageRaw) || Number(perPageRaw) < 1 || Number(perPageRaw) > 1000) {
    throw new ApiError(
      badRequest('InvalidPaginationParameter', 'per_page must be between 1 and 1000'),
    )
  }
  const perPage = Number(perPageRaw)
  const include = includes(ctx, ['metric_sets', 'users', 'organizations', 'groups'])
  const order = exportOrder(ctx)
  let start: number
  const cursor = q.get('cursor')
  const startTime = q.get('start_time')
  if (cursor !== null) {
    const c = decodeExportCursor(cursor)
    if (!c) throw new ApiError(badRequest('InvalidCursor', 'cursor is invalid or expired'))
    start = order.findIndex((o) => o.key > c.timestamp || (o.key === c.timestamp && o.id > c.id))
  } else if (startTime !== null) {
    if (!/^\d+$/.test(startTime))
      throw new ApiError(badRequest('InvalidValue', 'start_time must be a Unix epoch time'))
    const t = Number(startTime)
    if (t > unix(now) - 60)
      throw new ApiError(
        badRequest('StartTimeTooRecent', 'start_time must be more than 60 seconds ago'),
      )
    start = order.findIndex((o) => o.key >= t)
  } else {
    throw new ApiError(badRequest('InvalidValue', 'start_time or cursor is required'))
  }
  if (start < 0) start = order.length
  const slice = order.slice(start, start + perPage)
  const last = start + slice.length >= order.length
  // Page content from the account (session edits included), cursors from the export order.
  const views = slice
    .map((o) => ctx.account.ticket(o.id))
    .filter((v): v is TicketView => v !== undefined)
  const tickets = views.map((v) => ctx.account.ticketJson(v, ctx.base))
  const out: Json = { tickets }
  sideloads(ctx, views, include, out)
  const lastItem = slice[slice.length - 1]
  const firstItem = slice[0]
  const path = `${ctx.base}/api/v2/incremental/tickets/cursor.json`
  const after = lastItem
    ? encodeExportCursor(lastItem.key, lastItem.id)
    : (cursor ?? encodeExportCursor(Math.max(0, unix(now) - 1), 0))
  const before = firstItem && start > 0 ? encodeExportCursor(firstItem.key, firstItem.id - 1) : null
  return {
    ...out,
    after_url: `${path}?cursor=${after}`,
    after_cursor: after,
    before_url: before === null ? null : `${path}?cursor=${before}`,
    before_cursor: before,
    end_of_stream: last,
    count: tickets.length,
  }
}

function metricEventsExport(ctx: RouteContext): Json {
  const q = ctx.url.searchParams
  const raw = q.get('start_time')
  if (raw === null) throw new ApiError(badRequest('InvalidValue', 'start_time is required'))
  if (!/^\d+$/.test(raw))
    throw new ApiError(badRequest('InvalidValue', 'start_time must be a Unix epoch time'))
  const now = ctx.account.clock.now()
  const startTime = Number(raw)
  if (startTime > unix(now) - 60)
    throw new ApiError(
      badRequest('StartTimeTooRecent', 'start_time must be more than 60 seconds ago'),
    )
  const all = ctx.account.metricEvents()
  const from = all.findIndex((e) => e.timeMs >= startTime * 1000)
  const slice = from < 0 ? [] : all.slice(from, from + 1000)
  const last = from < 0 || from + slice.length >= all.length
  const lastEvent = slice[slice.length - 1]
  let endTime = lastEvent ? unix(lastEvent.timeMs) : startTime
  // Avoid a page that would point back at itself when 1,000 events share one second.
  if (!last && endTime === startTime) endTime++
  return {
    ticket_metric_events: slice.map(metricEventJson),
    next_page: `${ctx.base}/api/v2/incremental/ticket_metric_events.json?start_time=${endTime}`,
    count: slice.length,
    end_time: endTime,
    end_of_stream: last,
  }
}

// SATISFACTION

const SCORE_FILTERS = [
  'offered',
  'unoffered',
  'received',
  'received_with_comment',
  'received_without_comment',
  'good',
  'good_with_comment',
  'good_without_comment',
  'bad',
  'bad_with_comment',
  'bad_without_comment',
] as const

function ratings(ctx: RouteContext): Json[] {
  const q = ctx.url.searchParams
  const score = q.get('score')
  if (score !== null && !(SCORE_FILTERS as readonly string[]).includes(score)) {
    throw new ApiError(invalidValue(`score: '${score}' is not valid (${SCORE_FILTERS.join(', ')})`))
  }
  const time = (name: string): number | undefined => {
    const v = q.get(name)
    if (v === null) return undefined
    if (!/^\d+$/.test(v)) throw new ApiError(invalidValue(`${name} must be a Unix epoch time`))
    return Number(v) * 1000
  }
  const start = time('start_time')
  const end = time('end_time')
  const out: Json[] = []
  for (const v of ctx.account.tickets()) {
    const r = ctx.account.ratingJson(v, ctx.base)
    if (!r) continue
    const created = Date.parse(String(r.created_at))
    if (start !== undefined && created < start) continue
    if (end !== undefined && created >= end) continue
    const s = String(r.score)
    const hasComment = typeof r.comment === 'string' && r.comment !== ''
    if (score !== null) {
      const [base, suffix] = score.split(/_(?=with)/)
      const received = s === 'good' || s === 'bad'
      const scoreOk = base === 'received' ? received : base === s
      if (!scoreOk) continue
      if (suffix === 'with_comment' && !hasComment) continue
      if (suffix === 'without_comment' && hasComment) continue
    }
    out.push(r)
  }
  return out
}

export const EXPORT_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: p('/api/v2/incremental/tickets/cursor'),
    allowed: 'admin',
    limit: 'incremental',
    handle: incrementalTickets,
  },
  {
    method: 'GET',
    pattern: p('/api/v2/incremental/ticket_metric_events'),
    allowed: 'admin',
    limit: 'incremental',
    handle: metricEventsExport,
  },
  {
    method: 'GET',
    pattern: p('/api/v2/satisfaction_ratings'),
    allowed: 'admin',
    handle: (ctx) => {
      const list = ratings(ctx)
      const page = paginate(
        list,
        ctx.url,
        { maxSize: 100, defaultSize: 100 },
        `csat:${ctx.url.searchParams.get('score') ?? ''}`,
      )
      return { satisfaction_ratings: page.items, ...page.envelope }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/satisfaction_ratings/count'),
    allowed: 'admin',
    handle: (ctx) => ({
      count: {
        value: ratings(ctx).length,
        refreshed_at: new Date(ctx.account.clock.now()).toISOString().slice(0, 19) + 'Z',
      },
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/slas/policies'),
    allowed: 'admin',
    handle: (ctx) => ({
      sla_policies: SLA_POLICIES.map((pol, i) =>
        slaPolicyJson(ctx.account.skeleton, pol, i + 1, ctx.base),
      ),
      count: SLA_POLICIES.length,
      next_page: null,
      previous_page: null,
    }),
  },
]
