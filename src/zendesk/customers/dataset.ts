// Collects incremental export pages (tickets + metric_sets + users + organizations sideloads) into
// the value model's inputs: one profile per user, one CustomerTicket per ticket (newest version).

import { normalizeTicket } from '@/zendesk/normalize'
import type { ReasonCounts } from '@/zendesk/normalize'
import type { CustomerReasonCounts, UserRecord } from './normalize'
import {
  countReason,
  normalizeOrganization,
  normalizePriority,
  normalizeTags,
  normalizeUser,
} from './normalize'
import type { CustomerOrganization, CustomerProfile, CustomerTicket } from './types'

export interface CustomerDataset {
  profiles: Map<number, CustomerProfile>
  /** Newest version of every ticket, in id order. */
  tickets: CustomerTicket[]
  /** Ticket normaliser rules (see docs/metrics.md) and the adapter's own rules. */
  ticketReasons: ReasonCounts
  customerReasons: CustomerReasonCounts
}

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/**
 * Accumulates export pages in any order. Pages of other shapes are ignored (the caller decides
 * whether that is an error). Never throws on bad records.
 *
 * @example
 * const b = new CustomerDatasetBuilder()
 * b.addPage(page)
 * b.result().tickets.length //=> 1000
 */
export class CustomerDatasetBuilder {
  private readonly users = new Map<number, UserRecord>()
  private readonly orgs = new Map<number, CustomerOrganization>()
  private readonly tickets = new Map<number, CustomerTicket>()
  private readonly ticketReasons: ReasonCounts = {}
  private readonly customerReasons: CustomerReasonCounts = {}

  /** Adds one page; returns the number of tickets it held. */
  addPage(page: unknown): number {
    if (!isObject(page)) return 0
    for (const raw of list(page.users)) {
      const u = normalizeUser(raw, this.customerReasons)
      if (u !== null) this.users.set(u.id, u)
    }
    for (const raw of list(page.organizations)) {
      const o = normalizeOrganization(raw, this.customerReasons)
      if (o !== null) this.orgs.set(o.id, o)
    }
    const sets = new Map<unknown, unknown>()
    for (const ms of list(page.metric_sets)) if (isObject(ms)) sets.set(ms.ticket_id, ms)
    const tickets = list(page.tickets)
    for (const raw of tickets) {
      const record = normalizeTicket(
        raw,
        isObject(raw) ? sets.get(raw.id) : undefined,
        this.ticketReasons,
      )
      if (record === null || !isObject(raw)) continue
      const held = this.tickets.get(record.id)
      if (held !== undefined && held.ticket.updatedAt > record.updatedAt) {
        countReason(this.customerReasons, 'olderTicketVersion')
        continue
      }
      this.tickets.set(record.id, {
        ticket: record,
        tags: normalizeTags(raw.tags, this.customerReasons),
        priority: normalizePriority(raw.priority, this.customerReasons),
      })
    }
    return tickets.length
  }

  /** Profiles with their organizations joined, and the tickets in id order. */
  result(): CustomerDataset {
    const profiles = new Map<number, CustomerProfile>()
    for (const u of this.users.values()) {
      let organization: CustomerOrganization | null = null
      if (u.organizationId !== null) {
        organization = this.orgs.get(u.organizationId) ?? null
        if (organization === null) countReason(this.customerReasons, 'unknownOrganization')
      }
      profiles.set(u.id, {
        id: u.id,
        createdAt: u.createdAt,
        tags: u.tags,
        fields: u.fields,
        organization,
      })
    }
    const tickets = [...this.tickets.values()].sort((a, b) => a.ticket.id - b.ticket.id)
    return {
      profiles,
      tickets,
      ticketReasons: { ...this.ticketReasons },
      customerReasons: { ...this.customerReasons },
    }
  }
}

/**
 * Builds the dataset from a list of pages.
 *
 * @example
 * customerDataset([page1, page2]).profiles.size //=> 312
 */
export function customerDataset(pages: Iterable<unknown>): CustomerDataset {
  const b = new CustomerDatasetBuilder()
  for (const p of pages) b.addPage(p)
  return b.result()
}
