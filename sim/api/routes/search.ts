// Search endpoints: /search (offset, capped at 1,000 results), /search/count and /search/export
// (cursor only, ordered by created_at). The query language lives in ../search.ts.
import type { TicketView } from '../../account'
import type { Json } from '../../entities'
import { ApiError, invalidSearch } from '../errors'
import { paginate } from '../paging'
import { parseQuery, ticketMatcher, userMatcher } from '../search'
import { type Route, type RouteContext, p } from './context'

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
    const out: Json[] = []
    for (const id of ctx.account.userIds()) {
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
        return ['low', 'normal', 'high', 'urgent'].indexOf(v.lifecycle.priority)
      case 'status':
        return v.state.status
      case 'ticket_type':
        return v.lifecycle.type ?? ''
      case 'created_at':
        return v.lifecycle.createdMs
      default:
        return v.lifecycle.id
    }
  }
  const sign = order === 'desc' ? -1 : 1
  views.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? -sign : ka > kb ? sign : a.lifecycle.id - b.lifecycle.id
  })
  return views.map((v) => ({ ...ctx.account.ticketJson(v, ctx.base), result_type: 'ticket' }))
}

function requireQuery(ctx: RouteContext): string {
  const query = ctx.url.searchParams.get('query')
  if (query === null || query.trim() === '')
    throw new ApiError(invalidSearch(400, 'query: parameter is required'))
  return query
}

export const SEARCH_ROUTES: readonly Route[] = [
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
]
