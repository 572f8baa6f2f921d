// show_many tickets with their `slas` sideload → what the warning rule reads. The tier is the
// sidebar's: the core's `customerValue` (the mapped value field of the requester, else of the
// organization, else the engagement estimate) and `customerTier` (a `vip_*` tag, then the
// configured, percentile or fallback thresholds; estimates against estimate thresholds).

import { contactsAsOf, customerTier, customerValueFromContacts, requesterContacts } from '@/core'
import type {
  AccountBaseline,
  CustomerProfile,
  CustomerValue,
  SlaLiveTarget,
  SlaWatchedTicket,
  ValueModelSettings,
} from '@/core'
import { normalizeOrganization, normalizeUser } from '../customers/normalize'
import type { SlaTicketsPage } from './fetchSlaTickets'

/** What the tier rule reads of the account's baseline. */
export type TierBaseline = Pick<AccountBaseline, 'valueThresholds' | 'estimateThresholds'>

/** Without the account's baseline there are no percentiles: the fallback thresholds apply. */
export const NO_BASELINE: TierBaseline = { valueThresholds: null, estimateThresholds: null }

export type WatchedTicketsOptions = {
  /** The value model's settings (`valueModelSettings` of the installation settings). */
  settings: ValueModelSettings
  /** The instant the values are as of (Zendesk's clock, see serverClock). */
  now: number
  /**
   * The account's baseline, asked for only when a tier needs it (percentile mode, or a value that
   * is an estimate); null: none yet, the fallback thresholds apply as in the sidebar.
   */
  baseline: () => Promise<TierBaseline | null>
}

type Customer = { value: CustomerValue; tags: string[] }

function targetsOf(ticket: SlaTicketsPage['tickets'][number]): SlaLiveTarget[] {
  return (ticket.slas?.policy_metrics ?? []).map((m) => {
    const at = m.breach_at == null ? NaN : Date.parse(m.breach_at)
    return { metric: m.metric, stage: m.stage ?? '', breachAt: Number.isFinite(at) ? at : null }
  })
}

/**
 * Each ticket's customer (null when the requester is missing from the sideload): the value as the
 * sidebar computes it, and the tags of the requester, the organization and the ticket. The
 * estimate's contacts are the requester's tickets on the page (the agent's open ones): the poll
 * reads no history, so an estimate here is at most the sidebar's.
 */
function customersOf(page: SlaTicketsPage, options: WatchedTicketsOptions): (Customer | null)[] {
  const reasons = {}
  const users = new Map(page.users.map((u) => [u.id, u]))
  const orgs = new Map(page.organizations.map((o) => [o.id, o]))
  const contacts = requesterContacts(
    page.tickets.map((t) => ({
      requesterId: t.requester_id ?? null,
      createdAt: Date.parse(t.created_at),
    })),
  )
  return page.tickets.map((ticket) => {
    const raw = ticket.requester_id == null ? undefined : users.get(ticket.requester_id)
    const user = raw === undefined ? null : normalizeUser(raw, reasons)
    if (user === null) return null
    const orgId = ticket.organization_id ?? user.organizationId
    const rawOrg = orgId == null ? undefined : orgs.get(orgId)
    const org = rawOrg === undefined ? null : normalizeOrganization(rawOrg, reasons)
    const profile: CustomerProfile = {
      id: user.id,
      createdAt: user.createdAt,
      tags: user.tags,
      fields: user.fields,
      organization: org,
    }
    const summary = contactsAsOf(contacts.get(user.id), options.now, true)
    const value = customerValueFromContacts(profile, summary, options.now, options.settings.value)
    const tags = [...user.tags, ...(org?.tags ?? []), ...(ticket.tags ?? [])]
    return { value, tags }
  })
}

/** Whether some tier reads the baseline: money in percentile mode, or any estimate. */
function needsBaseline(customers: (Customer | null)[], settings: ValueModelSettings): boolean {
  return customers.some(
    (c) => c !== null && (c.value.isEstimate || (settings.tierThresholds ?? null) === null),
  )
}

/**
 * The tickets of a fetched page as the rule reads them. A requester missing from the sideload (a
 * deleted user) gives tier null: no warning rather than a guess. Rejects only when the baseline
 * read rejects.
 *
 * @example
 * await watchedTickets(page, { settings: valueModelSettings(settings), now, baseline: read })
 * //=> [{ id: 5, status: 'open', assigneeId: 7, tier: 'gold', targets: [...] }]
 */
export async function watchedTickets(
  page: SlaTicketsPage,
  options: WatchedTicketsOptions,
): Promise<SlaWatchedTicket[]> {
  const customers = customersOf(page, options)
  const baseline = needsBaseline(customers, options.settings)
    ? ((await options.baseline()) ?? NO_BASELINE)
    : NO_BASELINE
  return page.tickets.map((ticket, i) => {
    const customer = customers[i] ?? null
    return {
      id: ticket.id,
      status: ticket.status,
      assigneeId: ticket.assignee_id ?? null,
      tier:
        customer === null
          ? null
          : customerTier(customer.value, customer.tags, baseline, options.settings).tier,
      targets: targetsOf(ticket),
    }
  })
}
