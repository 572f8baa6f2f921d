// The Zendesk endpoints of the simulated API. Each route gets the parsed request and the session user and
// returns a JSON body (or throws ApiError with Zendesk's error body).
import type { SimAccount, TicketView } from '../account'
import type { Json } from '../entities'
import { SLA_POLICIES, groupJson, organizationJson, slaPolicyJson } from '../entities'
import { decodeExportCursor, encodeExportCursor } from '../export'
import { CLOSE_AFTER_MS } from '../lifecycle'
import { metricEventJson } from '../entities'
import { METRIC_SET_BASE, groupIndex, orgIndex, userRef } from '../skeleton'
import { unix } from '../time'
import {
  ApiError,
  badRequest,
  forbidden,
  invalidSearch,
  invalidValue,
  notFound,
  unprocessable,
} from './errors'
import type { LimitKind } from './ratelimit'
import { paginate } from './paging'
import { parseQuery, ticketMatcher, userMatcher } from './search'

export type Role = 'admin' | 'agent' | 'end-user'

export type RouteContext = {
  account: SimAccount
  url: URL
  /** Origin used in `url` fields and links. */
  base: string
  params: string[]
  userId: number
  role: Role
  body: unknown
  /** Hook for the "vanish" fault: called before a ticket is read by id. */
  beforeTicketRead: (id: number) => void
}

export type Route = {
  method: 'GET' | 'PUT'
  pattern: RegExp
  /** Lowest role allowed (admin > agent > end-user). */
  allowed: Role
  limit?: LimitKind
  /** End users may call this route for themselves only (param 0 must be their id). */
  selfOnly?: boolean
  handle: (ctx: RouteContext) => Json
}

const RANK: Record<Role, number> = { 'end-user': 0, agent: 1, admin: 2 }
export const roleAllows = (role: Role, allowed: Role): boolean => RANK[role] >= RANK[allowed]

const p = (path: string): RegExp =>
  new RegExp(`^${path.replace(/\{id\}/g, '(\\d+)').replace(/\//g, '\\/')}(?:\\.json)?$`)

function idParam(ctx: RouteContext, i = 0): number {
  return Number(ctx.params[i])
}

function parseIds(ctx: RouteContext, max = 100): number[] {
  const raw = ctx.url.searchParams.get('ids')
  if (raw === null || raw.trim() === '')
    throw new ApiError(invalidValue('ids: parameter is required'))
  const parts = raw.split(',').map((s) => s.trim())
  if (parts.some((s) => !/^\d+$/.test(s)))
    throw new ApiError(invalidValue(`ids: '${raw}' is not a list of ids`))
  if (parts.length > max) throw new ApiError(invalidValue(`ids: at most ${max} ids are allowed`))
  return parts.map(Number)
}

function includes(ctx: RouteContext, allowed: readonly string[]): Set<string> {
  const raw = ctx.url.searchParams.get('include')
  const set = new Set<string>()
  if (raw === null || raw === '') return set
  for (const name of raw.split(',').map((s) => s.trim())) {
    if (!allowed.includes(name)) {
      throw new ApiError(
        invalidValue(`include: '${name}' is not supported here (supported: ${allowed.join(', ')})`),
      )
    }
    set.add(name)
  }
  return set
}

function liveTicket(ctx: RouteContext, id: number): TicketView {
  ctx.beforeTicketRead(id)
  const v = ctx.account.ticket(id)
  if (!v || v.st.status === 'deleted') throw new ApiError(notFound())
  return v
}

/** Sideloads for a set of tickets. */
function sideloads(ctx: RouteContext, views: TicketView[], include: Set<string>, out: Json): void {
  const { account, base } = ctx
  if (include.has('metric_sets')) out.metric_sets = views.map((v) => account.metricSetJson(v, base))
  if (include.has('users')) {
    const ids = new Set<number>()
    for (const v of views) {
      const t = account.ticketJson(v, base)
      for (const k of ['requester_id', 'submitter_id', 'assignee_id'] as const) {
        if (typeof t[k] === 'number') ids.add(t[k])
      }
    }
    out.users = [...ids].map((id) => account.userJson(id, 'admin', base)).filter(Boolean)
  }
  if (include.has('organizations')) {
    const ids = new Set<number>()
    for (const v of views) {
      const o = account.ticketJson(v, base).organization_id
      if (typeof o === 'number') ids.add(o)
    }
    out.organizations = [...ids].map((id) =>
      organizationJson(account.skeleton, orgIndex(account.skeleton, id) ?? 0, base),
    )
  }
  if (include.has('groups')) {
    const ids = new Set<number>()
    for (const v of views) {
      const g = account.ticketJson(v, base).group_id
      if (typeof g === 'number') ids.add(g)
    }
    out.groups = [...ids].map((id) =>
      groupJson(account.skeleton, groupIndex(account.skeleton, id) ?? 0, base),
    )
  }
}

// SORTING

const SORT_FIELDS = [
  'id',
  'subject',
  'created_at',
  'updated_at',
  'status',
  'requester',
  'requester.name',
  'group',
  'assignee',
  'assignee.name',
  'deleted_at',
] as const

function sortTickets(ctx: RouteContext, views: TicketView[]): TicketView[] {
  const q = ctx.url.searchParams
  let field = q.get('sort_by') ?? 'id'
  let order = q.get('sort_order') ?? 'asc'
  const sort = q.get('sort')
  if (sort !== null) {
    field = sort.replace(/^-/, '')
    order = sort.startsWith('-') ? 'desc' : 'asc'
  }
  if (!(SORT_FIELDS as readonly string[]).includes(field)) {
    throw new ApiError(
      invalidValue(`sort_by: '${field}' is not valid (valid: ${SORT_FIELDS.join(', ')})`),
    )
  }
  if (order !== 'asc' && order !== 'desc')
    throw new ApiError(invalidValue(`sort_order: '${order}' must be asc or desc`))
  const key = (v: TicketView): string | number => {
    const t = ctx.account.ticketJson(v, ctx.base)
    switch (field) {
      case 'created_at':
        return v.lc.createdMs
      case 'updated_at':
        return ctx.account.updatedMs(v)
      case 'subject':
        return String(t.subject)
      case 'status':
        return String(t.status)
      case 'requester':
      case 'requester.name':
        return Number(t.requester_id)
      case 'assignee':
      case 'assignee.name':
        return Number(t.assignee_id ?? 0)
      case 'group':
        return Number(t.group_id ?? 0)
      default:
        return v.lc.id
    }
  }
  const sign = order === 'desc' ? -1 : 1
  return views
    .map((v) => ({ v, k: key(v) }))
    .sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.v.lc.id - b.v.lc.id))
    .map((x) => x.v)
}

/** Archived = closed more than 120 days ago (Zendesk archives closed tickets after 120 days). */
function isArchived(v: TicketView, now: number): boolean {
  return v.st.status === 'closed' && v.st.solvedMs + CLOSE_AFTER_MS < now - 120 * 86_400_000
}

function ticketList(ctx: RouteContext, views: TicketView[], fingerprint: string): Json {
  const q = ctx.url.searchParams
  let list = views.filter((v) => v.st.status !== 'deleted')
  if (q.get('exclude_archived') === 'true')
    list = list.filter((v) => !isArchived(v, ctx.account.clock.now()))
  const include = includes(ctx, ['metric_sets', 'users', 'organizations', 'groups'])
  const sorted = sortTickets(ctx, list)
  const page = paginate(sorted, ctx.url, { maxSize: 100, defaultSize: 100 }, fingerprint)
  const out: Json = { tickets: page.items.map((v) => ctx.account.ticketJson(v, ctx.base)) }
  sideloads(ctx, page.items, include, out)
  return { ...out, ...page.envelope }
}

// SEARCH

function searchResults(ctx: RouteContext, query: string, forcedType?: string): Json[] {
  const parsed = parseQuery(query)
  if (forcedType !== undefined) {
    if (parsed.type !== null) {
      throw new ApiError(
        invalidSearch(
          400,
          "Search export takes the type from filter[type]; remove 'type:' from the query",
        ),
      )
    }
    if (forcedType !== 'ticket' && forcedType !== 'user') {
      throw new ApiError(
        invalidSearch(400, `filter[type] '${forcedType}' is not supported (ticket or user)`),
      )
    }
    parsed.type = forcedType
  }
  if (parsed.type === 'user') {
    const match = userMatcher(parsed)
    const sk = ctx.account.skeleton
    const out: Json[] = []
    const ids = [ctx.account.adminId]
    for (let i = 0; i < sk.agentCount; i++) ids.push(10_000_100 + i)
    for (let c = 0; c < sk.customerCount; c++) ids.push(11_000_000 + c)
    for (const id of ids) {
      const u = ctx.account.userJson(id, 'admin', ctx.base)
      if (u && match(u)) out.push({ ...u, result_type: 'user' })
    }
    return out
  }
  const match = ticketMatcher(ctx.account, parsed)
  const views = ctx.account.tickets().filter(match)
  const q = ctx.url.searchParams
  const sortBy = q.get('sort_by')
  const order = q.get('sort_order') ?? (sortBy === null ? 'asc' : 'desc')
  if (order !== 'asc' && order !== 'desc')
    throw new ApiError(invalidSearch(400, `sort_order '${order}' must be asc or desc`))
  const allowedSort = ['created_at', 'updated_at', 'priority', 'status', 'ticket_type']
  if (sortBy !== null && !allowedSort.includes(sortBy)) {
    throw new ApiError(
      invalidSearch(400, `sort_by '${sortBy}' is not valid (${allowedSort.join(', ')})`),
    )
  }
  const key = (v: TicketView): number | string => {
    switch (sortBy) {
      case 'updated_at':
        return ctx.account.updatedMs(v)
      case 'priority':
        return ['low', 'normal', 'high', 'urgent'].indexOf(v.lc.priority)
      case 'status':
        return v.st.status
      case 'ticket_type':
        return v.lc.type ?? ''
      case 'created_at':
        return v.lc.createdMs
      default:
        return v.lc.id
    }
  }
  const sign = order === 'desc' ? -1 : 1
  views.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? -sign : ka > kb ? sign : a.lc.id - b.lc.id
  })
  return views.map((v) => ({ ...ctx.account.ticketJson(v, ctx.base), result_type: 'ticket' }))
}

function requireQuery(ctx: RouteContext): string {
  const query = ctx.url.searchParams.get('query')
  if (query === null || query.trim() === '')
    throw new ApiError(invalidSearch(400, 'query: parameter is required'))
  return query
}

// INCREMENTAL EXPORTS

function exportOrder(ctx: RouteContext): { key: number; id: number }[] {
  return ctx.account
    .tickets()
    .map((v) => ({ key: unix(ctx.account.updatedMs(v)), id: v.lc.id }))
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
  sideloads(
    ctx,
    views.filter((v) => v.st.status !== 'deleted'),
    include,
    out,
  )
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

// ROUTES

export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: p('/api/v2/users/me'),
    allowed: 'end-user',
    handle: (ctx) => ({
      user: ctx.account.userJson(
        ctx.userId,
        ctx.role === 'end-user' ? 'end-user' : 'admin',
        ctx.base,
      ),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/users/show_many'),
    allowed: 'agent',
    handle: (ctx) => ({
      users: parseIds(ctx)
        .map((id) => ctx.account.userJson(id, 'admin', ctx.base))
        .filter(Boolean),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/users/{id}'),
    allowed: 'end-user',
    selfOnly: true,
    handle: (ctx) => {
      const user = ctx.account.userJson(
        idParam(ctx),
        ctx.role === 'end-user' ? 'end-user' : 'admin',
        ctx.base,
      )
      if (!user) throw new ApiError(notFound())
      return { user }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/users/{id}/tickets/requested'),
    allowed: 'end-user',
    selfOnly: true,
    handle: (ctx) => {
      const id = idParam(ctx)
      if (!userRef(ctx.account.skeleton, id)) throw new ApiError(notFound())
      const views = ctx.account
        .ticketIdsOfRequester(id)
        .map((t) => ctx.account.ticket(t))
        .filter((v): v is TicketView => v !== undefined)
      return ticketList(
        ctx,
        views,
        `requested:${id}:${ctx.url.searchParams.get('sort_by') ?? ''}:${ctx.url.searchParams.get('sort_order') ?? ''}:${ctx.url.searchParams.get('sort') ?? ''}`,
      )
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/organizations/show_many'),
    allowed: 'agent',
    handle: (ctx) => ({
      organizations: parseIds(ctx)
        .map((id) => orgIndex(ctx.account.skeleton, id))
        .filter((i): i is number => i !== undefined)
        .map((i) => organizationJson(ctx.account.skeleton, i, ctx.base)),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/organizations/{id}'),
    allowed: 'agent',
    handle: (ctx) => {
      const i = orgIndex(ctx.account.skeleton, idParam(ctx))
      if (i === undefined) throw new ApiError(notFound())
      return { organization: organizationJson(ctx.account.skeleton, i, ctx.base) }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/organizations/{id}/tickets'),
    allowed: 'agent',
    handle: (ctx) => {
      const id = idParam(ctx)
      if (orgIndex(ctx.account.skeleton, id) === undefined) throw new ApiError(notFound())
      const views = ctx.account
        .tickets()
        .filter((v) => ctx.account.ticketJson(v, ctx.base).organization_id === id)
      return ticketList(ctx, views, `org:${id}`)
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/tickets/show_many'),
    allowed: 'agent',
    handle: (ctx) => {
      const include = includes(ctx, ['metric_sets', 'users', 'organizations', 'groups'])
      const views: TicketView[] = []
      for (const id of parseIds(ctx)) {
        ctx.beforeTicketRead(id)
        const v = ctx.account.ticket(id)
        if (v && v.st.status !== 'deleted') views.push(v)
      }
      const out: Json = { tickets: views.map((v) => ctx.account.ticketJson(v, ctx.base)) }
      sideloads(ctx, views, include, out)
      return out
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/tickets/{id}'),
    allowed: 'agent',
    handle: (ctx) => {
      const v = liveTicket(ctx, idParam(ctx))
      const include = includes(ctx, ['metric_sets', 'users', 'organizations', 'groups'])
      const out: Json = { ticket: ctx.account.ticketJson(v, ctx.base) }
      sideloads(ctx, [v], include, out)
      return out
    },
  },
  {
    method: 'PUT',
    pattern: p('/api/v2/tickets/{id}'),
    allowed: 'agent',
    handle: (ctx) => {
      const id = idParam(ctx)
      liveTicket(ctx, id)
      const body = ctx.body as { ticket?: Record<string, unknown> } | null
      const t = body?.ticket
      if (!t || typeof t !== 'object')
        throw new ApiError(invalidValue('body must be {"ticket": {...}}'))
      const changes: { tags?: string[]; customFields?: { id: number; value: unknown }[] } = {}
      const current = ctx.account.ticketJson(liveTicket(ctx, id), ctx.base)
      const tagList = (v: unknown, name: string): string[] => {
        if (
          !Array.isArray(v) ||
          v.some((x) => typeof x !== 'string' || x.trim() === '' || /\s/.test(x))
        ) {
          throw new ApiError(unprocessable(`${name} must be an array of tags without spaces`))
        }
        return v.map((x: string) => x.toLowerCase())
      }
      if ('tags' in t) changes.tags = tagList(t.tags, 'tags')
      if ('additional_tags' in t) {
        changes.tags = [
          ...(changes.tags ?? (current.tags as string[])),
          ...tagList(t.additional_tags, 'additional_tags'),
        ]
      }
      if ('remove_tags' in t) {
        const remove = new Set(tagList(t.remove_tags, 'remove_tags'))
        changes.tags = (changes.tags ?? (current.tags as string[])).filter((x) => !remove.has(x))
      }
      const fields = t.custom_fields ?? t.fields
      if (fields !== undefined) {
        if (!Array.isArray(fields))
          throw new ApiError(unprocessable('custom_fields must be an array of {id, value}'))
        changes.customFields = fields.map((f: unknown) => {
          const field = f as { id?: unknown; value?: unknown }
          if (typeof field.id !== 'number' || !Number.isInteger(field.id)) {
            throw new ApiError(unprocessable('custom_fields: each entry needs an integer id'))
          }
          return { id: field.id, value: field.value ?? null }
        })
      }
      const unknown = Object.keys(t).filter(
        (k) =>
          !['tags', 'additional_tags', 'remove_tags', 'custom_fields', 'fields', 'id'].includes(k),
      )
      if (unknown.length > 0) {
        throw new ApiError(
          unprocessable(
            `the simulator only updates tags and custom fields (got ${unknown.join(', ')})`,
          ),
        )
      }
      ctx.account.updateTicket(id, changes)
      const v = liveTicket(ctx, id)
      return {
        ticket: ctx.account.ticketJson(v, ctx.base),
        audit: {
          ticket_id: id,
          created_at: new Date(ctx.account.clock.now()).toISOString().slice(0, 19) + 'Z',
        },
      }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/tickets/{id}/metrics'),
    allowed: 'agent',
    handle: (ctx) => ({
      ticket_metric: ctx.account.metricSetJson(liveTicket(ctx, idParam(ctx)), ctx.base),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/ticket_metrics'),
    allowed: 'agent',
    handle: (ctx) => {
      const now = ctx.account.clock.now()
      // Newest first; archived tickets are left out.
      const views = ctx.account
        .tickets()
        .filter((v) => v.st.status !== 'deleted' && !isArchived(v, now))
        .reverse()
      const page = paginate(views, ctx.url, { maxSize: 100, defaultSize: 100 }, 'ticket_metrics')
      return {
        ticket_metrics: page.items.map((v) => ctx.account.metricSetJson(v, ctx.base)),
        ...page.envelope,
      }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/ticket_metrics/{id}'),
    allowed: 'agent',
    handle: (ctx) => {
      const ticketId = idParam(ctx) - METRIC_SET_BASE
      if (ticketId < 1) throw new ApiError(notFound())
      return { ticket_metric: ctx.account.metricSetJson(liveTicket(ctx, ticketId), ctx.base) }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/search'),
    allowed: 'agent',
    handle: (ctx) => {
      const query = requireQuery(ctx)
      const q = ctx.url.searchParams
      const perPage = q.has('per_page') ? Number(q.get('per_page')) : 100
      const page = q.has('page') ? Number(q.get('page')) : 1
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
        throw new ApiError(invalidSearch(400, 'per_page must be between 1 and 100'))
      }
      if (!Number.isInteger(page) || page < 1)
        throw new ApiError(invalidSearch(400, 'page must be 1 or more'))
      if ((page - 1) * perPage >= 1000) {
        throw new ApiError(
          invalidSearch(
            422,
            'Invalid search: Requested response size was greater than Search Response Limits',
          ),
        )
      }
      const results = searchResults(ctx, query)
      const paged = paginate(
        results,
        ctx.url,
        { maxSize: 100, defaultSize: 100, offsetOnly: true, offsetRecordCap: 1000 },
        'search',
      )
      return { results: paged.items, facets: null, ...paged.envelope, count: results.length }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/search/count'),
    allowed: 'agent',
    handle: (ctx) => ({ count: searchResults(ctx, requireQuery(ctx)).length }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/search/export'),
    allowed: 'agent',
    limit: 'search_export',
    handle: (ctx) => {
      const query = requireQuery(ctx)
      const type = ctx.url.searchParams.get('filter[type]')
      if (type === null) throw new ApiError(invalidSearch(400, 'filter[type] is required'))
      const results = searchResults(ctx, query, type)
      results.sort(
        (a, b) =>
          String(a.created_at).localeCompare(String(b.created_at)) || Number(a.id) - Number(b.id),
      )
      const page = paginate(
        results,
        ctx.url,
        { maxSize: 1000, defaultSize: 100, cursorOnly: true },
        `export:${type}:${query}`,
      )
      const links = page.envelope.links as { next: string | null }
      return {
        results: page.items,
        facets: null,
        meta: page.envelope.meta,
        links: { next: links.next, prev: null },
      }
    },
  },
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

export { forbidden }
