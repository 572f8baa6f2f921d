// Requester history for the ticket sidebar, within a strict request budget:
// - cold: ONE request — the requester's tickets, newest first, 100 per page, with the metric sets,
//   users and organizations sideloaded (`include=metric_sets,users,organizations`); a SECOND only
//   when needed: `search/count` when the requester has more than 100 tickets (the newest 100 are
//   listed, the total comes from search), or the user / organization record when the sideloads
//   could not carry it (a requester with no tickets, an organization none of the tickets has);
// - warm: ZERO requests while the cached entry is younger than the TTL (default 5 minutes);
// - the same requester asked twice at once shares one fetch.

import type { TicketRecord } from '@/core'
import { normalizeExportPage, storedOrganizationOf, storedUserOf } from '../normalize'
import type { ReasonCounts } from '../normalize'
import type { StoredTicket } from '../store/types'
import type { ZendeskClient } from '../api/client'
import {
  CURSOR_PAGE_MAX,
  fetchOrganizationsById,
  fetchRequestedTickets,
  fetchUser,
  searchCount,
} from '../api/endpoints'
import type { Timer } from '../governor/timer'
import { systemTimer } from '../governor/timer'
import type { ZendeskOrganization, ZendeskUser } from '../schemas'
import type { StoredOrganization, StoredUser } from '../store/types'

// TYPES

/**
 * The requester as the store keeps users (one user shape across the app: tags lower-case, scalar
 * custom fields), plus whether the account still lets them in.
 */
export type RequesterProfile = StoredUser & {
  /** False for a deleted user (Zendesk keeps the record with `active: false`). */
  active: boolean
  suspended: boolean
}

/** The requester's organization as the store keeps organizations. */
export type OrganizationProfile = StoredOrganization

export type RequesterHistory = {
  requesterId: number
  requester: RequesterProfile | null
  organization: OrganizationProfile | null
  /** Newest first; at most `pageSize` (100). */
  tickets: TicketRecord[]
  /** The same tickets (same order) with their tags, priority and subject. */
  stored: StoredTicket[]
  /** All tickets of the requester: the listed count, or search/count's when there are more. */
  totalTickets: number
  /** True when `tickets` holds every ticket of the requester. */
  complete: boolean
  /** Tickets the normaliser dropped, and every data-quality rule it applied. */
  skipped: number
  reasons: ReasonCounts
  fetchedAt: number
  /** API requests this answer cost: 1 or 2 cold, 0 from the cache. */
  requests: number
}

export type RequesterHistoryOptions = {
  client: ZendeskClient
  /** How long an answer is served from memory, ms (default 5 minutes). */
  ttlMs?: number
  timer?: Timer
  /** Requesters kept in memory (least recently fetched go first; default 200). */
  maxEntries?: number
  /** Tickets per page; Zendesk's cap is 100 (tests use less to exercise the large-history path). */
  pageSize?: number
}

export type RequesterHistoryStore = {
  get(requesterId: number, options?: { force?: boolean }): Promise<RequesterHistory>
  /** Forgets one requester (e.g. after the agent changed a ticket) or everyone. */
  invalidate(requesterId?: number): void
}

// MAPPING

function profileOf(user: ZendeskUser): RequesterProfile | null {
  const stored = storedUserOf(user, {})
  if (stored === null) return null
  return { ...stored, active: user.active !== false, suspended: user.suspended === true }
}

function organizationOf(org: ZendeskOrganization): OrganizationProfile | null {
  return storedOrganizationOf(org, {})
}

// STORE

export function createRequesterHistory(options: RequesterHistoryOptions): RequesterHistoryStore {
  const { client } = options
  const ttl = options.ttlMs ?? 5 * 60_000
  const timer = options.timer ?? systemTimer
  const maxEntries = Math.max(1, options.maxEntries ?? 200)
  const pageSize = Math.max(1, Math.min(CURSOR_PAGE_MAX, options.pageSize ?? CURSOR_PAGE_MAX))
  const cache = new Map<number, RequesterHistory>()
  const pending = new Map<number, Promise<RequesterHistory>>()

  async function load(requesterId: number): Promise<RequesterHistory> {
    let requests = 1
    const page = await fetchRequestedTickets(client, requesterId, { pageSize })
    const normalized = normalizeExportPage(page)
    const stored = normalized.tickets.sort(
      (a, b) => b.ticket.createdAt - a.ticket.createdAt || b.ticket.id - a.ticket.id,
    )
    const tickets = stored.map((s) => s.ticket)

    const user = page.users?.find((u) => u.id === requesterId)
    let requester = user ? profileOf(user) : null
    const orgId =
      requester?.organizationId ??
      tickets.find((t) => t.requesterId === requesterId)?.organizationId ??
      null
    const sideOrg = orgId === null ? undefined : page.organizations?.find((o) => o.id === orgId)
    let organization = sideOrg ? organizationOf(sideOrg) : null

    let totalTickets = page.tickets.length
    const complete = !page.meta.has_more
    if (!complete) {
      // the second and last request: how many there are in all
      requests++
      const counted = await searchCount(client, `type:ticket requester:${requesterId}`)
      totalTickets = Math.max(counted, page.tickets.length)
    } else if (requester === null) {
      requests++
      requester = profileOf(await fetchUser(client, requesterId))
    } else if (organization === null && orgId !== null) {
      requests++
      const [org] = await fetchOrganizationsById(client, [orgId])
      organization = org ? organizationOf(org) : null
    }
    return {
      requesterId,
      requester,
      organization,
      tickets,
      stored,
      totalTickets,
      complete,
      skipped: normalized.skipped,
      reasons: normalized.reasons,
      fetchedAt: timer.now(),
      requests,
    }
  }

  return {
    get(requesterId, getOptions = {}) {
      const cached = cache.get(requesterId)
      if (getOptions.force !== true && cached && timer.now() - cached.fetchedAt < ttl) {
        return Promise.resolve({ ...cached, requests: 0 })
      }
      const inFlight = pending.get(requesterId)
      if (inFlight) return inFlight.then((h) => ({ ...h, requests: 0 }))
      const promise = load(requesterId)
        .then((history) => {
          cache.delete(requesterId)
          cache.set(requesterId, history)
          while (cache.size > maxEntries) {
            const oldest = cache.keys().next()
            if (oldest.done === true) break
            cache.delete(oldest.value)
          }
          return history
        })
        .finally(() => pending.delete(requesterId))
      pending.set(requesterId, promise)
      return promise
    },
    invalidate(requesterId) {
      if (requesterId === undefined) cache.clear()
      else cache.delete(requesterId)
    },
  }
}
