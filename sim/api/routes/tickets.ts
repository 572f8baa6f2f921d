// Ticket endpoints: show, show_many, requester and organization lists, metrics, and the update
// (ticketUpdate.ts). Lists share the sorting, archiving and sideload rules below.
import type { TicketView } from '../../account'
import type { Json } from '../../entities'
import { groupJson, organizationJson } from '../../entities'
import { CLOSE_AFTER_MS } from '../../lifecycle'
import { METRIC_SET_BASE, groupIndex, orgIndex } from '../../skeleton'
import { slasJson } from '../../slas'
import { ApiError, invalidValue, notFound } from '../errors'
import { paginate } from '../paging'
import {
  type Route,
  type RouteContext,
  idParam,
  includes,
  liveTicket,
  p,
  parseIds,
} from './context'
import { updateTicket } from './ticketUpdate'

/** Sideloads of ticket reads; `slas` goes into each ticket, the others are top-level lists. */
export const TICKET_INCLUDES = ['metric_sets', 'users', 'organizations', 'groups', 'slas'] as const

/** A ticket as read through the API, with its `slas` object when `include=slas`. */
export function ticketOut(ctx: RouteContext, v: TicketView, include: Set<string>): Json {
  const t = ctx.account.ticketJson(v, ctx.base)
  if (include.has('slas')) t.slas = slasJson(v.lifecycle, v.state, ctx.account.clock.now())
  return t
}

/** Sideloads for a set of tickets. */
export function sideloads(
  ctx: RouteContext,
  views: TicketView[],
  include: Set<string>,
  out: Json,
): void {
  const { account, base } = ctx
  // A deleted ticket has no metric set; its people are still sideloaded, as in the dataset file.
  if (include.has('metric_sets')) {
    out.metric_sets = views
      .filter((v) => v.state.status !== 'deleted')
      .map((v) => account.metricSetJson(v, base))
  }
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
        return v.lifecycle.createdMs
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
        return v.lifecycle.id
    }
  }
  const sign = order === 'desc' ? -1 : 1
  return views
    .map((v) => ({ v, k: key(v) }))
    .sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.v.lifecycle.id - b.v.lifecycle.id))
    .map((x) => x.v)
}

/** Archived = closed more than 120 days ago (Zendesk archives closed tickets after 120 days). */
export function isArchived(v: TicketView, now: number): boolean {
  return v.state.status === 'closed' && v.state.solvedMs + CLOSE_AFTER_MS < now - 120 * 86_400_000
}

export function ticketList(ctx: RouteContext, views: TicketView[], fingerprint: string): Json {
  const q = ctx.url.searchParams
  let list = views.filter((v) => v.state.status !== 'deleted')
  if (q.get('exclude_archived') === 'true')
    list = list.filter((v) => !isArchived(v, ctx.account.clock.now()))
  const include = includes(ctx, TICKET_INCLUDES)
  const sorted = sortTickets(ctx, list)
  const page = paginate(sorted, ctx.url, { maxSize: 100, defaultSize: 100 }, fingerprint)
  const out: Json = { tickets: page.items.map((v) => ticketOut(ctx, v, include)) }
  sideloads(ctx, page.items, include, out)
  return { ...out, ...page.envelope }
}

// ROUTES

export const TICKET_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: p('/api/v2/users/{id}/tickets/requested'),
    allowed: 'end-user',
    selfOnly: true,
    handle: (ctx) => {
      const id = idParam(ctx)
      if (!ctx.account.userRole(id)) throw new ApiError(notFound())
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
      const include = includes(ctx, TICKET_INCLUDES)
      const views: TicketView[] = []
      for (const id of parseIds(ctx)) {
        ctx.beforeTicketRead(id)
        const v = ctx.account.ticket(id)
        if (v && v.state.status !== 'deleted') views.push(v)
      }
      const out: Json = { tickets: views.map((v) => ticketOut(ctx, v, include)) }
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
      const include = includes(ctx, TICKET_INCLUDES)
      const out: Json = { ticket: ticketOut(ctx, v, include) }
      sideloads(ctx, [v], include, out)
      return out
    },
  },
  {
    method: 'PUT',
    pattern: p('/api/v2/tickets/{id}'),
    allowed: 'agent',
    handle: updateTicket,
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
        .filter((v) => v.state.status !== 'deleted' && !isArchived(v, now))
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
]
