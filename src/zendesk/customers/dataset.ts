// Collects incremental export pages (tickets + metric_sets + users + organizations sideloads) into
// the value model's inputs: one profile per user, one CustomerTicket per ticket (newest version).

import { isRecord } from '@/core'
import { normalizeExportPage } from '@/zendesk/normalize'
import type { ReasonCounts } from '@/zendesk/normalize'
import type { StoredOrganization, StoredUser } from '@/zendesk/store/types'
import type { CustomerReasonCounts } from './normalize'
import { countReason } from './normalize'
import { joinProfiles } from './profiles'
import type { CustomerProfile, CustomerTicket } from './types'

export interface CustomerDataset {
  profiles: Map<number, CustomerProfile>
  /** Newest version of every ticket, in id order. */
  tickets: CustomerTicket[]
  /** Ticket normaliser rules (see docs/metrics.md) and the adapter's own rules. */
  ticketReasons: ReasonCounts
  customerReasons: CustomerReasonCounts
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function addCounts<K extends string>(
  into: Partial<Record<K, number>>,
  add: Partial<Record<K, number>>,
): void {
  for (const [k, n] of Object.entries(add) as [K, number][]) into[k] = (into[k] ?? 0) + n
}

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
  private readonly users = new Map<number, StoredUser>()
  private readonly orgs = new Map<number, StoredOrganization>()
  private readonly tickets = new Map<number, CustomerTicket>()
  private readonly ticketReasons: ReasonCounts = {}
  private readonly customerReasons: CustomerReasonCounts = {}

  /** Adds one page; returns the number of tickets it held. */
  addPage(page: unknown): number {
    if (!isRecord(page)) return 0
    const n = normalizeExportPage(page)
    addCounts(this.ticketReasons, n.reasons)
    addCounts(this.customerReasons, n.customerReasons)
    for (const u of n.users) this.users.set(u.id, u)
    for (const o of n.organizations) this.orgs.set(o.id, o)
    for (const t of n.tickets) {
      const held = this.tickets.get(t.ticket.id)
      if (held !== undefined && held.ticket.updatedAt > t.ticket.updatedAt) {
        countReason(this.customerReasons, 'olderTicketVersion')
        continue
      }
      this.tickets.set(t.ticket.id, { ticket: t.ticket, tags: t.tags, priority: t.priority })
    }
    return list(page.tickets).length
  }

  /** Profiles with their organizations joined, and the tickets in id order. */
  result(): CustomerDataset {
    const profiles = joinProfiles(this.users.values(), this.orgs, this.customerReasons)
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
