// What the account store hands to the rest of the app: the synced account, rebuilt in memory.
// The store's on-disk layout (IndexedDB, compact per-page records) stays behind `loadAccount`.

import type {
  CustomerOrganization,
  CustomerProfile,
  CustomerTicket,
  KpiEngine,
  RequesterContacts,
  SlaEvent,
} from '@/core'

/** A synced ticket: the engine's record plus what the value model and drill-down lists read. */
export interface StoredTicket extends CustomerTicket {
  subject: string
}

/** A synced user (requester or agent): the value model's profile plus name, email and role. */
export interface StoredUser {
  id: number
  name: string
  email: string | null
  /** `end-user`, `agent` or `admin`; null when the API did not say. */
  role: string | null
  createdAt: number | null
  tags: readonly string[]
  fields: CustomerProfile['fields']
  organizationId: number | null
}

export interface StoredOrganization extends CustomerOrganization {
  name: string
}

export interface StoredGroup {
  id: number
  name: string
}

/** The synced account in memory: the KPI engine plus everything the value model and views read. */
export interface LoadedAccount {
  /** Every ticket and SLA event, newest versions (deleted tickets included, as the engine expects). */
  engine: KpiEngine
  /** Newest version of a ticket with its extras; undefined when not synced. */
  ticket(id: number): StoredTicket | undefined
  /** Every synced ticket (newest version), for the value model's analytics. */
  tickets(): Iterable<StoredTicket>
  slaEvents(ticketId: number): readonly SlaEvent[]
  /**
   * Requester → creation times of their tickets, ascending (`requesterContacts` of `tickets()`),
   * kept up to date as changes are applied: what the tier split reads instead of every ticket.
   * Optional so a hand-made account can leave it out (callers then walk `tickets()`).
   */
  requesterContacts?(): RequesterContacts
  users: ReadonlyMap<number, StoredUser>
  organizations: ReadonlyMap<number, StoredOrganization>
  groups: ReadonlyMap<number, StoredGroup>
  /** Users joined with their organizations, as the value model reads them. */
  profiles(): ReadonlyMap<number, CustomerProfile>
  /** Stored records that could not be read: left out (the rest loaded), counted and described. */
  problems: readonly StoreProblem[]
  /** Records left out (problems beyond the first few are only counted). */
  skippedRecords: number
}

/** A stored record the loader could not read, e.g. cut short or written by another version. */
export interface StoreProblem {
  /** The object store, e.g. `ticketPages`. */
  store: string
  /** The record's key, as text. */
  key: string
  message: string
}

/** What one committed page changed (passed to `onCommit` and applied to a LoadedAccount). */
export interface AccountChange {
  tickets: StoredTicket[]
  slaEvents: SlaEvent[]
  users: StoredUser[]
  organizations: StoredOrganization[]
  groups: StoredGroup[]
}
