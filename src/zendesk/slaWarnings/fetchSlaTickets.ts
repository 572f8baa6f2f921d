// The SLA state of an agent's own open tickets, as agents may read it.
//
// Zendesk offers two sources: the ticket metric events (`incremental/ticket_metric_events`), which
// are for admins only, and the `slas` sideload of the ticket endpoints (`include=slas`), which any
// agent who can see the ticket may read: `ticket.slas.policy_metrics[]` with `metric`, `stage`
// (`active` | `paused` | `achieved`) and `breach_at`. So the warnings use the sideload: one search
// for the agent's open tickets (ids only), then `tickets/show_many?include=slas,users,organizations`
// per 100 ids, which also brings the requesters and organizations the tier is read from.

import { endpointOf, payloadError } from '../errors'
import type { ZendeskClient } from '../api/client'
import { buildPath } from '../api/client'
import { organizationSchema, ticketSchema, userSchema } from '../schemas'
import { z } from '../schemas/z'

const policyMetricSchema = z.looseObject({
  metric: z.string(),
  stage: z.optional(z.nullable(z.string())),
  breach_at: z.optional(z.nullable(z.string())),
  // time left on Zendesk's clock, in one unit (see serverClock.ts)
  minutes: z.optional(z.number()),
  hours: z.optional(z.number()),
  days: z.optional(z.number()),
})

export const slaTicketSchema = z.extend(ticketSchema, {
  slas: z.optional(
    z.nullable(
      z.looseObject({ policy_metrics: z.optional(z.nullable(z.array(policyMetricSchema))) }),
    ),
  ),
})
export type SlaTicketJson = z.infer<typeof slaTicketSchema>

const showManySchema = z.looseObject({
  tickets: z.array(slaTicketSchema),
  users: z.optional(z.array(userSchema)),
  organizations: z.optional(z.array(organizationSchema)),
})

const searchSchema = z.looseObject({
  results: z.array(z.looseObject({ id: z.int().check(z.positive()) })),
  next_page: z.optional(z.nullable(z.string())),
})

/** An agent's open tickets with their SLA targets, the people they belong to and the server's time. */
export type SlaTicketsPage = {
  tickets: SlaTicketJson[]
  users: z.infer<typeof userSchema>[]
  organizations: z.infer<typeof organizationSchema>[]
  /** The server's clock (its `Date` header) when the answer left it; null when it gave none. */
  serverNow: number | null
}

/** At most this many open tickets are watched (search pages of 100). */
export const MAX_WATCHED_TICKETS = 300

/** Epoch ms of an HTTP `Date` header, or null. */
export function serverDate(headers: Record<string, string>): number | null {
  const raw = headers['date'] ?? headers['Date']
  if (raw === undefined) return null
  const ms = Date.parse(raw)
  return Number.isFinite(ms) ? ms : null
}

/**
 * The open tickets assigned to `userId` with their live SLA targets (`include=slas`). Costs one
 * search request per 100 open tickets plus one `show_many` per 100: two requests for most agents.
 */
export async function fetchSlaTickets(
  client: ZendeskClient,
  userId: number,
): Promise<SlaTicketsPage> {
  const ids: number[] = []
  for (let page = 1; ids.length < MAX_WATCHED_TICKETS; page++) {
    const found = await client.get(
      '/api/v2/search.json',
      {
        query: `type:ticket assignee:${userId} status<solved`,
        sort_by: 'updated_at',
        sort_order: 'desc',
        per_page: 100,
        page,
      },
      searchSchema,
    )
    ids.push(...found.results.map((r) => r.id))
    if (found.next_page == null || found.results.length === 0) break
  }
  const out: SlaTicketsPage = { tickets: [], users: [], organizations: [], serverNow: null }
  const unique = [...new Set(ids)].slice(0, MAX_WATCHED_TICKETS)
  for (let i = 0; i < unique.length; i += 100) {
    const path = buildPath('/api/v2/tickets/show_many.json', {
      ids: unique.slice(i, i + 100).join(','),
      include: 'slas,users,organizations',
    })
    const res = await client.governor.execute({ method: 'GET', path })
    const parsed = showManySchema.safeParse(res.json)
    if (!parsed.success) throw payloadError(endpointOf('GET', path), parsed.error)
    out.tickets.push(...parsed.data.tickets)
    out.users.push(...(parsed.data.users ?? []))
    out.organizations.push(...(parsed.data.organizations ?? []))
    out.serverNow = serverDate(res.headers) ?? out.serverNow
  }
  return out
}
