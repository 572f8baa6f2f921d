// The one normaliser of an export page: a ticket page (incremental export, show_many, a requester's
// tickets) becomes the engine's TicketRecords and the value model's records in one pass, with the
// data-quality counts of both. The sync, the kpi command and the score command all read pages here.

import { isRecord } from '@/core'
import type { TicketRecord } from '@/core'
import type { CustomerReasonCounts } from '../customers/normalize'
import {
  normalizeOrganization,
  normalizePriority,
  normalizeTags,
  normalizeUser,
} from '../customers/normalize'
import type { StoredOrganization, StoredTicket, StoredUser } from '../store/types'
import type { ReasonCounts } from './reasons'
import { normalizeTicket } from './ticket'

export interface NormalizedPage {
  /** The engine's records, in page order (the same objects as `tickets[i].ticket`). */
  records: TicketRecord[]
  /** The records with the extras the value model and drill-down lists read. */
  tickets: StoredTicket[]
  users: StoredUser[]
  organizations: StoredOrganization[]
  /** Tickets of the page that were dropped (their reasons are in `reasons`). */
  skipped: number
  /** The ticket normaliser's rules (docs/metrics.md). */
  reasons: ReasonCounts
  /** The customer adapter's rules (tags, priority, users, organizations). */
  customerReasons: CustomerReasonCounts
  /** Smallest and largest version instant (ms) on the page, for page-order checks. */
  minVersion: number
  maxVersion: number
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function text(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/**
 * A sideloaded user as the store keeps it, or null without a valid id (counted `invalidUser`).
 *
 * @example
 * storedUserOf({ id: 5, name: 'Ana', role: 'end-user', tags: ['VIP'] }, {})
 * //=> { id: 5, name: 'Ana', email: null, role: 'end-user', createdAt: null, tags: ['vip'], fields: {}, organizationId: null }
 */
export function storedUserOf(raw: unknown, reasons: CustomerReasonCounts): StoredUser | null {
  const user = normalizeUser(raw, reasons)
  if (user === null || !isRecord(raw)) return null
  return {
    id: user.id,
    name: text(raw.name),
    email: typeof raw.email === 'string' ? raw.email : null,
    role: typeof raw.role === 'string' ? raw.role : null,
    createdAt: user.createdAt,
    tags: user.tags,
    fields: user.fields,
    organizationId: user.organizationId,
  }
}

/**
 * A sideloaded organization as the store keeps it, or null without a valid id.
 *
 * @example
 * storedOrganizationOf({ id: 9, name: 'Acme', organization_fields: { plan: 'growth' } }, {})
 * //=> { id: 9, name: 'Acme', tags: [], fields: { plan: 'growth' } }
 */
export function storedOrganizationOf(
  raw: unknown,
  reasons: CustomerReasonCounts,
): StoredOrganization | null {
  const org = normalizeOrganization(raw, reasons)
  if (org === null || !isRecord(raw)) return null
  return { ...org, name: text(raw.name) }
}

/**
 * Normalises one ticket page. Tickets are joined with the page's `metric_sets` by `ticket_id`.
 * Never throws: a missing list gives nothing, a bad record is dropped and counted.
 *
 * @example
 * const n = normalizeExportPage({ tickets: [ticket], metric_sets: [set], users: [user] })
 * n.records.length //=> 1
 * n.tickets[0].tags //=> ['vip_gold']
 */
export function normalizeExportPage(page: {
  tickets?: unknown
  metric_sets?: unknown
  users?: unknown
  organizations?: unknown
}): NormalizedPage {
  const reasons: ReasonCounts = {}
  const customerReasons: CustomerReasonCounts = {}
  const users: StoredUser[] = []
  for (const raw of list(page.users)) {
    const u = storedUserOf(raw, customerReasons)
    if (u !== null) users.push(u)
  }
  const organizations: StoredOrganization[] = []
  for (const raw of list(page.organizations)) {
    const o = storedOrganizationOf(raw, customerReasons)
    if (o !== null) organizations.push(o)
  }
  const sets = new Map<unknown, unknown>()
  for (const ms of list(page.metric_sets)) if (isRecord(ms)) sets.set(ms.ticket_id, ms)
  const records: TicketRecord[] = []
  const tickets: StoredTicket[] = []
  let skipped = 0
  let minVersion = Infinity
  let maxVersion = -Infinity
  for (const raw of list(page.tickets)) {
    const record = normalizeTicket(raw, isRecord(raw) ? sets.get(raw.id) : undefined, reasons)
    if (record === null || !isRecord(raw)) {
      skipped++
      continue
    }
    records.push(record)
    tickets.push({
      ticket: record,
      tags: normalizeTags(raw.tags, customerReasons),
      priority: normalizePriority(raw.priority, customerReasons),
      subject: text(raw.subject),
    })
    if (record.updatedAt < minVersion) minVersion = record.updatedAt
    if (record.updatedAt > maxVersion) maxVersion = record.updatedAt
  }
  return {
    records,
    tickets,
    users,
    organizations,
    skipped,
    reasons,
    customerReasons,
    minVersion,
    maxVersion,
  }
}
