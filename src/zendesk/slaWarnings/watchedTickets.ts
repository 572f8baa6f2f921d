// show_many tickets with their `slas` sideload → what the warning rule reads. The tier follows the
// value model's rule for a customer seen without history: the value field of the requester (else
// of the organization) against the tier thresholds, raised by a `vip_*` tag.

import { vipTier } from '@/core'
import type { SlaLiveTarget, SlaWatchedTicket, TierThresholds } from '@/core'
import type { SlaTicketsPage } from './fetchSlaTickets'

export type WatchedTicketsOptions = {
  /** The custom user/organization field that holds the customer's value (the `valueField` setting). */
  valueField: string
  /** Configured tier thresholds (threshold mode); they win over the percentiles. */
  thresholds: TierThresholds | null
  /** The account's percentile thresholds from the shared baseline, when there is one. */
  percentileThresholds?: TierThresholds | null
  /** When neither of the above: the value model's defaults unless given (the settings' minimums). */
  fallbackThresholds?: TierThresholds
}

function numberOf(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN
  return Number.isFinite(n) ? n : null
}

function targetsOf(ticket: SlaTicketsPage['tickets'][number]): SlaLiveTarget[] {
  return (ticket.slas?.policy_metrics ?? []).map((m) => {
    const at = m.breach_at == null ? NaN : Date.parse(m.breach_at)
    return { metric: m.metric, stage: m.stage ?? '', breachAt: Number.isFinite(at) ? at : null }
  })
}

/**
 * The tickets of a fetched page as the rule reads them. A requester missing from the sideload (a
 * deleted user) gives tier null: no warning rather than a guess.
 *
 * @example
 * watchedTickets(page, { valueField: 'lifetime_value', thresholds: null })
 * //=> [{ id: 5, status: 'open', assigneeId: 7, tier: 'gold', targets: [...] }]
 */
export function watchedTickets(
  page: SlaTicketsPage,
  options: WatchedTicketsOptions,
): SlaWatchedTicket[] {
  const users = new Map(page.users.map((u) => [u.id, u]))
  const orgs = new Map(page.organizations.map((o) => [o.id, o]))
  return page.tickets.map((ticket) => {
    const requester = ticket.requester_id == null ? undefined : users.get(ticket.requester_id)
    const orgId = ticket.organization_id ?? requester?.organization_id ?? null
    const org = orgId == null ? undefined : orgs.get(orgId)
    let tier: SlaWatchedTicket['tier'] = null
    if (requester !== undefined) {
      const amount =
        numberOf(requester.user_fields?.[options.valueField]) ??
        numberOf(org?.organization_fields?.[options.valueField]) ??
        0
      const tags = [...(requester.tags ?? []), ...(org?.tags ?? []), ...(ticket.tags ?? [])]
      tier = vipTier(amount, tags, {
        thresholds: options.thresholds,
        percentileThresholds: options.percentileThresholds ?? null,
        ...(options.fallbackThresholds === undefined
          ? {}
          : { fallbackThresholds: options.fallbackThresholds }),
      }).tier
    }
    return {
      id: ticket.id,
      status: ticket.status,
      assigneeId: ticket.assignee_id ?? null,
      tier,
      targets: targetsOf(ticket),
    }
  })
}
