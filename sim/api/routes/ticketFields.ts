// Ticket fields: list (system fields first, then custom ones by position), show, and create (admins),
// as installing an app's `ticket_fields` requirements does.
import { ApiError, notFound } from '../errors'
import { paginate } from '../paging'
import { type Route, idParam, p } from './context'

export const TICKET_FIELD_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: p('/api/v2/ticket_fields'),
    allowed: 'agent',
    handle: (ctx) => {
      const store = ctx.account.ticketFields
      const page = paginate(store.list(), ctx.url, { maxSize: 100, defaultSize: 100 }, 'fields')
      return {
        ticket_fields: page.items.map((f) => store.json(f, ctx.base)),
        ...page.envelope,
      }
    },
  },
  {
    method: 'POST',
    pattern: p('/api/v2/ticket_fields'),
    allowed: 'admin',
    status: 201,
    handle: (ctx) => {
      const store = ctx.account.ticketFields
      const body = (ctx.body ?? {}) as { ticket_field?: unknown }
      return { ticket_field: store.json(store.create(body.ticket_field), ctx.base) }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/ticket_fields/{id}'),
    allowed: 'agent',
    handle: (ctx) => {
      const store = ctx.account.ticketFields
      const field = store.get(idParam(ctx))
      if (!field) throw new ApiError(notFound())
      return { ticket_field: store.json(field, ctx.base) }
    },
  },
]
